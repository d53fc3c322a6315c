package io.kisbridge.libreoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extension's declarations are generated from the bridge's function metadata and committed; this test
 * regenerates them and fails on any difference. {@code -Dkisbridge.regenerate=true} rewrites them instead.
 */
class DeclarationsDriftTest {
    private static SimulatedBridge bridge;
    private static Map<Path, String> generated;

    @BeforeAll
    static void generate() throws Exception {
        bridge = new SimulatedBridge(Files.createTempDirectory("kisbridge-drift"));
        generated = new DeclarationsGenerator(FunctionsJson.fetch(bridge.url())).files();
        if (Boolean.getBoolean("kisbridge.regenerate")) {
            for (Map.Entry<Path, String> e : generated.entrySet()) {
                Files.createDirectories(e.getKey().toAbsolutePath().getParent());
                Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    @AfterAll
    static void stop() {
        bridge.close();
    }

    @Test
    void theCommittedDeclarationsAreWhatTheBridgesMetadataGenerates() throws Exception {
        for (Map.Entry<Path, String> e : generated.entrySet()) {
            assertThat(e.getKey()).as("generated file (run the test with -Dkisbridge.regenerate=true)").exists();
            assertThat(Files.readString(e.getKey(), StandardCharsets.UTF_8))
                    .as("%s is stale: run DeclarationsDriftTest with -Dkisbridge.regenerate=true", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void everyFunctionTheBridgeListsHasAMethodWithItsArguments() throws Exception {
        JsonNode list = FunctionsJson.functionList(bridge.url());
        List<String> names = new ArrayList<>();
        list.forEach(f -> names.add(f.path("name").asText()));
        assertThat(names).isNotEmpty().contains("PRICE", "QUOTE", "HISTORY");
        for (JsonNode f : list) {
            String name = f.path("name").asText();
            java.lang.reflect.Method m = java.util.Arrays.stream(XKisFunctions.class.getMethods())
                    .filter(x -> x.getName().equals(name)).findFirst().orElseThrow(
                            () -> new AssertionError("no method for " + name));
            assertThat(m.getParameterCount()).as("arguments of %s", name).isEqualTo(f.path("args").size());
        }
        for (String live : List.of("STREAM", "BOOK", "FILLS", "SCRIPT")) {
            assertThat(XKisFunctions.class.getMethods()).extracting(java.lang.reflect.Method::getName).contains(live);
        }
    }
}
