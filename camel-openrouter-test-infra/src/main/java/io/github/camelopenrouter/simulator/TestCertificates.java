package io.github.camelopenrouter.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away self-signed certificate for {@code localhost} / {@code 127.0.0.1}, valid two days,
 * for TLS tests against the simulator.
 *
 * <p>The JDK has no public API to create a certificate, and BouncyCastle would be a dependency for one
 * test; so this runs the JDK's own {@code keytool} (from {@code java.home}) into a temporary directory,
 * which costs about a second.
 * <pre>
 * TestCertificates tls = TestCertificates.generate();
 * OpenRouterSimulator sim = OpenRouterSimulator.start(SimulatorSettings.defaults().withTls(tls.serverContext()));
 * HttpClient client = HttpClient.newBuilder().sslContext(tls.clientContext()).build();
 * </pre>
 */
public final class TestCertificates {

    private static final String PASSWORD = "changeit";
    private static final String ALIAS = "localhost";

    private final KeyStore keyStore;
    private final KeyStore trustStore;
    private final Path trustStoreFile;

    private TestCertificates(KeyStore keyStore, KeyStore trustStore, Path trustStoreFile) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
        this.trustStoreFile = trustStoreFile;
    }

    public static TestCertificates generate() {
        try {
            Path directory = Files.createTempDirectory("openrouter-sim-tls");
            Path keyStoreFile = directory.resolve("server.p12");
            keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keyStoreFile.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD);
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStoreFile)) {
                keyStore.load(in, PASSWORD.toCharArray());
            }
            Certificate certificate = keyStore.getCertificate(ALIAS);
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, PASSWORD.toCharArray());
            trustStore.setCertificateEntry(ALIAS, certificate);
            Path trustStoreFile = directory.resolve("truststore.p12");
            try (OutputStream out = Files.newOutputStream(trustStoreFile)) {
                trustStore.store(out, PASSWORD.toCharArray());
            }
            keyStoreFile.toFile().deleteOnExit();
            trustStoreFile.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            return new TestCertificates(keyStore, trustStore, trustStoreFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a test certificate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a test certificate", e);
        }
    }

    /** The server side: certificate and private key, for {@link SimulatorSettings#withTls}. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the server SSLContext", e);
        }
    }

    /** A client context that trusts exactly this certificate. */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the client SSLContext", e);
        }
    }

    /** An in-memory PKCS12 trust store holding the certificate. */
    public KeyStore trustStore() {
        return trustStore;
    }

    /** The same trust store as a PKCS12 file, e.g. for {@code javax.net.ssl.trustStore} or a Camel option. */
    public Path trustStoreFile() {
        return trustStoreFile;
    }

    public String trustStorePassword() {
        return PASSWORD;
    }

    private static void keytool(String... arguments) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name").startsWith("Windows") ? "keytool.exe" : "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running keytool", e);
        }
    }
}
