package dev.tunethemodel.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.test.StepVerifier;

import dev.tunethemodel.autoconfigure.health.TuneTheModelHealthContributorAutoConfiguration;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException.Problem;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the {@link TuneTheModelConnectionDetails} seam: the properties back the
 * default bean, and an application's own bean wins over them.
 */
class TuneTheModelConnectionDetailsTests {

	private static final String OWN_KEY = "ttm-own-details-key-9d41";

	private static final String PROPERTY_KEY = "ttm-property-key-e07a";

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TuneTheModelAutoConfiguration.class,
				TuneTheModelHealthContributorAutoConfiguration.class));

	@Test
	void propertiesBackTheDefaultConnectionDetails() {
		this.contextRunner
			.withPropertyValues("tunethemodel.api-key=" + PROPERTY_KEY, "tunethemodel.base-url=" + wireMock.baseUrl())
			.run((context) -> {
				assertThat(context).hasSingleBean(TuneTheModelConnectionDetails.class)
					.getBean(TuneTheModelConnectionDetails.class)
					.isInstanceOf(PropertiesTuneTheModelConnectionDetails.class);
				TuneTheModelConnectionDetails connectionDetails = context.getBean(TuneTheModelConnectionDetails.class);
				assertThat(connectionDetails.getBaseUrl()).isEqualTo(wireMock.baseUrl());
				assertThat(connectionDetails.getApiKey()).isEqualTo(PROPERTY_KEY);
				assertThat(connectionDetails)
					.hasToString("PropertiesTuneTheModelConnectionDetails[baseUrl=" + wireMock.baseUrl() + "]");
			});
	}

	@Test
	void ownConnectionDetailsWinOverTheProperties() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		this.contextRunner.withUserConfiguration(OwnConnectionDetailsConfiguration.class)
			.withPropertyValues("tunethemodel.api-key=" + PROPERTY_KEY,
					"tunethemodel.base-url=https://elsewhere.example")
			.run((context) -> {
				assertThat(context).hasSingleBean(TuneTheModelConnectionDetails.class)
					.doesNotHaveBean(PropertiesTuneTheModelConnectionDetails.class);
				listModels(context.getBean(TuneTheModelOperations.class));
			});
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v0/models")).withHeader("Authorization", equalTo(OWN_KEY)));
	}

	@Test
	void ownConnectionDetailsNeedNoKeyProperty() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		this.contextRunner.withUserConfiguration(OwnConnectionDetailsConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			listModels(context.getBean(TuneTheModelOperations.class));
		});
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v0/models")).withHeader("Authorization", equalTo(OWN_KEY)));
	}

	@Test
	void ownConnectionDetailsAreCheckedAtStartup() {
		this.contextRunner.withBean(TuneTheModelConnectionDetails.class, () -> new TuneTheModelConnectionDetails() {

			@Override
			public String getBaseUrl() {
				return "http://api.example.com";
			}

			@Override
			public String getApiKey() {
				return OWN_KEY;
			}

		}).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(TuneTheModelConfigurationException.class,
						(ex) -> assertThat(ex.problem()).isEqualTo(Problem.INSECURE_BASE_URL));
		});
	}

	@Test
	void theDefaultBaseUrlNeedsOnlyAKey() {
		this.contextRunner.withBean(TuneTheModelConnectionDetails.class, () -> () -> OWN_KEY)
			.run((context) -> assertThat(context.getBean(TuneTheModelOperations.class))
				.hasToString("TuneTheModelTemplate[baseUrl=https://api.tunethemodel.com]"));
	}

	@Test
	void healthShowsTheBaseUrlOfTheConnectionDetails() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		this.contextRunner.withUserConfiguration(OwnConnectionDetailsConfiguration.class)
			.run((context) -> StepVerifier
				.create(context.getBean("tunethemodelHealthIndicator", ReactiveHealthIndicator.class).health())
				.assertNext((health) -> assertThat(health.getDetails()).containsEntry("baseUrl", wireMock.baseUrl()))
				.expectComplete()
				.verify(Duration.ofSeconds(10)));
	}

	@Test
	void sanitizingFunctionMasksTheKeyOfTheConnectionDetails() {
		this.contextRunner.withUserConfiguration(OwnConnectionDetailsConfiguration.class).run((context) -> {
			SanitizableData data = new SanitizableData(null, "vault.token", "token " + OWN_KEY);
			assertThat(context.getBean(TuneTheModelSanitizingFunction.class).apply(data).getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
		});
	}

	private static void listModels(TuneTheModelOperations operations) {
		StepVerifier.create(operations.listModels()).expectComplete().verify(Duration.ofSeconds(10));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConnectionDetailsConfiguration {

		@Bean
		TuneTheModelConnectionDetails vaultConnectionDetails() {
			return new TuneTheModelConnectionDetails() {

				@Override
				public String getBaseUrl() {
					return wireMock.baseUrl();
				}

				@Override
				public String getApiKey() {
					return OWN_KEY;
				}

			};
		}

	}

}
