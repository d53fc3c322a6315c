package io.kisbridge.bridge.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.FnResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderTest {
    private static final FnResult.Table TABLE = new FnResult.Table(List.of("code", "name", "price"),
            List.of(List.of("005930", "Samsung, \"pref\"", "71900"), List.of("000660", "<SK>&", "-12.5")));

    @Test
    void defaultsToTextForValuesAndCsvForTables() {
        assertThat(Render.format(null, FnResult.scalar("1"))).isEqualTo(Render.Format.TEXT);
        assertThat(Render.format("", TABLE)).isEqualTo(Render.Format.CSV);
        assertThat(Render.format("XML", TABLE)).isEqualTo(Render.Format.XML);
        assertThatThrownBy(() -> Render.parse("yaml")).isInstanceOf(BridgeException.class);
    }

    @Test
    void quotesCsvFieldsOnlyWhenNeeded() {
        assertThat(Render.body(TABLE, Render.Format.CSV)).isEqualTo("code,name,price\r\n"
                + "005930,\"Samsung, \"\"pref\"\"\",71900\r\n000660,<SK>&,-12.5\r\n");
    }

    @Test
    void jsonTurnsNumbersIntoNumbersButKeepsCodesAsText() {
        assertThat(Render.body(TABLE, Render.Format.JSON)).isEqualTo("{\"columns\":[\"code\",\"name\",\"price\"],"
                + "\"rows\":[[\"005930\",\"Samsung, \\\"pref\\\"\",71900],[\"000660\",\"<SK>&\",-12.5]]}");
        assertThat(Render.body(FnResult.scalar("71900"), Render.Format.JSON)).isEqualTo("{\"value\":71900}");
    }

    @Test
    void xmlEscapesValuesForFilterXml() {
        assertThat(Render.body(TABLE, Render.Format.XML)).endsWith("<row><code>000660</code><name>&lt;SK&gt;&amp;"
                + "</name><price>-12.5</price></row></table>");
        assertThat(Render.body(FnResult.scalar("a<b"), Render.Format.XML)).endsWith("<result><value>a&lt;b</value></result>");
    }
}
