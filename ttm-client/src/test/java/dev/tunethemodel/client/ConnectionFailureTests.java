package dev.tunethemodel.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.reactivestreams.Publisher;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelConnectionException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.model.CreateModelRequest;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a call that cannot reach the API fails with a message that names the host
 * and port it tried and the reason, in the same words on each transport.
 */
@ParameterizedClass
@EnumSource(TransportUnderTest.class)
class ConnectionFailureTests {

	private static final String API_KEY = "ttm-connection-key-71c3";

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

	private static final Duration VERIFY = Duration.ofSeconds(20);

	private static final RetrySettings FAST_RETRIES = new RetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50),
			Duration.ofSeconds(5));

	@RegisterExtension
	static final WireMockExtension selfSigned = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"))
		.build();

	private final TransportUnderTest transport;

	ConnectionFailureTests(TransportUnderTest transport) {
		this.transport = transport;
	}

	@Test
	void refusedConnectionIsRepeatedEvenForACreationThenNamesTheAddress() {
		String baseUrl = ClosedPort.baseUrl();
		TuneTheModelTemplate template = builder(baseUrl).retrySettings(FAST_RETRIES).build();
		// nothing was sent: a creation is as safe to repeat as a read
		assertFailure(template.createModel(CreateModelRequest.generator("g")), TuneTheModelConnectionException.class,
				"POST /v0/models to " + address(baseUrl) + " failed after 4 attempts: connection refused");
	}

	@Test
	void refusedConnectionNotRepeatedSaysSo() {
		String baseUrl = ClosedPort.baseUrl();
		assertFailure(builder(baseUrl).build().getModel("m-1"), TuneTheModelConnectionException.class,
				"GET /v0/models/{model}/status [m-1] to " + address(baseUrl) + " failed: connection refused");
	}

	@Test
	void unknownHostIsNamed() {
		// .invalid never resolves, and the name server is waited for at most the connect
		// timeout when there is none
		assertFailure(builder("https://nosuch.invalid").build().listModels(), TuneTheModelConnectionException.class,
				"GET /v0/models to nosuch.invalid:443 failed: unknown host nosuch.invalid");
	}

	@Test
	void connectionThatCannotBeMadeInTimeSaysHowLongItWaited() throws IOException {
		try (FullBacklogPort port = new FullBacklogPort()) {
			assertFailure(builder("http://127.0.0.1:" + port.port()).build().listModels(),
					TuneTheModelTimeoutException.class,
					"GET /v0/models to 127.0.0.1:" + port.port() + " failed: timed out connecting after 1s");
		}
	}

	@Test
	void serverThatDoesNotSpeakTlsFailsTheHandshake() throws IOException {
		try (MisbehavingServer server = MisbehavingServer.start(MisbehavingServer.Behaviour.ANSWER_PLAIN_HTTP)) {
			assertFailure(builder("https://127.0.0.1:" + server.port()).build().listModels(),
					TuneTheModelConnectionException.class, "GET /v0/models to 127.0.0.1:" + server.port()
							+ " failed: TLS handshake failed: the server did not answer in TLS");
		}
	}

	@Test
	void untrustedCertificateFailsTheHandshakeNamingTheSslBundleProperty() {
		int port = selfSigned.getRuntimeInfo().getHttpsPort();
		StepVerifier.create(builder("https://127.0.0.1:" + port).build().listModels())
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelConnectionException.class)
				.hasMessageStartingWith("GET /v0/models to 127.0.0.1:" + port
						+ " failed: TLS handshake failed: the server's certificate is not trusted; "
						+ "set tunethemodel.ssl.bundle to an SSL bundle that trusts it (")
				.hasMessageEndingWith(")")
				.hasCauseInstanceOf(WebClientRequestException.class))
			.verify(VERIFY);
	}

	@Test
	void resetConnectionIsNamed() throws IOException {
		try (MisbehavingServer server = MisbehavingServer.start(MisbehavingServer.Behaviour.RESET_AFTER_REQUEST)) {
			assertFailure(builder("http://127.0.0.1:" + server.port()).build().listModels(),
					TuneTheModelConnectionException.class,
					"GET /v0/models to 127.0.0.1:" + server.port() + " failed: connection reset by the server");
		}
	}

	@Test
	void connectionClosedBeforeTheResponseIsNamed() throws IOException {
		try (MisbehavingServer server = MisbehavingServer.start(MisbehavingServer.Behaviour.CLOSE_AFTER_REQUEST)) {
			assertFailure(builder("http://127.0.0.1:" + server.port()).build().listModels(),
					TuneTheModelConnectionException.class,
					"GET /v0/models to 127.0.0.1:" + server.port() + " failed: connection closed before the response");
		}
	}

	private void assertFailure(Publisher<?> call, Class<? extends TuneTheModelException> type, String message) {
		StepVerifier.create(call)
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(type)
				.hasMessage(message)
				.hasMessageNotContaining(API_KEY)
				.cause()
				.isNotNull())
			.verify(VERIFY);
	}

	private TuneTheModelTemplate.Builder builder(String baseUrl) {
		WebClient.Builder webClientBuilder = this.transport.webClientBuilder(CONNECT_TIMEOUT);
		return TuneTheModelTemplate.builder()
			.webClientBuilder(webClientBuilder)
			.baseUrl(baseUrl)
			.apiKey(API_KEY)
			.retrySettings(RetrySettings.none());
	}

	private static String address(String baseUrl) {
		URI uri = URI.create(baseUrl);
		return uri.getHost() + ":" + uri.getPort();
	}

}
