package io.kisbridge.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One KIS REST API of the {@link Catalog}: everything the executor and the spreadsheet function list need, read
 * from the catalog data (imported from KIS's official samples, plus our curated additions).
 *
 * @param name         stable unique name: the path's last segment ({@code inquire-price}, {@code balance-sheet})
 * @param docId        KIS document id, e.g. {@code v1_국내주식-008}
 * @param description  one English line
 * @param kind         quotation, account inquiry, order or auth
 * @param method       GET or POST
 * @param path         path below the REST base URL
 * @param trIds        TR IDs by variant; key {@code ""} when there is one, otherwise the values of {@link #trSelector}
 * @param trSelector   name of the SELECTOR parameter choosing the variant, or null
 * @param params       parameters in the order KIS documents them
 * @param outputBlocks output blocks in the answer (output, output1, output2)
 * @param rowsBlock    the block that holds the rows a spreadsheet shows
 * @param paging       paging style
 * @param pageSize     rows per call for windowed paging (0 when not applicable)
 * @param group        the official samples' group, {@code domestic_stock} or {@code etfetn} (empty for auth endpoints)
 * @param title        KIS's Korean title of the API
 * @param markets      the FID_COND_MRKT_DIV_CODE values it takes among J (KRX), NX (NXT), UN (integrated); empty = not stated
 * @param outputFields every declared field of each output block, in KIS's order
 */
public record ApiSpec(String name, String docId, String description, Kind kind, String method, String path,
                      Map<String, TrIds> trIds, String trSelector, List<ApiParam> params, List<String> outputBlocks,
                      String rowsBlock, Paging paging, int pageSize, String group, String title, List<String> markets,
                      Map<String, List<OutputField>> outputFields) {

    /** What kind of API this is; orders get a hashkey and are never retried after they may have reached KIS. */
    public enum Kind { QUOTATION, ACCOUNT, ORDER, AUTH }

    /** Real and paper TR IDs; paper null = not available in paper trading. */
    public record TrIds(String real, String paper) {
        public String forEnvironment(KisEnvironment env) {
            return env == KisEnvironment.REAL ? real : paper;
        }
    }

    public ApiSpec {
        trIds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(trIds));
        params = List.copyOf(params);
        outputBlocks = List.copyOf(outputBlocks);
        markets = List.copyOf(markets);
        Map<String, List<OutputField>> fields = new java.util.LinkedHashMap<>();
        outputFields.forEach((k, v) -> fields.put(k, List.copyOf(v)));
        outputFields = java.util.Collections.unmodifiableMap(fields);
    }

    /** Every TR ID this API may send, real and paper, in variant order. */
    public List<String> allTrIds() {
        return trIds.values().stream().flatMap(t -> java.util.stream.Stream.of(t.real(), t.paper()))
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    public boolean availableInPaper() {
        return !trIds.isEmpty() && trIds.values().stream().allMatch(t -> t.paper() != null);
    }

    public boolean accountScoped() {
        return params.stream().anyMatch(p -> p.role() == ApiParam.Role.ACCOUNT_NUMBER);
    }

    public boolean isOrder() {
        return kind == Kind.ORDER;
    }

    public boolean isPost() {
        return "POST".equals(method);
    }

    public List<ApiParam> userParams() {
        return params.stream().filter(ApiParam::userFacing).toList();
    }

    public Optional<ApiParam> param(String name) {
        return params.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The default TR ID for an environment (the first variant when there are several); null = not in paper. */
    public String trId(KisEnvironment env) {
        TrIds t = trIds.containsKey("") ? trIds.get("") : trIds.values().iterator().next();
        return t.forEnvironment(env);
    }

    /** Continuation parameters (first the FK key, then the NK key) for tr_cont paging. */
    public List<ApiParam> continuationParams() {
        return params.stream().filter(p -> p.role() == ApiParam.Role.CONTINUATION).toList();
    }
}
