package io.kisbridge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kisbridge.core.ApiResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Any catalog API from the shell: {@code ./kisbridge call inquire-price FID_INPUT_ISCD=005930 --env demo}. */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = "Call one KIS API from the catalog and print its output blocks as JSON.")
final class CallCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "API", description = "Catalog name, e.g. inquire-price, inquire-balance, balance-sheet.")
    String api;

    @Parameters(index = "1..*", paramLabel = "PARAM=VALUE", description = "KIS parameters; the rest take catalog defaults.")
    List<String> params = List.of();

    @Override
    public Integer call() throws Exception {
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
