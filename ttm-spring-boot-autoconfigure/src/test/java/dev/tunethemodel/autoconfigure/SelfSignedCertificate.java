package dev.tunethemodel.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A self-signed certificate for 127.0.0.1, localhost and {@value #HOST}, made once per
 * test run with the JDK's {@code keytool} into {@code target/tls}: a keystore for a
 * server and a truststore that trusts it.
 */
final class SelfSignedCertificate {

	/**
	 * A host name that resolves nowhere, so that only a proxy can reach it.
	 */
	static final String HOST = "api.tunethemodel.test";

	static final String PASSWORD = "changeit";

	private static final Path DIRECTORY = Path.of("target", "tls").toAbsolutePath();

	static final Path KEYSTORE = DIRECTORY.resolve("server.p12");

	static final Path TRUSTSTORE = DIRECTORY.resolve("truststore.p12");

	private static boolean created;

	private SelfSignedCertificate() {
	}

	/**
	 * Return the options of a WireMock server on 127.0.0.1 that serves HTTPS with this
	 * certificate, on a free port.
	 * @return the options
	 */
	static WireMockConfiguration httpsServer() {
		create();
		return WireMockConfiguration.wireMockConfig()
			.bindAddress("127.0.0.1")
			.dynamicHttpsPort()
			.keystorePath(KEYSTORE.toString())
			.keystoreType("PKCS12")
			.keystorePassword(PASSWORD)
			.keyManagerPassword(PASSWORD);
	}

	/**
	 * Create the keystore and the truststore, once.
	 */
	static synchronized void create() {
		if (created) {
			return;
		}
		try {
			Files.createDirectories(DIRECTORY);
			Path certificate = DIRECTORY.resolve("server.crt");
			for (Path file : List.of(KEYSTORE, TRUSTSTORE, certificate)) {
				Files.deleteIfExists(file);
			}
			keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
					"CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost,dns:" + HOST, "-storetype", "PKCS12",
					"-keystore", KEYSTORE.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
			keytool("-exportcert", "-alias", "server", "-keystore", KEYSTORE.toString(), "-storepass", PASSWORD, "-rfc",
					"-file", certificate.toString());
			keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(), "-storetype",
					"PKCS12", "-keystore", TRUSTSTORE.toString(), "-storepass", PASSWORD);
			created = true;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the properties of an SSL bundle that trusts the certificate.
	 * @param name the bundle's name
	 * @return the properties
	 */
	static String[] trustingBundle(String name) {
		String prefix = "spring.ssl.bundle.jks." + name + ".truststore.";
		return new String[] { prefix + "location=file:" + TRUSTSTORE, prefix + "password=" + PASSWORD,
				prefix + "type=PKCS12" };
	}

	private static void keytool(String... arguments) throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElseThrow();
		List<String> command = new ArrayList<>();
		command.add(Path.of(java).resolveSibling("keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("keytool failed: " + output);
		}
	}

}
