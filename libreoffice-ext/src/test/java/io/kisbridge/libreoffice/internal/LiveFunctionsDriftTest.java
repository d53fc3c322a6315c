package io.kisbridge.libreoffice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** STREAM's fields and FILLS' columns are the Excel add-in's (the bridge's web/addin/js/streaming.js). */
class LiveFunctionsDriftTest {
    private static String streamingJs() throws Exception {
        try (InputStream in = LiveFunctionsDriftTest.class.getResourceAsStream("/web/addin/js/streaming.js")) {
            assertThat(in).as("streaming.js on the excel-bridge classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String block(String js, String start, char close) {
        int i = js.indexOf(start);
        assertThat(i).as("%s in streaming.js", start).isNotNegative();
        return js.substring(i + start.length(), js.indexOf(close + ";", i));
    }

    @Test
    void streamFieldsAreTheExcelAddinsTradeFields() throws Exception {
        Map<String, String> js = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+):\\s*'(\\w+)'").matcher(block(streamingJs(), "var TRADE_FIELDS = {", '}'));
        while (m.find()) {
            js.put(m.group(1), m.group(2));
        }
        assertThat(js).isNotEmpty();
        assertThat(LiveFunctions.TRADE_FIELDS).containsExactlyEntriesOf(js);
    }

    @Test
    void fillsColumnsAreTheExcelAddinsFillColumns() throws Exception {
        Map<String, String> js = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\['(\\w+)',\\s*'(\\w+)'\\]").matcher(block(streamingJs(), "var FILL_COLUMNS = [", ']'));
        while (m.find()) {
            js.put(m.group(1), m.group(2));
        }
        assertThat(js).isNotEmpty();
        assertThat(LiveFunctions.FILL_COLUMNS).containsExactlyEntriesOf(js);
    }

    @Test
    void codesAndBookFieldsAreReadAsTheAddinReadsThem() {
        assertThat(LiveFunctions.code("5930")).isEqualTo("005930");
        assertThat(LiveFunctions.code("A005930")).isEqualTo("005930");
        assertThat(LiveFunctions.bookField(null, null)).isEqualTo("askp1");
        assertThat(LiveFunctions.bookField("3", "bidqty")).isEqualTo("bidp_rsqn3");
        assertThat(LiveFunctions.bookField("11", "ask")).isNull();
        assertThat(LiveFunctions.tradeField(null)).isEqualTo("stck_prpr");
        assertThat(LiveFunctions.tradeField("cntg_vol")).isEqualTo("cntg_vol");
    }
}
