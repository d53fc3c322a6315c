package io.kisbridge.bridge;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The bridge's own localhost certificate authority and the HTTPS server certificate it signs (SAN localhost,
 * 127.0.0.1, ::1), kept in the state directory as PEM: {@code kisbridge-ca.crt}, {@code kisbridge-ca.key},
 * {@code server.crt}, {@code server.key}. Keys are written rw------- (on POSIX file systems). The CA is created once
 * and reused (the user trusts it once); the server certificate is renewed when it is missing, not signed by the
 * current CA, or expires within {@link #RENEW_BEFORE}.
 */
public final class LocalCertificates {
    public static final String CA_CERT = "kisbridge-ca.crt";
    public static final String CA_KEY = "kisbridge-ca.key";
    public static final String SERVER_CERT = "server.crt";
    public static final String SERVER_KEY = "server.key";
    static final Duration CA_LIFETIME = Duration.ofDays(3650);
    /** Apple platforms refuse TLS server certificates valid for more than 398 days. */
    static final Duration SERVER_LIFETIME = Duration.ofDays(397);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final String SIG_ALG = "SHA256withECDSA";

    private final Path dir;
    private final X509Certificate ca;
    private final X509Certificate server;
    private final PrivateKey serverKey;
    private final boolean caCreated;
    private final boolean serverCreated;

    private LocalCertificates(Path dir, X509Certificate ca, X509Certificate server, PrivateKey serverKey,
            boolean caCreated, boolean serverCreated) {
        this.dir = dir;
        this.ca = ca;
        this.server = server;
        this.serverKey = serverKey;
        this.caCreated = caCreated;
        this.serverCreated = serverCreated;
    }

    /** Loads the CA and server certificate from {@code stateDir}, creating or renewing what is needed. */
    public static LocalCertificates ensure(Path stateDir, Clock clock) {
        try {
            Files.createDirectories(stateDir);
            Instant now = clock.instant();
            boolean caCreated = false;
            X509Certificate ca;
            PrivateKey caPrivate;
            Path caCert = stateDir.resolve(CA_CERT);
            Path caKey = stateDir.resolve(CA_KEY);
            if (Files.exists(caCert) && Files.exists(caKey)
                    && (ca = readCert(caCert)).getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE))) {
                caPrivate = readKey(caKey);
            } else {
                KeyPair caKeys = newKeyPair();
                caPrivate = caKeys.getPrivate();
                ca = selfSignedCa(caKeys, now);
                writePem(caKey, new JcaPKCS8Generator(caPrivate, null), true);
                writePem(caCert, ca, false);
                caCreated = true;
            }
            Path serverCert = stateDir.resolve(SERVER_CERT);
            Path serverKeyFile = stateDir.resolve(SERVER_KEY);
            X509Certificate server = null;
            PrivateKey serverPrivate = null;
            if (!caCreated && Files.exists(serverCert) && Files.exists(serverKeyFile)) {
                X509Certificate existing = readCert(serverCert);
                if (signedBy(existing, ca) && existing.getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE))) {
                    server = existing;
                    serverPrivate = readKey(serverKeyFile);
                }
            }
            boolean serverCreated = server == null;
            if (serverCreated) {
                KeyPair serverKeys = newKeyPair();
                serverPrivate = serverKeys.getPrivate();
                server = serverCert(serverKeys, ca, caPrivate, now);
                writePem(serverKeyFile, new JcaPKCS8Generator(serverPrivate, null), true);
                writePem(serverCert, server, false);
            }
            return new LocalCertificates(stateDir, ca, server, serverPrivate, caCreated, serverCreated);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bridge's certificates in " + stateDir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the bridge's certificates: " + e.getMessage(), e);
        }
    }

    /** The server key and chain (server, CA) as an in-memory PKCS#12 key store for Jetty. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", serverKey, password, new Certificate[] {server, ca});
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the bridge's key store", e);
        }
    }

    public X509Certificate caCertificate() {
        return ca;
    }

    public X509Certificate serverCertificate() {
        return server;
    }

    public Path caCertFile() {
        return dir.resolve(CA_CERT);
    }

    public Path caKeyFile() {
        return dir.resolve(CA_KEY);
    }

    public Path serverCertFile() {
        return dir.resolve(SERVER_CERT);
    }

    public Path serverKeyFile() {
        return dir.resolve(SERVER_KEY);
    }

    /** Whether this call created a new CA (the user must trust it again). */
    public boolean caCreated() {
        return caCreated;
    }

    public boolean serverCertificateCreated() {
        return serverCreated;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return g.generateKeyPair();
    }

    private static X509Certificate selfSignedCa(KeyPair keys, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name name = new X500Name("CN=KIS Spreadsheet Bridge local CA " + now.getEpochSecond()
                + ", O=kisbridge (this computer only)");
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(CA_LIFETIME)), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(b, keys.getPrivate());
    }

    private static X509Certificate serverCert(KeyPair keys, X509Certificate ca, PrivateKey caKey, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        GeneralNames san = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, InetAddress.getByName("::1").getHostAddress()),
        });
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, serial(), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(SERVER_LIFETIME)), new X500Name("CN=localhost"), keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, san)
                .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca))
                .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
        return sign(b, caKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
            throws GeneralSecurityException, OperatorCreationException {
        ContentSigner signer = new JcaContentSignerBuilder(SIG_ALG).build(key);
        X509CertificateHolder holder = b.build(signer);
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static BigInteger serial() {
        return new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
    }

    private static boolean signedBy(X509Certificate cert, X509Certificate ca) {
        try {
            cert.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static X509Certificate readCert(Path file) throws IOException, GeneralSecurityException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            if (!(o instanceof X509CertificateHolder h)) {
                throw new IOException(file + " does not hold a PEM certificate");
            }
            return new JcaX509CertificateConverter().getCertificate(h);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            if (o instanceof PrivateKeyInfo info) {
                return new JcaPEMKeyConverter().getPrivateKey(info);
            } else if (o instanceof PEMKeyPair kp) {
                return new JcaPEMKeyConverter().getKeyPair(kp).getPrivate();
            }
            throw new IOException(file + " does not hold a PEM private key");
        }
    }

    /** Writes atomically; private keys are created rw------- before any byte is written. */
    private static void writePem(Path file, Object object, boolean secret) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            if (object instanceof JcaPKCS8Generator g) {
                w.writeObject(g.generate());
            } else {
                w.writeObject(object);
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, sw.toString(), StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
