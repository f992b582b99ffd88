package dev.tunethemodel.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests of {@link TuneTheModelConfigurationFailureAnalyzer}.
 */
@ExtendWith(OutputCaptureExtension.class)
class TuneTheModelConfigurationFailureAnalyzerTests {

	private final TuneTheModelConfigurationFailureAnalyzer analyzer = new TuneTheModelConfigurationFailureAnalyzer();

	@Test
	void missingKeyTellsWhereToSetIt() {
		FailureAnalysis analysis = this.analyzer
			.analyze(failure(Problem.MISSING_API_KEY, "The API key must not be empty"));
		assertThat(analysis.getDescription())
			.isEqualTo("The Tune the Model client cannot be configured: The API key must not be empty.");
		assertThat(analysis.getAction())
			.isEqualTo("Set tunethemodel.api-key in application.yml, or export TTM_API_KEY.");
	}

	@Test
	void everyProblemHasAnAction() {
		for (Problem problem : Problem.values()) {
			FailureAnalysis analysis = this.analyzer.analyze(failure(problem, "problem"));
			assertThat(analysis.getAction()).isNotBlank();
			assertThat(analysis.getCause()).isInstanceOf(TuneTheModelConfigurationException.class);
		}
		assertThat(this.analyzer.analyze(failure(Problem.MALFORMED_API_KEY, "x")).getAction())
			.startsWith("Check tunethemodel.api-key (or TTM_API_KEY)");
		assertThat(this.analyzer.analyze(failure(Problem.INVALID_BASE_URL, "x")).getAction())
			.startsWith("Set tunethemodel.base-url (or TTM_API_URL)");
		assertThat(this.analyzer.analyze(failure(Problem.INSECURE_BASE_URL, "x")).getAction())
			.contains("tunethemodel.allow-insecure-http=true");
		assertThat(this.analyzer.analyze(failure(Problem.LOGGED_HEADERS, "x")).getAction())
			.startsWith("Remove headers and all from the system property jdk.httpclient.HttpClient.log");
	}

	@Test
	void startupWithoutKeyPrintsTheAnalysis(CapturedOutput output) {
		SpringApplication application = new SpringApplication(MinimalApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("The Tune the Model client cannot be configured: The API key must not be empty.")
			.contains("Set tunethemodel.api-key in application.yml, or export TTM_API_KEY.");
	}

	@Test
	void startupWithMalformedKeyNeverPrintsIt(CapturedOutput output) {
		SpringApplication application = new SpringApplication(MinimalApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run("--tunethemodel.api-key=hunter2 pasted-with-space"));
		assertThat(output).contains("The API key must not contain whitespace or control characters")
			.doesNotContain("hunter2");
	}

	private static TuneTheModelConfigurationException failure(Problem problem, String message) {
		return new TuneTheModelConfigurationException(problem, message);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(TuneTheModelAutoConfiguration.class)
	static class MinimalApplication {

	}

}
