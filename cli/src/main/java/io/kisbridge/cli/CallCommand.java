package io.kisbridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kisbridge.core.ApiResult;
import io.kisbridge.core.ApiSpec;
import io.kisbridge.core.Catalog;
import io.kisbridge.core.CatalogListing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Any catalog API from the shell: {@code ./kisbridge call inquire-price FID_INPUT_ISCD=005930 --env demo}; {@code call
 * --list [--json]} lists the catalog (the JSON is the bridge's {@code GET /v1/catalog}).
 */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = "Call one KIS API from the catalog and print its output blocks as JSON.")
final class CallCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", arity = "0..1", paramLabel = "API",
            description = "Catalog name, e.g. inquire-price, inquire-balance, balance-sheet (see --list).")
    String api;

    @CommandLine.Option(names = "--list", description = "List every API of the catalog instead of calling one.")
    boolean list;

    @CommandLine.Option(names = "--json", description = "With --list: the catalog as a JSON array.")
    boolean json;

    @Parameters(index = "1..*", paramLabel = "PARAM=VALUE", description = "KIS parameters; the rest take catalog defaults.")
    List<String> params = List.of();

    @Override
    public Integer call() throws Exception {
        if (list) {
            printList();
            return 0;
        }
        if (api == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "name an API (or --list to see them all)");
        }
        Catalog.get(api); // an unknown name fails here, naming the nearest ones, before any configuration is needed
        Map<String, String> p = parseParams(params);
        try (KisSession session = KisSession.open(config, DemoSession.DEFAULT_SEED)) {
            print(session.client().call(api, p));
        }
        return 0;
    }

    static Map<String, String> parseParams(List<String> raw) {
        Map<String, String> p = new LinkedHashMap<>();
        for (String kv : raw) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(new CommandLine(new CallCommand()),
                        "parameter '" + kv + "' is not of the form NAME=VALUE");
            }
            p.put(kv.substring(0, eq).strip(), kv.substring(eq + 1));
        }
        return p;
    }

    private void printList() throws Exception {
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            spec.commandLine().getOut().println(mapper.writeValueAsString(CatalogListing.json(Catalog.dataApis())));
            return;
        }
        for (ApiSpec s : Catalog.dataApis()) {
            spec.commandLine().getOut().printf("%-36s %-16s %-6s %s%n", s.name(), s.docId(),
                    s.availableInPaper() ? "paper" : "real", s.description());
        }
    }

    private void print(ApiResult result) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("api", result.apiName());
        out.put("tr_id", result.trId());
        out.put("msg_cd", result.msgCd());
        out.put("msg1", result.msg1());
        out.put("pages", result.pages());
        out.putAll(result.outputs());
        spec.commandLine().getOut().println(mapper.writeValueAsString(out));
    }
}
