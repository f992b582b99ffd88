package dev.tunethemodel.connector;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.RetrySettings;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException.Problem;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.http.JdkHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of the transport {@link TuneTheModelConnector} chooses: Reactor Netty with the
 * client's pool when the class loader finds it, otherwise the JDK's {@code HttpClient},
 * each with the settings' timeouts, created on the first request and closed by
 * {@link TuneTheModelConnector#destroy()}.
 */
class TuneTheModelConnectorTransportTests {

	private static final String API_KEY = "ttm-transport-key-0c4e";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void withReactorNettyTheConnectorIsReactorNettyWithTheClientsOwnPool() {
		TuneTheModelConnector connector = ConnectorTransport.REACTOR_NETTY
			.connector(TuneTheModelConnectorSettings.defaults().withMaxConnections(7));
		try {
			ClientTransport transport = connector.transport();
			assertThat(transport).isInstanceOf(ReactorNettyTransport.class);
			ConnectionProvider pool = ((ReactorNettyTransport) transport).provider();
			assertThat(pool.name()).isEqualTo("tunethemodel");
			assertThat(pool.maxConnections()).isEqualTo(7);
		}
		finally {
			connector.destroy();
		}
	}

	@Test
	void withoutReactorNettyTheConnectorIsTheJdkClientWithItsPermits() {
		TuneTheModelConnector connector = ConnectorTransport.JDK
			.connector(TuneTheModelConnectorSettings.defaults().withMaxConnections(7));
		try {
			ClientTransport transport = connector.transport();
			assertThat(transport).isInstanceOf(JdkTransport.class);
			assertThat(((JdkTransport) transport).permits().available()).isEqualTo(7);
		}
		finally {
			connector.destroy();
		}
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void callWorksThroughEachTransport(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
		TuneTheModelConnector connector = transport.connector(TuneTheModelConnectorSettings.defaults());
		try {
			StepVerifier.create(template(connector, wireMock.baseUrl()).listModels())
				.assertNext((model) -> assertThat(model.id()).isEqualTo("m-1"))
				.expectComplete()
				.verify(TIMEOUT);
			transport.assertIsTheTransportOf(connector);
		}
		finally {
			connector.destroy();
		}
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void nothingIsCreatedBeforeTheFirstRequest(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		TuneTheModelConnector connector = transport.connector(TuneTheModelConnectorSettings.defaults());
		try {
			TuneTheModelOperations operations = template(connector, wireMock.baseUrl());
			assertThat(connector.isStarted()).isFalse();
			StepVerifier.create(operations.listModels()).expectComplete().verify(TIMEOUT);
			assertThat(connector.isStarted()).isTrue();
		}
		finally {
			connector.destroy();
		}
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void destroyClosesTheTransport(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		TuneTheModelConnector connector = transport.connector(TuneTheModelConnectorSettings.defaults());
		StepVerifier.create(template(connector, wireMock.baseUrl()).listModels()).expectComplete().verify(TIMEOUT);
		ClientTransport started = connector.transport();
		connector.destroy();
		StepVerifier.create(connector.getClientHttpConnector()
			.connect(HttpMethod.GET, URI.create(wireMock.baseUrl() + "/v0/models"), (request) -> request.setComplete()))
			.expectErrorMessage("The Tune the Model connector is closed")
			.verify(TIMEOUT);
		if (started instanceof ReactorNettyTransport reactorNetty) {
			assertThat(reactorNetty.provider().isDisposed()).isTrue();
		}
		if (started instanceof JdkTransport jdk) {
			StepVerifier.create(jdk.permits().acquire())
				.expectErrorMessage("The Tune the Model connector is closed")
				.verify(TIMEOUT);
		}
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void readTimeoutAppliesOnEachTransport(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(3000)));
		assertListingTimesOut(transport,
				TuneTheModelConnectorSettings.defaults().withReadTimeout(Duration.ofMillis(200)), wireMock.baseUrl(),
				Duration.ofSeconds(2));
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void readTimeoutAppliesToTheBodyOnEachTransport(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models")
			.willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}").withChunkedDribbleDelay(2, 3000)));
		assertListingTimesOut(transport,
				TuneTheModelConnectorSettings.defaults().withReadTimeout(Duration.ofMillis(200)), wireMock.baseUrl(),
				Duration.ofSeconds(2));
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void connectTimeoutAppliesOnEachTransport(ConnectorTransport transport) throws Exception {
		try (UnacceptedPort port = new UnacceptedPort()) {
			Duration waited = assertListingTimesOut(transport,
					TuneTheModelConnectorSettings.defaults().withConnectTimeout(Duration.ofMillis(300)), port.baseUrl(),
					Duration.ofSeconds(3));
			assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250));
		}
	}

	@Test
	void jdkClientThatLogsHeadersIsRefusedNamingTheProperty() {
		System.setProperty(JdkHttpConnector.LOG_PROPERTY, "headers");
		try {
			assertThatExceptionOfType(TuneTheModelConfigurationException.class)
				.isThrownBy(() -> ConnectorTransport.JDK.connector(TuneTheModelConnectorSettings.defaults()))
				.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.LOGGED_HEADERS))
				.withMessageContaining("jdk.httpclient.HttpClient.log=headers");
			// Reactor Netty's client does not read the property
			ConnectorTransport.REACTOR_NETTY.connector(TuneTheModelConnectorSettings.defaults()).destroy();
		}
		finally {
			System.clearProperty(JdkHttpConnector.LOG_PROPERTY);
		}
	}

	private static Duration assertListingTimesOut(ConnectorTransport transport, TuneTheModelConnectorSettings settings,
			String baseUrl, Duration within) {
		TuneTheModelConnector connector = transport.connector(settings);
		try {
			return StepVerifier.create(template(connector, baseUrl).listModels())
				.expectError(TuneTheModelTimeoutException.class)
				.verify(within);
		}
		finally {
			connector.destroy();
		}
	}

	private static TuneTheModelOperations template(TuneTheModelConnector connector, String baseUrl) {
		return TuneTheModelTemplate.builder()
			.webClientBuilder(WebClient.builder().clientConnector(connector.getClientHttpConnector()))
			.baseUrl(baseUrl)
			.apiKey(API_KEY)
			.retrySettings(RetrySettings.none())
			.build();
	}

}
