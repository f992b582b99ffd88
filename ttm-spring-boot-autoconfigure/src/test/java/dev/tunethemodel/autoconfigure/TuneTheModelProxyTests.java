package dev.tunethemodel.autoconfigure;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.connector.ConnectorTransport;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that both transports honour the JVM's proxy system properties. The API's host
 * name resolves nowhere, so only the proxy can answer.
 */
class TuneTheModelProxyTests {

	private static final String API_KEY = "ttm-proxy-key-27d3";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final List<String> PROXY_PROPERTIES = List.of("https.proxyHost", "https.proxyPort", "http.proxyHost",
			"http.proxyPort", "http.nonProxyHosts");

	private static WireMockServer server;

	private final Map<String, String> savedProperties = new HashMap<>();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebClientAutoConfiguration.class, TuneTheModelAutoConfiguration.class))
		.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.retry.max-retries=0");

	@BeforeAll
	static void startServer() {
		server = new WireMockServer(SelfSignedCertificate.httpsServer().dynamicPort());
		server.start();
		server.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@AfterEach
	void restoreProxyProperties() {
		for (String name : PROXY_PROPERTIES) {
			String saved = this.savedProperties.get(name);
			if (saved != null) {
				System.setProperty(name, saved);
			}
			else {
				System.clearProperty(name);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void httpsGoesThroughTheHttpsProxyAsAConnectTunnel(ConnectorTransport transport) throws Exception {
		try (RecordingProxy proxy = new RecordingProxy(server.httpsPort())) {
			setProxyProperty("https.proxyHost", "127.0.0.1");
			setProxyProperty("https.proxyPort", String.valueOf(proxy.port()));
			transport.apply(this.contextRunner)
				.withPropertyValues(SelfSignedCertificate.trustingBundle("corporate"))
				.withPropertyValues("tunethemodel.ssl.bundle=corporate",
						"tunethemodel.base-url=https://" + SelfSignedCertificate.HOST + ":" + server.httpsPort())
				.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
					.expectNextCount(1)
					.expectComplete()
					.verify(TIMEOUT));
			assertThat(proxy.requestLines())
				.startsWith("CONNECT " + SelfSignedCertificate.HOST + ":" + server.httpsPort() + " HTTP/1.1");
		}
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void httpGoesThroughTheHttpProxy(ConnectorTransport transport) throws Exception {
		try (RecordingProxy proxy = new RecordingProxy(server.port())) {
			setProxyProperty("http.proxyHost", "127.0.0.1");
			setProxyProperty("http.proxyPort", String.valueOf(proxy.port()));
			transport.apply(this.contextRunner)
				.withPropertyValues("tunethemodel.allow-insecure-http=true",
						"tunethemodel.base-url=http://" + SelfSignedCertificate.HOST + ":" + server.port())
				.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
					.expectNextCount(1)
					.expectComplete()
					.verify(TIMEOUT));
			assertThat(proxy.requestLines()).first()
				.asString()
				.contains(SelfSignedCertificate.HOST + ":" + server.port());
		}
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void hostsInNonProxyHostsAreReachedDirectly(ConnectorTransport transport) throws Exception {
		try (RecordingProxy proxy = new RecordingProxy(server.port())) {
			setProxyProperty("http.proxyHost", "127.0.0.1");
			setProxyProperty("http.proxyPort", String.valueOf(proxy.port()));
			setProxyProperty("http.nonProxyHosts", "localhost|127.0.0.1");
			transport.apply(this.contextRunner)
				.withPropertyValues("tunethemodel.base-url=http://127.0.0.1:" + server.port())
				.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
					.expectNextCount(1)
					.expectComplete()
					.verify(TIMEOUT));
			assertThat(proxy.requestLines()).isEmpty();
		}
	}

	private void setProxyProperty(String name, String value) {
		this.savedProperties.putIfAbsent(name, System.getProperty(name));
		System.setProperty(name, value);
	}

}
