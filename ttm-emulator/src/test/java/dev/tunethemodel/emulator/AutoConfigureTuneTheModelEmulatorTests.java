package dev.tunethemodel.emulator;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link AutoConfigureTuneTheModelEmulator}.
 */
@SpringJUnitConfig
@AutoConfigureTuneTheModelEmulator(trainingTimeMillis = 100)
class AutoConfigureTuneTheModelEmulatorTests {

	@Autowired
	TuneTheModelEmulator emulator;

	@Value("${tunethemodel.base-url}")
	String baseUrl;

	@Value("${tunethemodel.api-key}")
	String apiKey;

	@Test
	void startsAnEmulatorAndPointsTheStarterAtIt() {
		assertThat(this.baseUrl).isEqualTo(this.emulator.baseUrl()).startsWith("http://127.0.0.1:");
		assertThat(this.apiKey).isEqualTo(this.emulator.apiKey());
		WebTestClient.bindToServer()
			.baseUrl(this.baseUrl)
			.defaultHeader("Authorization", this.apiKey)
			.build()
			.get()
			.uri("/v0/models")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
