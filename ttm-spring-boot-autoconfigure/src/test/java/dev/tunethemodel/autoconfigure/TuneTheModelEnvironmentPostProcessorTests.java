package dev.tunethemodel.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TuneTheModelEnvironmentPostProcessor}.
 */
class TuneTheModelEnvironmentPostProcessorTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void officialSdkVariablesBecomeTheProperties() {
		this.environment.setProperty("TTM_API_KEY", "sdk-key");
		this.environment.setProperty("TTM_API_URL", "https://sdk.example.com");
		postProcess();
		assertThat(this.environment.getProperty("tunethemodel.api-key")).isEqualTo("sdk-key");
		assertThat(this.environment.getProperty("tunethemodel.base-url")).isEqualTo("https://sdk.example.com");
	}

	@Test
	void fallbacksAreTheLastPropertySourceAndHoldNoValue() {
		this.environment.setProperty("TTM_API_KEY", "sdk-key");
		postProcess();
		assertThat(this.environment.getPropertySources()
			.stream()
			.reduce((first, second) -> second)
			.orElseThrow()
			.getName()).isEqualTo(TuneTheModelEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
		assertThat(this.environment.getPropertySources()
			.get(TuneTheModelEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)
			.getProperty("tunethemodel.api-key")).isEqualTo("${TTM_API_KEY}");
	}

	@Test
	void explicitPropertiesWin() {
		this.environment.setProperty("TTM_API_KEY", "sdk-key");
		this.environment.setProperty("tunethemodel.api-key", "explicit-key");
		postProcess();
		assertThat(this.environment.getProperty("tunethemodel.api-key")).isEqualTo("explicit-key");
	}

	@Test
	void nothingIsAddedWithoutTheVariables() {
		postProcess();
		assertThat(this.environment.getPropertySources()
			.contains(TuneTheModelEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		assertThat(this.environment.getProperty("tunethemodel.api-key")).isNull();
	}

	private void postProcess() {
		new TuneTheModelEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());
	}

}
