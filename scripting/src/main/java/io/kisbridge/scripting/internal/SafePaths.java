package io.kisbridge.scripting.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Where a script's file name may lead: only inside one folder. Absolute paths, {@code ..}, and symbolic links on the
 * way (the folder's own path excepted) are refused, so a script cannot read or write anything else.
 */
public final class SafePaths {
    private SafePaths() {
    }

    /**
     * The file {@code name} (relative; sub-folders allowed) inside {@code folder}, ending in one of {@code extensions}.
     *
     * @param what how the refusal names the operation ({@code workbook.write})
     * @throws IllegalArgumentException with the reason, for any name that could leave the folder
     */
    public static Path resolve(Path folder, String name, Set<String> extensions, String what) throws IOException {
        return resolve(folder, name, extensions, what, "the output folder");
    }

    /** As {@link #resolve(Path, String, Set, String)}; {@code folderName} is how messages name the folder. */
    public static Path resolve(Path folder, String name, Set<String> extensions, String what, String folderName)
            throws IOException {
        if (folder == null) {
            throw new IllegalStateException(what + " refused: no folder is allowed for files in this runtime");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " needs a file name");
        }
        String n = name.strip();
        if (n.startsWith("/") || n.startsWith("\\") || n.matches("^[A-Za-z]:.*") || n.startsWith("~")) {
            throw new IllegalArgumentException(what + " refused: '" + name + "' is an absolute path; give a name inside"
                    + " " + folderName);
        }
        Path rel;
        try {
            rel = Path.of(n.replace('\\', '/'));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(what + " refused: '" + name + "' is not a file name");
        }
        if (rel.isAbsolute()) {
            throw new IllegalArgumentException(what + " refused: '" + name + "' is an absolute path");
        }
        for (Path part : rel) {
            if (part.toString().equals("..")) {
                throw new IllegalArgumentException(what + " refused: '" + name + "' leaves " + folderName + " (..)");
            }
        }
        String lower = n.toLowerCase(Locale.ROOT);
        if (extensions.stream().noneMatch(lower::endsWith)) {
            throw new IllegalArgumentException(what + " refused: '" + name + "' must end in "
                    + String.join(" or ", extensions.stream().sorted().toList()));
        }
        Path base = folder.toAbsolutePath().normalize();
        Path target = base.resolve(rel).normalize();
        if (!target.startsWith(base) || target.equals(base)) {
            throw new IllegalArgumentException(what + " refused: '" + name + "' leaves " + folderName);
        }
        Path p = base;
        for (Path part : base.relativize(target)) {
            p = p.resolve(part);
            if (Files.isSymbolicLink(p)) {
                throw new IllegalArgumentException(what + " refused: '" + name + "' goes through a symbolic link ("
                        + base.relativize(p) + "); links may lead out of " + folderName);
            }
            if (!p.equals(target) && Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p,
                    LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalArgumentException(what + " refused: " + base.relativize(p) + " is not a folder");
            }
        }
        return target;
    }
}
