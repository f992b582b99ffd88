package dev.tunethemodel.autoconfigure;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.HttpMethod;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException.Problem;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.http.JdkHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the transport {@link TuneTheModelConnector} chooses: Reactor Netty with the
 * client's pool when the application has it, otherwise the JDK's {@code HttpClient}, each
 * with the configured timeouts, created on the first request and closed with the context.
 */
class TuneTheModelConnectorTransportTests {

	private static final String API_KEY = "ttm-transport-key-0c4e";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebClientAutoConfiguration.class, TuneTheModelAutoConfiguration.class))
		.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.base-url=" + wireMock.baseUrl(),
				"tunethemodel.retry.max-retries=0");

	@Test
	void withReactorNettyTheConnectorIsReactorNettyWithTheClientsOwnPool() {
		this.contextRunner.withPropertyValues("tunethemodel.pool.max-connections=7").run((context) -> {
			ClientTransport transport = context.getBean(TuneTheModelConnector.class).transport();
			assertThat(transport).isInstanceOf(ReactorNettyTransport.class);
			ConnectionProvider pool = ((ReactorNettyTransport) transport).provider();
			assertThat(pool.name()).isEqualTo("tunethemodel");
			assertThat(pool.maxConnections()).isEqualTo(7);
		});
	}

	@Test
	void withoutReactorNettyTheConnectorIsTheJdkClientWithItsPermits() {
		ConnectorTransport.JDK.apply(this.contextRunner)
			.withPropertyValues("tunethemodel.pool.max-connections=7")
			.run((context) -> {
				ClientTransport transport = context.getBean(TuneTheModelConnector.class).transport();
				assertThat(transport).isInstanceOf(JdkTransport.class);
				assertThat(((JdkTransport) transport).permits().available()).isEqualTo(7);
			});
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void callWorksThroughEachTransport(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
		transport.apply(this.contextRunner).run(transport::assertListsTheModel);
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void nothingIsCreatedBeforeTheFirstRequest(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		transport.apply(this.contextRunner).run((context) -> {
			TuneTheModelConnector connector = context.getBean(TuneTheModelConnector.class);
			assertThat(context).hasSingleBean(TuneTheModelOperations.class);
			assertThat(connector.isStarted()).isFalse();
			StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectComplete()
				.verify(TIMEOUT);
			assertThat(connector.isStarted()).isTrue();
		});
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void connectorIsClosedWithTheContext(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		TuneTheModelConnector[] connector = new TuneTheModelConnector[1];
		ClientTransport[] started = new ClientTransport[1];
		transport.apply(this.contextRunner).run((context) -> {
			connector[0] = context.getBean(TuneTheModelConnector.class);
			StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectComplete()
				.verify(TIMEOUT);
			started[0] = connector[0].transport();
		});
		StepVerifier.create(connector[0].getClientHttpConnector()
			.connect(HttpMethod.GET, URI.create(wireMock.baseUrl() + "/v0/models"), (request) -> request.setComplete()))
			.expectErrorMessage("The Tune the Model connector is closed")
			.verify(TIMEOUT);
		if (started[0] instanceof ReactorNettyTransport reactorNetty) {
			assertThat(reactorNetty.provider().isDisposed()).isTrue();
		}
		if (started[0] instanceof JdkTransport jdk) {
			StepVerifier.create(jdk.permits().acquire())
				.expectErrorMessage("The Tune the Model connector is closed")
				.verify(TIMEOUT);
		}
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void readTimeoutAppliesOnEachTransport(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(3000)));
		transport.apply(this.contextRunner)
			.withPropertyValues("tunethemodel.read-timeout=200ms")
			.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectError(TuneTheModelTimeoutException.class)
				.verify(Duration.ofSeconds(2)));
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void readTimeoutAppliesToTheBodyOnEachTransport(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models")
			.willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}").withChunkedDribbleDelay(2, 3000)));
		transport.apply(this.contextRunner)
			.withPropertyValues("tunethemodel.read-timeout=200ms")
			.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectError(TuneTheModelTimeoutException.class)
				.verify(Duration.ofSeconds(2)));
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void connectTimeoutAppliesOnEachTransport(ConnectorTransport transport) throws Exception {
		try (UnacceptedPort port = new UnacceptedPort()) {
			transport.apply(this.contextRunner)
				.withPropertyValues("tunethemodel.base-url=" + port.baseUrl(), "tunethemodel.connect-timeout=300ms")
				.run((context) -> {
					long start = System.nanoTime();
					StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
						.expectError(TuneTheModelTimeoutException.class)
						.verify(Duration.ofSeconds(3));
					assertThat(Duration.ofNanos(System.nanoTime() - start))
						.isGreaterThanOrEqualTo(Duration.ofMillis(250));
				});
		}
	}

	@Test
	void jdkClientThatLogsHeadersStopsStartupNamingTheProperty() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
		System.setProperty(JdkHttpConnector.LOG_PROPERTY, "headers");
		try {
			ConnectorTransport.JDK.apply(this.contextRunner).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOfSatisfying(TuneTheModelConfigurationException.class,
							(ex) -> assertThat(ex.problem()).isEqualTo(Problem.LOGGED_HEADERS))
					.hasMessageContaining("jdk.httpclient.HttpClient.log=headers")
					.message()
					.doesNotContain(API_KEY);
			});
			// Reactor Netty's client does not read the property
			ConnectorTransport.REACTOR_NETTY.apply(this.contextRunner)
				.run((context) -> ConnectorTransport.REACTOR_NETTY.assertListsTheModel(context));
		}
		finally {
			System.clearProperty(JdkHttpConnector.LOG_PROPERTY);
		}
	}

	@Test
	void maxConnectionsBelowOneStopsStartup() {
		this.contextRunner.withPropertyValues("tunethemodel.pool.max-connections=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("tunethemodel.pool.max-connections must be at least 1, not 0"));
	}

	@Test
	void unknownSslBundleStopsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("tunethemodel.ssl.bundle=corporate").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof NoSuchSslBundleException)) {
				failure = failure.getCause();
			}
			assertThat(failure).isInstanceOf(NoSuchSslBundleException.class)
				.hasMessage("tunethemodel.ssl.bundle names the SSL bundle 'corporate', which is not configured "
						+ "under spring.ssl.bundle (configured: [])");
		});
	}

	@Test
	void sslBundleWithoutAnySslSupportStopsStartupNamingTheProperty() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TuneTheModelAutoConfiguration.class))
			.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.ssl.bundle=corporate")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("tunethemodel.ssl.bundle names the SSL bundle 'corporate', but the application "
						+ "has no SSL bundles"));
	}

}
