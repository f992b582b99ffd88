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
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.http.HttpMethod;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException.Problem;
import dev.tunethemodel.client.http.JdkHttpConnector;
import dev.tunethemodel.connector.ConnectorTransport;
import dev.tunethemodel.connector.TuneTheModelConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the {@link TuneTheModelConnector} bean of
 * {@link TuneTheModelAutoConfiguration}: on the transport the application's class loader
 * finds, closed with the context, and stopping the startup, naming the property, when a
 * property cannot configure it.
 */
class TuneTheModelConnectorConfigurationTests {

	private static final String API_KEY = "ttm-connector-bean-key-5d2b";

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

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void connectorIsOnTheTransportTheApplicationsClassLoaderFinds(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
		transport.apply(this.contextRunner).run(transport::assertListsTheModel);
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void connectorIsClosedWithTheContext(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		TuneTheModelConnector[] connector = new TuneTheModelConnector[1];
		transport.apply(this.contextRunner).run((context) -> {
			connector[0] = context.getBean(TuneTheModelConnector.class);
			StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectComplete()
				.verify(TIMEOUT);
		});
		StepVerifier.create(connector[0].getClientHttpConnector()
			.connect(HttpMethod.GET, URI.create(wireMock.baseUrl() + "/v0/models"), (request) -> request.setComplete()))
			.expectErrorMessage("The Tune the Model connector is closed")
			.verify(TIMEOUT);
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
	void negativeReadTimeoutStopsStartup() {
		this.contextRunner.withPropertyValues("tunethemodel.read-timeout=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("tunethemodel.read-timeout must not be negative, not -1000ms"));
	}

	@Test
	void unknownSslBundleStopsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("tunethemodel.ssl.bundle=corporate").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof InvalidConfigurationPropertyValueException)) {
				failure = failure.getCause();
			}
			assertThat(failure).isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessage("Property tunethemodel.ssl.bundle with value 'corporate' is invalid: No SSL bundle of "
						+ "that name is configured under spring.ssl.bundle (configured: []).");
		});
	}

	@Test
	void sslBundleWithoutAnySslSupportStopsStartupNamingTheProperty() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TuneTheModelAutoConfiguration.class))
			.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.ssl.bundle=corporate")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessage("Property tunethemodel.ssl.bundle with value 'corporate' is invalid: The application has "
						+ "no SSL bundles: configure one under spring.ssl.bundle."));
	}

}
