package dev.tunethemodel.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import dev.tunethemodel.autoconfigure.health.TuneTheModelHealthContributorAutoConfiguration;
import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.error.TuneTheModelServerException;
import dev.tunethemodel.connector.TuneTheModelConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of the named clients of {@code tunethemodel.clients.<name>.*}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TuneTheModelNamedClientsTests {

	private static final String DEFAULT_KEY = "ttm-default-key-5c81a2";

	private static final String ACME_KEY = "ttm-acme-key-93be41f0";

	private static final String GLOBEX_KEY = "ttm-globex-key-0d27c6e8";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
						CodecsAutoConfiguration.class, WebClientAutoConfiguration.class,
						TuneTheModelAutoConfiguration.class, TuneTheModelHealthContributorAutoConfiguration.class))
		.withPropertyValues("tunethemodel.api-key=" + DEFAULT_KEY, "tunethemodel.base-url=" + wireMock.baseUrl(),
				"tunethemodel.retry.max-retries=0", "tunethemodel.clients.acme.api-key=" + ACME_KEY,
				"tunethemodel.clients.globex.api-key=" + GLOBEX_KEY, "tunethemodel.clients.globex.retry.max-retries=2",
				"tunethemodel.clients.globex.retry.initial-backoff=1ms");

	@Test
	void eachClientSendsItsOwnKeyAndTheQualifierPicksIt() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		this.contextRunner.withUserConfiguration(QualifiedConsumers.class).run((context) -> {
			Consumers consumers = context.getBean(Consumers.class);
			consumers.defaultClient().listModels().collectList().block(TIMEOUT);
			consumers.acme().listModels().collectList().block(TIMEOUT);
			consumers.globex().listModels();
		});
		for (String key : List.of(DEFAULT_KEY, ACME_KEY, GLOBEX_KEY)) {
			wireMock.verify(1, getRequestedFor(urlEqualTo("/v0/models")).withHeader("Authorization", equalTo(key)));
		}
	}

	@Test
	void aNameKeepsItsCaseForTheQualifier() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		this.contextRunner.withPropertyValues("tunethemodel.clients.tenantA_eu.api-key=ttm-tenant-a-key-6b20")
			.run((context) -> {
				TuneTheModelOperations tenant = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(),
						TuneTheModelOperations.class, "tenantA_eu");
				tenant.listModels().collectList().block(TIMEOUT);
				assertThat(context.getBean(TuneTheModelClients.class).getNames()).contains("tenantA_eu");
			});
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v0/models")).withHeader("Authorization",
				equalTo("ttm-tenant-a-key-6b20")));
	}

	@Test
	void aNamedClientInheritsWhatItLeavesUnset() {
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(503)));
		this.contextRunner.run((context) -> {
			TuneTheModelClients clients = context.getBean(TuneTheModelClients.class);
			// acme inherits no retry, globex retries twice
			assertThatExceptionOfType(TuneTheModelServerException.class)
				.isThrownBy(() -> clients.getOperations("acme").listModels().collectList().block(TIMEOUT));
			assertThatExceptionOfType(TuneTheModelServerException.class)
				.isThrownBy(() -> clients.getOperations("globex").listModels().collectList().block(TIMEOUT));
			assertThat(clients.getBaseUrl("acme")).isEqualTo(wireMock.baseUrl());
		});
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v0/models")).withHeader("Authorization", equalTo(ACME_KEY)));
		wireMock.verify(3, getRequestedFor(urlEqualTo("/v0/models")).withHeader("Authorization", equalTo(GLOBEX_KEY)));
	}

	@Test
	void theUnqualifiedClientStaysTheTopLevelOne() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(TuneTheModelOperations.class)).isSameAs(context.getBean("tuneTheModelTemplate"));
			assertThat(context.getBean(BlockingTuneTheModelOperations.class))
				.isSameAs(context.getBean("blockingTuneTheModelTemplate"));
			assertThat(context.getBeansOfType(TuneTheModelOperations.class)).hasSize(3);
			assertThat(context.getBean(TuneTheModelClients.class).getNames()).containsExactly("acme", "globex");
		});
	}

	@Test
	void anApplicationsOwnClientStaysTheUnqualifiedOne() {
		this.contextRunner.withUserConfiguration(OwnOperations.class).run((context) -> {
			assertThat(context).hasNotFailed();
			Consumers consumers = context.getBean(Consumers.class);
			assertThat(consumers.defaultClient()).isSameAs(context.getBean("ownOperations"));
			assertThat(consumers.acme()).isSameAs(context.getBean(TuneTheModelClients.class).getOperations("acme"));
		});
	}

	@Test
	void clientsOfOneBaseUrlShareTheTopLevelConnector() {
		this.contextRunner
			.withPropertyValues("tunethemodel.clients.initech.api-key=ttm-initech-key-4410",
					"tunethemodel.clients.initech.base-url=http://127.0.0.1:" + wireMock.getPort(),
					"tunethemodel.clients.hooli.api-key=ttm-hooli-key-2231",
					"tunethemodel.clients.hooli.pool.max-connections=3")
			.run((context) -> {
				TuneTheModelClients clients = context.getBean(TuneTheModelClients.class);
				TuneTheModelConnector topLevel = context.getBean(TuneTheModelConnector.class);
				assertThat(clients.connector("acme")).isSameAs(topLevel);
				assertThat(clients.connector("globex")).isSameAs(topLevel);
				assertThat(clients.getBaseUrl("initech")).startsWith("http://127.0.0.1:");
				assertThat(clients.connector("initech")).isNotNull().isNotSameAs(topLevel);
				assertThat(clients.connector("hooli")).isNotNull()
					.isNotSameAs(topLevel)
					.isNotSameAs(clients.connector("initech"));
			});
	}

	@Test
	void healthReportsEachClient() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		wireMock.stubFor(get("/v0/models").withHeader("Authorization", equalTo(GLOBEX_KEY))
			.willReturn(aResponse().withStatus(401)));
		this.contextRunner.run((context) -> {
			ReactiveHealthContributor contributor = context.getBean("tunethemodelHealthIndicator",
					ReactiveHealthContributor.class);
			assertThat(contributor).isInstanceOf(CompositeReactiveHealthContributor.class);
			CompositeReactiveHealthContributor composite = (CompositeReactiveHealthContributor) contributor;
			assertThat(composite.stream().map((entry) -> entry.name())).containsExactly("default", "acme", "globex");
			assertThat(health(composite, "default").getStatus()).isEqualTo(Status.UP);
			assertThat(health(composite, "acme").getStatus()).isEqualTo(Status.UP);
			Health globex = health(composite, "globex");
			assertThat(globex.getStatus()).isEqualTo(Status.DOWN);
			assertThat(globex.getDetails()).containsEntry("reason", "authentication failed")
				.containsEntry("baseUrl", wireMock.baseUrl());
			assertThat(globex.toString()).doesNotContain(GLOBEX_KEY);
		});
	}

	@Test
	void withoutNamedClientsHealthIsOneIndicator() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
							CodecsAutoConfiguration.class, WebClientAutoConfiguration.class,
							TuneTheModelAutoConfiguration.class, TuneTheModelHealthContributorAutoConfiguration.class))
			.withPropertyValues("tunethemodel.api-key=" + DEFAULT_KEY)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(TuneTheModelClients.class);
				assertThat(context.getBean("tunethemodelHealthIndicator")).isInstanceOf(ReactiveHealthIndicator.class);
				assertThat(context.getBeansOfType(TuneTheModelOperations.class)).hasSize(1);
			});
	}

	@Test
	void aNamedClientFailsTheStartupWithItsOwnProperty() {
		this.contextRunner.withPropertyValues("tunethemodel.clients.acme.base-url=ftp://example.com").run((context) -> {
			assertThat(context).hasFailed();
			TuneTheModelPropertiesException failure = findCause(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("client acme").contains("ftp://example.com");
			assertThat(failure.action()).startsWith("Set tunethemodel.clients.acme.base-url to an absolute");
			assertThat(failure.getMessage() + failure.action()).doesNotContain(ACME_KEY);
		});
	}

	@Test
	void aMistypedPropertyOfANamedClientFailsTheStartup() {
		this.contextRunner.withPropertyValues("tunethemodel.clients.acme.api-kee=x").run((context) -> {
			TuneTheModelPropertiesException failure = findCause(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("tunethemodel.clients.acme.api-kee");
			assertThat(failure.action()).isEqualTo(
					"Did you mean tunethemodel.clients.acme.api-key instead of tunethemodel.clients.acme.api-kee?");
		});
	}

	@Test
	void aTopLevelOnlyPropertyOfANamedClientFailsTheStartup() {
		this.contextRunner.withPropertyValues("tunethemodel.clients.acme.health.timeout=5s").run((context) -> {
			TuneTheModelPropertiesException failure = findCause(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("tunethemodel.clients.acme.health.timeout")
				.contains("is not a property");
		});
	}

	@Test
	void theTopLevelClientsNameIsRefused() {
		this.contextRunner.withPropertyValues("tunethemodel.clients.default.api-key=" + ACME_KEY).run((context) -> {
			TuneTheModelPropertiesException failure = findCause(context.getStartupFailure());
			assertThat(failure.getMessage()).contains("tunethemodel.clients.default").contains("not valid");
		});
	}

	@Test
	void namedClientsKeysAreMaskedAndNeverLogged(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			TuneTheModelSanitizingFunction sanitizing = context.getBean(TuneTheModelSanitizingFunction.class);
			MapPropertySource source = new MapPropertySource("test", Map.of());
			assertThat(sanitizing.apply(new SanitizableData(source, "tunethemodel.clients.acme.api-key", "anything"))
				.getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(sanitizing.apply(new SanitizableData(source, "other.header", "Bearer " + GLOBEX_KEY)).getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(sanitizing.apply(new SanitizableData(source, "other.header", "plain")).getValue())
				.isEqualTo("plain");
		});
		assertThat(output)
			.contains("Tune the Model client acme connects to " + wireMock.baseUrl() + " (as the top-level client)");
		assertThat(output).doesNotContain(ACME_KEY).doesNotContain(GLOBEX_KEY).doesNotContain(DEFAULT_KEY);
	}

	private static Health health(CompositeReactiveHealthContributor composite, String name) {
		ReactiveHealthIndicator indicator = (ReactiveHealthIndicator) composite.getContributor(name);
		return indicator.health().block(TIMEOUT);
	}

	private static TuneTheModelPropertiesException findCause(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TuneTheModelPropertiesException properties) {
				return properties;
			}
		}
		throw new AssertionError("No TuneTheModelPropertiesException in " + failure, failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedConsumers {

		@Bean
		Consumers consumers(TuneTheModelOperations defaultClient, @Qualifier("acme") TuneTheModelOperations acme,
				@Qualifier("globex") BlockingTuneTheModelOperations globex) {
			return new Consumers(defaultClient, acme, globex);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnOperations {

		@Bean
		TuneTheModelOperations ownOperations() {
			return TuneTheModelTemplate.builder().apiKey(DEFAULT_KEY).baseUrl(wireMock.baseUrl()).build();
		}

		@Bean
		Consumers consumers(TuneTheModelOperations defaultClient, @Qualifier("acme") TuneTheModelOperations acme,
				@Qualifier("globex") BlockingTuneTheModelOperations globex) {
			return new Consumers(defaultClient, acme, globex);
		}

	}

	record Consumers(TuneTheModelOperations defaultClient, TuneTheModelOperations acme,
			BlockingTuneTheModelOperations globex) {

	}

}
