package dev.tunethemodel.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TuneTheModelAutoConfiguration}.
 */
class TuneTheModelAutoConfigurationTests {

	private static final String API_KEY = "ttm-autoconfig-key-77b1";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebClientAutoConfiguration.class, TuneTheModelAutoConfiguration.class));

	@Test
	void templateUsesTheConfiguredKeyAndBaseUrl() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
		this.contextRunner
			.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.base-url=" + wireMock.baseUrl())
			.run((context) -> {
				assertThat(context).hasSingleBean(TuneTheModelOperations.class)
					.getBean(TuneTheModelOperations.class)
					.isInstanceOf(TuneTheModelTemplate.class);
				StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
					.expectNextCount(1)
					.expectComplete()
					.verify(TIMEOUT);
			});
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models")).withHeader("Authorization", equalTo(API_KEY)));
	}

	@Test
	void propertiesDefaultToTheApi() {
		this.contextRunner.withPropertyValues("tunethemodel.api-key=" + API_KEY).run((context) -> {
			TuneTheModelProperties properties = context.getBean(TuneTheModelProperties.class);
			assertThat(properties.getBaseUrl()).isEqualTo(TuneTheModelTemplate.DEFAULT_BASE_URL);
			assertThat(properties.getApiKey()).isEqualTo(API_KEY);
		});
	}

	@Test
	void applicationWebClientCustomizersApply() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class)
			.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.base-url=" + wireMock.baseUrl())
			.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectComplete()
				.verify(TIMEOUT));
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models")).withHeader("X-Customized", equalTo("yes")));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnOperations() {
		this.contextRunner.withUserConfiguration(OwnOperationsConfiguration.class)
			.withPropertyValues("tunethemodel.api-key=" + API_KEY)
			.run((context) -> assertThat(context).hasSingleBean(TuneTheModelOperations.class)
				.getBean(TuneTheModelOperations.class)
				.isSameAs(context.getBean(OwnOperationsConfiguration.class).operations));
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
	void missingApiKeyStopsStartup() {
		this.contextRunner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("The API key must not be empty"));
	}

	@Test
	void malformedApiKeyStopsStartupWithoutShowingIt() {
		this.contextRunner.withPropertyValues("tunethemodel.api-key=secret with space")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith("The API key must not contain whitespace")
				.hasMessageNotContaining("secret"));
	}

	@Test
	void invalidBaseUrlStopsStartup() {
		this.contextRunner.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.base-url=api.example.com")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("The base URL \"api.example.com\" is not an absolute http or https URL"));
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		WebClientCustomizer customizedHeader() {
			return (builder) -> builder.defaultHeader("X-Customized", "yes");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnOperationsConfiguration {

		final TuneTheModelOperations operations = TuneTheModelTemplate.builder().apiKey("own-key").build();

		@Bean
		TuneTheModelOperations ownOperations() {
			return this.operations;
		}

	}

}
