package io.kisbridge.bridge.internal.status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Replaces every occurrence of the bridge's secrets (app key and secret, account number in its spellings, HTS id,
 * tokens, the bridge key) with {@code ****} in text about to leave the bridge. A last guard under the rule that
 * these are never put there in the first place: an error message or a script's name could carry one.
 */
public final class Redactor {
    public static final String MASK = "****";
    /** Shorter values are not masked (a one-letter HTS id would blank every word that contains it). */
    private static final int MIN_LENGTH = 4;

    private final List<String> secrets;

    public Redactor(List<String> secrets) {
        List<String> s = new ArrayList<>();
        for (String v : secrets) {
            if (v != null && v.strip().length() >= MIN_LENGTH && !s.contains(v.strip())) {
                s.add(v.strip());
            }
        }
        s.sort(Comparator.comparingInt(String::length).reversed()); // the 10-digit account before its 8-digit part
        this.secrets = List.copyOf(s);
    }

    public String clean(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    /** Whether {@code text} still holds one of the secrets (for tests and assertions). */
    public boolean leaks(String text) {
        Objects.requireNonNull(text, "text");
        return secrets.stream().anyMatch(text::contains);
    }
}
