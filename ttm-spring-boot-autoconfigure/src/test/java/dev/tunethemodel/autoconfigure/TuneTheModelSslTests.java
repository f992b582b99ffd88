package dev.tunethemodel.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
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
import dev.tunethemodel.client.error.TuneTheModelConnectionException;
import dev.tunethemodel.connector.ConnectorTransport;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@code tunethemodel.ssl.bundle}, and of {@code spring.http.clients.ssl.bundle}
 * when it names none, against an HTTPS server with a self-signed certificate, on both
 * transports.
 */
class TuneTheModelSslTests {

	private static final String API_KEY = "ttm-ssl-key-9a61";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static WireMockServer server;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebClientAutoConfiguration.class, TuneTheModelAutoConfiguration.class))
		.withPropertyValues("tunethemodel.api-key=" + API_KEY,
				"tunethemodel.base-url=https://127.0.0.1:" + server.httpsPort(), "tunethemodel.retry.max-retries=0");

	@BeforeAll
	static void startServer() {
		server = new WireMockServer(SelfSignedCertificate.httpsServer().httpDisabled(true));
		server.start();
		server.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void serverIsReachedWithABundleThatTrustsItsCertificate(ConnectorTransport transport) {
		transport.apply(this.contextRunner)
			.withPropertyValues(SelfSignedCertificate.trustingBundle("corporate"))
			.withPropertyValues("tunethemodel.ssl.bundle=corporate")
			.run(transport::assertListsTheModel);
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void serverIsReachedWithTheBundleOfSpringHttpClientsWhenTunethemodelNamesNone(ConnectorTransport transport) {
		transport.apply(this.contextRunner)
			.withPropertyValues(SelfSignedCertificate.trustingBundle("platform"))
			.withPropertyValues("spring.http.clients.ssl.bundle=platform")
			.run(transport::assertListsTheModel);
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void serverIsRefusedWithoutTheBundleNamingTheProperty(ConnectorTransport transport) {
		transport.apply(this.contextRunner)
			.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelConnectionException.class)
					.hasMessageStartingWith("GET /v0/models to 127.0.0.1:" + server.httpsPort()
							+ " failed: TLS handshake failed: the server's certificate is not trusted; "
							+ "set tunethemodel.ssl.bundle to an SSL bundle that trusts it (")
					.hasMessageNotContaining(API_KEY))
				.verify(TIMEOUT));
	}

}
