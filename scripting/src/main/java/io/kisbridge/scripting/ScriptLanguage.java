package io.kisbridge.scripting;

import java.util.Locale;

/** The guest languages a script may be written in, chosen by the file's extension. */
public enum ScriptLanguage {
    JAVASCRIPT("js", ".js"),
    PYTHON("python", ".py");

    private final String id;
    private final String extension;

    ScriptLanguage(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The GraalVM language id. */
    public String id() {
        return id;
    }

    public String extension() {
        return extension;
    }

    /** The language of a file name ({@code alert.js}, {@code screener.py}). */
    public static ScriptLanguage ofFileName(String fileName) {
        String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        for (ScriptLanguage l : values()) {
            if (n.endsWith(l.extension)) {
                return l;
            }
        }
        throw new IllegalArgumentException("a script must end in .js or .py; got '" + fileName + "'");
    }
}
