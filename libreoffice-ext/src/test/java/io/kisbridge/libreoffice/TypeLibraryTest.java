package io.kisbridge.libreoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.star.lib.uno.typeinfo.MethodTypeInfo;
import com.sun.star.lib.uno.typeinfo.TypeInfo;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed type library (src/main/oxt/kisbridge.rdb) and Java binding are what LibreOffice's SDK tools make of
 * the committed IDL. Needs unoidl-write and javamaker (Debian: libreoffice-dev); skipped without them, so a build
 * without the SDK still works.
 */
class TypeLibraryTest {
    static final Path SDK_BIN = Path.of("/usr/lib/libreoffice/sdk/bin");
    static final Path TYPES = Path.of("/usr/lib/libreoffice/program/types.rdb");

    @Test
    void unoidlWriteMakesTheCommittedTypeLibraryFromTheCommittedIdl(@TempDir Path dir) throws Exception {
        Path unoidlWrite = SDK_BIN.resolve("unoidl-write");
        assumeTrue(Files.isExecutable(unoidlWrite) && Files.exists(TYPES),
                "unoidl-write is not installed: apt-get install libreoffice-dev");
        Path rdb = dir.resolve("kisbridge.rdb");
        run(unoidlWrite.toString(), TYPES.toString(), DeclarationsGenerator.IDL.toAbsolutePath().toString(), rdb.toString());
        assertThat(Files.readAllBytes(rdb)).as("src/main/oxt/kisbridge.rdb is stale: regenerate it (module README)")
                .isEqualTo(Files.readAllBytes(DeclarationsGenerator.RDB));
    }

    @Test
    void javamakersBindingHasTheMethodsAndTypeInfoOfTheCommittedInterface(@TempDir Path dir) throws Exception {
        Path javamaker = SDK_BIN.resolve("javamaker");
        assumeTrue(Files.isExecutable(javamaker) && Files.exists(TYPES),
                "javamaker is not installed: apt-get install libreoffice-dev");
        run(javamaker.toString(), "-O", dir.toString(), "-nD", "-Tio.kisbridge.libreoffice.XKisFunctions",
                "-X" + TYPES, DeclarationsGenerator.RDB.toAbsolutePath().toString());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                XKisFunctions.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(XKisFunctions.class.getName())) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> c = findLoadedClass(name);
                        return c != null ? c : findClass(name);
                    }
                }
                return super.loadClass(name, resolve);
            }
        }) {
            Class<?> theirs = loader.loadClass(XKisFunctions.class.getName());
            assertThat(theirs).isNotSameAs(XKisFunctions.class);
            assertThat(signatures(theirs)).isEqualTo(signatures(XKisFunctions.class));
            assertThat(typeInfo(theirs)).isEqualTo(typeInfo(XKisFunctions.class));
        }
    }

    private static List<String> signatures(Class<?> c) {
        return Arrays.stream(c.getDeclaredMethods()).map(m -> m.getName() + Arrays.toString(m.getParameterTypes())
                + m.getReturnType().getName()).sorted().toList();
    }

    private static List<String> typeInfo(Class<?> c) throws Exception {
        TypeInfo[] infos = (TypeInfo[]) c.getField("UNOTYPEINFO").get(null);
        return Arrays.stream(infos).map(t -> t.getName() + "#" + ((MethodTypeInfo) t).getIndex() + "/" + t.getFlags())
                .toList();
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", cmd), out).isZero();
    }
}
