package io.kisbridge.core.realtime.internal;

import io.kisbridge.core.realtime.AesKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;

/** AES-256-CBC/PKCS7 + Base64 decryption of execution-notice payloads, one cached Cipher per thread. */
public final class AesCbc {
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            // PKCS5Padding is PKCS#7 for 16-byte blocks.
            return Cipher.getInstance("AES/CBC/PKCS5Padding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC unavailable in this JRE", e);
        }
    });

    private AesCbc() {
    }

    /**
     * @throws IllegalArgumentException on bad Base64
     * @throws GeneralSecurityException on a wrong key or bad padding
     */
    public static String decrypt(String base64, AesKey key) throws GeneralSecurityException {
        byte[] cipherText = Base64.getDecoder().decode(base64);
        Cipher cipher = CIPHER.get();
        cipher.init(Cipher.DECRYPT_MODE, key.keySpec(), key.ivSpec());
        return new String(cipher.doFinal(cipherText), StandardCharsets.UTF_8);
    }

    /** For tests and tools: the inverse of {@link #decrypt}. */
    public static String encrypt(String plain, AesKey key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key.keySpec(), key.ivSpec());
        return Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    }
}
