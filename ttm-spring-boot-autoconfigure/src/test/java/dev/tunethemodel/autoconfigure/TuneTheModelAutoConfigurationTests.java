package dev.tunethemodel.autoconfigure;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.observation.ObservationWebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.test.StepVerifier;

import dev.tunethemodel.autoconfigure.health.TuneTheModelHealthContributorAutoConfiguration;
import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.BlockingTuneTheModelTemplate;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException.Problem;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.connector.TuneTheModelConnector;
import dev.tunethemodel.connector.TuneTheModelConnectorSettings;
import dev.tunethemodel.health.TuneTheModelHealthIndicator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TuneTheModelAutoConfiguration} and
 * {@link TuneTheModelHealthContributorAutoConfiguration}.
 */
class TuneTheModelAutoConfigurationTests {

	private static final String API_KEY = "ttm-autoconfig-key-77b1";

	private static final String OWN_API_KEY = "ttm-own-key-81b3e0c2";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
					CodecsAutoConfiguration.class, WebClientAutoConfiguration.class,
					TuneTheModelAutoConfiguration.class, TuneTheModelHealthContributorAutoConfiguration.class));

	private final ApplicationContextRunner configuredRunner = this.contextRunner
		.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.base-url=" + wireMock.baseUrl());

	@Test
	void templateUsesTheConfiguredKeyAndBaseUrl() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
		this.configuredRunner.run((context) -> {
			assertThat(context).hasSingleBean(TuneTheModelOperations.class)
				.getBean(TuneTheModelOperations.class)
				.isInstanceOf(TuneTheModelTemplate.class);
			StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectNextCount(1)
				.expectComplete()
				.verify(TIMEOUT);
		});
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models")).withHeader("Authorization", equalTo(API_KEY))
			.withHeader("User-Agent", equalTo(TuneTheModelTemplate.USER_AGENT)));
	}

	@Test
	void propertiesHaveTheirDefaults() {
		this.contextRunner.withPropertyValues("tunethemodel.api-key=" + API_KEY).run((context) -> {
			TuneTheModelProperties properties = context.getBean(TuneTheModelProperties.class);
			assertThat(properties.getBaseUrl()).isEqualTo(TuneTheModelTemplate.DEFAULT_BASE_URL);
			assertThat(properties.isAllowInsecureHttp()).isFalse();
			// unset: spring.http.clients.* applies, else the connector's default
			assertThat(properties.getConnectTimeout()).isNull();
			assertThat(properties.getReadTimeout()).isNull();
			assertThat(properties.getTimeout()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.getPollInterval()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getDatasetPollInterval()).isEqualTo(Duration.ofSeconds(1));
			assertThat(properties.getDatasetProcessingTimeout()).isEqualTo(Duration.ofMinutes(10));
			assertThat(properties.getMaxListEntries()).isEqualTo(100_000).isEqualTo(100_000);
			assertThat(properties.getRetry().getMaxRetries()).isEqualTo(3);
			assertThat(properties.getRetry().getInitialBackoff()).isEqualTo(Duration.ofMillis(500));
			assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(Duration.ofSeconds(8));
			assertThat(properties.getRetry().getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getPool().getMaxConnections()).isEqualTo(50);
			assertThat(properties.getPool().getPendingAcquireTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.getPool().getMaxIdleTime()).isEqualTo(Duration.ofSeconds(20));
			assertThat(properties.getPool().getMaxLifeTime()).isEqualTo(Duration.ofMinutes(5));
			assertThat(properties.getPool().getEvictionInterval()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.getHealth().getTimeout()).isEqualTo(Duration.ofSeconds(3));
			assertThat(properties.getHealth().getCacheTtl()).isEqualTo(Duration.ofSeconds(10));
		});
	}

	@Test
	void propertiesToStringMasksTheKey() {
		this.contextRunner.withPropertyValues("tunethemodel.api-key=" + API_KEY)
			.run((context) -> assertThat(context.getBean(TuneTheModelProperties.class).toString())
				.contains("apiKey=******")
				.doesNotContain(API_KEY));
	}

	@Test
	void missingApiKeyStopsStartup() {
		this.contextRunner.run((context) -> assertStartupFailed(context, Problem.MISSING_API_KEY));
	}

	@Test
	void blankApiKeyStopsStartup() {
		this.contextRunner.withPropertyValues("tunethemodel.api-key=   ")
			.run((context) -> assertStartupFailed(context, Problem.MISSING_API_KEY));
	}

	@ParameterizedTest
	@ValueSource(strings = { "secret\r\nvalue", "secret value", "secret\u0007value" })
	void malformedApiKeyStopsStartupWithoutShowingIt(String key) {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new org.springframework.core.env.MapPropertySource("test",
						Map.of("tunethemodel.api-key", key))))
			.run((context) -> {
				TuneTheModelConfigurationException failure = assertStartupFailed(context, Problem.MALFORMED_API_KEY);
				assertThat(failure).hasMessageNotContaining("secret").hasMessageNotContaining("value");
			});
	}

	@Test
	void invalidBaseUrlStopsStartup() {
		this.contextRunner
			.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.base-url=api.example.com")
			.run((context) -> assertThat(assertStartupFailed(context, Problem.INVALID_BASE_URL))
				.hasMessage("The base URL \"api.example.com\" is not an absolute http or https URL"));
	}

	@Test
	void plainHttpToARemoteHostStopsStartup() {
		this.contextRunner
			.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.base-url=http://api.tunethemodel.com")
			.run((context) -> assertStartupFailed(context, Problem.INSECURE_BASE_URL));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080" })
	void plainHttpToLoopbackIsAllowed(String baseUrl) {
		this.contextRunner.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.base-url=" + baseUrl)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TuneTheModelOperations.class));
	}

	@Test
	void plainHttpToARemoteHostIsAllowedWhenOptedIn() {
		this.contextRunner
			.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.base-url=http://ttm-proxy.internal",
					"tunethemodel.allow-insecure-http=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TuneTheModelOperations.class));
	}

	@Test
	void officialSdkVariablesAreFallbacks() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		this.contextRunner.withInitializer((context) -> {
			context.getEnvironment()
				.getPropertySources()
				.addLast(environmentVariables(Map.of("TTM_API_KEY", API_KEY, "TTM_API_URL", wireMock.baseUrl())));
			new TuneTheModelEnvironmentPostProcessor().postProcessEnvironment(context.getEnvironment(),
					new SpringApplication());
		}).run((context) -> {
			TuneTheModelProperties properties = context.getBean(TuneTheModelProperties.class);
			assertThat(properties.getApiKey()).isEqualTo(API_KEY);
			assertThat(properties.getBaseUrl()).isEqualTo(wireMock.baseUrl());
			StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectComplete()
				.verify(TIMEOUT);
		});
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models")).withHeader("Authorization", equalTo(API_KEY)));
	}

	@Test
	void propertiesWinOverTheOfficialSdkVariables() {
		this.contextRunner
			.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.base-url=https://eu.tunethemodel.com")
			.withInitializer((context) -> {
				context.getEnvironment()
					.getPropertySources()
					.addLast(environmentVariables(
							Map.of("TTM_API_KEY", "sdk-key", "TTM_API_URL", "https://sdk.tunethemodel.com")));
				new TuneTheModelEnvironmentPostProcessor().postProcessEnvironment(context.getEnvironment(),
						new SpringApplication());
			})
			.run((context) -> {
				TuneTheModelProperties properties = context.getBean(TuneTheModelProperties.class);
				assertThat(properties.getApiKey()).isEqualTo(API_KEY);
				assertThat(properties.getBaseUrl()).isEqualTo("https://eu.tunethemodel.com");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "TUNETHEMODEL_APIKEY", "TUNETHEMODEL_API_KEY" })
	void springBootEnvironmentVariableStillWorks(String variable) {
		this.contextRunner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(environmentVariables(Map.of(variable, API_KEY))))
			.run((context) -> assertThat(context.getBean(TuneTheModelProperties.class).getApiKey()).isEqualTo(API_KEY));
	}

	@Test
	void applicationWebClientCustomizersApply() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		this.configuredRunner.withUserConfiguration(ApplicationCustomizerConfiguration.class)
			.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectComplete()
				.verify(TIMEOUT));
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models")).withHeader("X-Application", equalTo("yes")));
	}

	@Test
	void tuneTheModelCustomizersApplyInOrderAfterTheApplicationOnes() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		this.configuredRunner
			.withUserConfiguration(ApplicationCustomizerConfiguration.class, ClientCustomizerConfiguration.class)
			.run((context) -> {
				StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
					.expectComplete()
					.verify(TIMEOUT);
				StepVerifier
					.create(context.getBean(WebClient.Builder.class)
						.build()
						.get()
						.uri(wireMock.baseUrl() + "/v0/models")
						.retrieve()
						.toBodilessEntity())
					.expectNextCount(1)
					.expectComplete()
					.verify(TIMEOUT);
			});
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v0/models")).withHeader("X-Order", equalTo("first,second")));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v0/models")).withoutHeader("X-Order"));
	}

	@Test
	void requestsAreObservedWithTheUriTemplateNotTheId() {
		wireMock.stubFor(get("/v0/models/abc/status").willReturn(okJson("{\"model_name\": \"abc\"}")));
		this.configuredRunner.withUserConfiguration(ObservationConfiguration.class).run((context) -> {
			StepVerifier.create(context.getBean(TuneTheModelOperations.class).getModel("abc"))
				.expectNextCount(1)
				.expectComplete()
				.verify(TIMEOUT);
			MeterRegistry meterRegistry = context.getBean(MeterRegistry.class);
			Timer timer = meterRegistry.get("http.client.requests").tag("uri", "/v0/models/{model}/status").timer();
			assertThat(timer.count()).isOne();
			assertThat(meterRegistry.getMeters()).allSatisfy(
					(meter) -> assertThat(meter.getId().getTags()).noneMatch((tag) -> tag.getValue().contains("abc")));
		});
	}

	@Test
	void readTimeoutEndsASilentCall() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(3000)));
		this.configuredRunner.withPropertyValues("tunethemodel.read-timeout=200ms", "tunethemodel.retry.max-retries=0")
			.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectError(TuneTheModelTimeoutException.class)
				.verify(Duration.ofSeconds(2)));
	}

	@Test
	void timeoutAndRetryPropertiesApply() {
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(503)));
		this.configuredRunner
			.withPropertyValues("tunethemodel.retry.max-retries=2", "tunethemodel.retry.initial-backoff=10ms",
					"tunethemodel.retry.max-backoff=20ms")
			.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectErrorMessage("GET /v0/models failed with 503 Service Unavailable after 3 attempts and no body")
				.verify(TIMEOUT));
		wireMock.verify(3, getRequestedFor(urlEqualTo("/v0/models")));
		wireMock.resetAll();
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(3000)));
		this.configuredRunner.withPropertyValues("tunethemodel.timeout=300ms")
			.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectErrorMessage("GET /v0/models did not complete within 300ms (1 attempt)")
				.verify(Duration.ofSeconds(2)));
	}

	@Test
	void maxListEntriesBoundsTheListsOfTheTemplate() {
		wireMock.stubFor(get("/v0/models")
			.willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}, {\"model_name\": \"m-2\"}]}")));
		this.configuredRunner.withPropertyValues("tunethemodel.max-list-entries=1")
			.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectNextCount(1)
				.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
					.hasMessageStartingWith("GET /v0/models returned 200 with more than 1 entry in \"models\"")
					.hasMessageContaining("tunethemodel.max-list-entries"))
				.verify(TIMEOUT));
	}

	@Test
	void blockingOperationsWaitForTheTemplate() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
		this.configuredRunner.run((context) -> {
			assertThat(context).hasSingleBean(BlockingTuneTheModelOperations.class);
			assertThat(context.getBean(BlockingTuneTheModelOperations.class).listModels()).extracting(Model::id)
				.containsExactly("m-1");
		});
	}

	@Test
	void blockingOperationsWaitForTheApplicationsOwnOperations() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		this.configuredRunner
			.withBean(TuneTheModelOperations.class,
					() -> TuneTheModelTemplate.builder().baseUrl(wireMock.baseUrl()).apiKey(OWN_API_KEY).build())
			.run((context) -> assertThat(context.getBean(BlockingTuneTheModelOperations.class).listModels()).isEmpty());
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models")).withHeader("Authorization", equalTo(OWN_API_KEY)));
	}

	@Test
	void applicationsOwnBlockingOperationsWin() {
		BlockingTuneTheModelOperations own = new BlockingTuneTheModelTemplate(
				TuneTheModelTemplate.builder().apiKey(OWN_API_KEY).build());
		this.configuredRunner.withBean(BlockingTuneTheModelOperations.class, () -> own)
			.run((context) -> assertThat(context).getBean(BlockingTuneTheModelOperations.class).isSameAs(own));
	}

	@Test
	void clientHasAConnectorOfItsOwn() {
		this.configuredRunner.run((context) -> {
			TuneTheModelConnector connector = context.getBean(TuneTheModelConnector.class);
			assertThat(connector.getClientHttpConnector())
				.isNotSameAs(context.getBean(org.springframework.http.client.reactive.ClientHttpConnector.class));
		});
	}

	@Test
	void everyBeanBacksOffWhenTheApplicationDefinesItsOwn() {
		this.configuredRunner.withUserConfiguration(OwnBeansConfiguration.class).run((context) -> {
			OwnBeansConfiguration own = context.getBean(OwnBeansConfiguration.class);
			assertThat(context).hasSingleBean(TuneTheModelOperations.class)
				.hasSingleBean(TuneTheModelConnector.class)
				.hasSingleBean(TuneTheModelSanitizingFunction.class)
				.hasSingleBean(TuneTheModelHealthIndicator.class);
			assertThat(context.getBean(TuneTheModelOperations.class)).isSameAs(own.operations);
			assertThat(context.getBean(TuneTheModelConnector.class)).isSameAs(own.connector);
			assertThat(context.getBean(TuneTheModelSanitizingFunction.class)).isSameAs(own.sanitizingFunction);
			assertThat(context.getBean("tunethemodelHealthIndicator")).isSameAs(own.healthIndicator);
		});
	}

	@Test
	void worksWithoutTheWebClientAutoConfiguration() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TuneTheModelAutoConfiguration.class))
			.withPropertyValues("tunethemodel.api-key=" + API_KEY)
			.run((context) -> assertThat(context).hasSingleBean(TuneTheModelOperations.class));
	}

	@Test
	void backsOffWithoutWebClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.withPropertyValues("tunethemodel.api-key=" + API_KEY)
			.run((context) -> assertThat(context).doesNotHaveBean(TuneTheModelOperations.class));
	}

	@Test
	void healthIndicatorIsTheTunethemodelComponent() {
		this.configuredRunner.run((context) -> assertThat(context).hasBean("tunethemodelHealthIndicator")
			.getBean("tunethemodelHealthIndicator")
			.isInstanceOf(TuneTheModelHealthIndicator.class));
	}

	@Test
	void noHealthIndicatorWithoutSpringBootHealth() {
		this.configuredRunner.withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(TuneTheModelOperations.class)
				.doesNotHaveBean("tunethemodelHealthIndicator"));
	}

	@Test
	void healthIndicatorCanBeDisabled() {
		this.configuredRunner.withPropertyValues("management.health.tunethemodel.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("tunethemodelHealthIndicator"));
	}

	@Test
	void noHealthIndicatorWithoutClient() {
		this.configuredRunner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean("tunethemodelHealthIndicator"));
	}

	private static TuneTheModelConfigurationException assertStartupFailed(
			org.springframework.boot.test.context.assertj.AssertableApplicationContext context, Problem problem) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof TuneTheModelConfigurationException)) {
			failure = failure.getCause();
		}
		assertThat(failure).isInstanceOfSatisfying(TuneTheModelConfigurationException.class,
				(configurationFailure) -> assertThat(configurationFailure.problem()).isEqualTo(problem));
		return (TuneTheModelConfigurationException) failure;
	}

	private static SystemEnvironmentPropertySource environmentVariables(Map<String, Object> variables) {
		// named as Boot's, so that TUNETHEMODEL_APIKEY binds as it would
		return new SystemEnvironmentPropertySource(
				"test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationCustomizerConfiguration {

		@Bean
		WebClientCustomizer applicationHeader() {
			return (builder) -> builder.defaultHeader("X-Application", "yes");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClientCustomizerConfiguration {

		@Bean
		@Order(2)
		TuneTheModelWebClientCustomizer second() {
			return (builder) -> builder
				.defaultHeaders((headers) -> headers.set("X-Order", headers.getFirst("X-Order") + ",second"));
		}

		@Bean
		@Order(1)
		TuneTheModelWebClientCustomizer first() {
			return (builder) -> builder.defaultHeader("X-Order", "first");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ObservationConfiguration {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
			return registry;
		}

		// what Boot's WebClientObservationAutoConfiguration contributes
		@Bean
		ObservationWebClientCustomizer observationWebClientCustomizer(ObservationRegistry observationRegistry) {
			return new ObservationWebClientCustomizer(observationRegistry,
					new DefaultClientRequestObservationConvention("http.client.requests"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnBeansConfiguration {

		final TuneTheModelOperations operations = TuneTheModelTemplate.builder().apiKey("own-key").build();

		final TuneTheModelConnector connector = new TuneTheModelConnector(TuneTheModelConnectorSettings.defaults());

		final TuneTheModelSanitizingFunction sanitizingFunction = new TuneTheModelSanitizingFunction(() -> null);

		final TuneTheModelHealthIndicator healthIndicator = new TuneTheModelHealthIndicator(this.operations,
				"https://own", Duration.ofSeconds(1), Duration.ofSeconds(1));

		@Bean
		TuneTheModelOperations ownOperations() {
			return this.operations;
		}

		@Bean
		TuneTheModelConnector ownConnector() {
			return this.connector;
		}

		@Bean
		TuneTheModelSanitizingFunction ownSanitizingFunction() {
			return this.sanitizingFunction;
		}

		@Bean
		TuneTheModelHealthIndicator tunethemodelHealthIndicator() {
			return this.healthIndicator;
		}

	}

}
