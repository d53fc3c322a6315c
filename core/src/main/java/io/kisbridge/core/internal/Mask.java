package io.kisbridge.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Masking for anything that might reach a log, an exception message or a toString(). */
public final class Mask {
    private Mask() {
    }

    /** Shows only that a value is set and its length: never any of its characters. */
    public static String secret(String value) {
        if (value == null || value.isEmpty()) {
            return "<unset>";
        }
        return "****(" + value.length() + " chars)";
    }

    /** Removes every occurrence of the given secrets from a text (e.g. a server message echoing a value). */
    public static String scrub(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            if (s != null && s.length() >= 4) {
                out = out.replace(s, "****");
            }
        }
        return out;
    }

    public static String sha256Hex(String value) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** A short digest that identifies an app key in file names and registries without revealing it. */
    public static String keyId(String appKey) {
        return sha256Hex(appKey).substring(0, 16);
    }
}
