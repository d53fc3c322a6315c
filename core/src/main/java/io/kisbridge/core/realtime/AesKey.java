package io.kisbridge.core.realtime;

import java.nio.charset.StandardCharsets;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256-CBC key and IV from a subscribe ack ({@code body.output.key}, 32 ASCII chars, and
 * {@code body.output.iv}, 16 chars), used as their UTF-8 bytes (kis-reference.md §7.7). The specs are
 * built once per ack, not per frame. {@link #toString()} never shows the material.
 */
public final class AesKey {
    private final SecretKeySpec keySpec;
    private final IvParameterSpec ivSpec;

    public AesKey(String key, String iv) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] v = iv.getBytes(StandardCharsets.UTF_8);
        if (k.length != 32) {
            throw new IllegalArgumentException("AES-256 key must be 32 bytes, got " + k.length);
        }
        if (v.length != 16) {
            throw new IllegalArgumentException("AES IV must be 16 bytes, got " + v.length);
        }
        this.keySpec = new SecretKeySpec(k, "AES");
        this.ivSpec = new IvParameterSpec(v);
    }

    public SecretKeySpec keySpec() {
        return keySpec;
    }

    public IvParameterSpec ivSpec() {
        return ivSpec;
    }

    @Override
    public String toString() {
        return "AesKey[***]";
    }
}
