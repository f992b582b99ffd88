package dev.tunethemodel.emulator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link AutoConfigureTuneTheModelEmulator} without the starter: the emulator
 * runs and is a bean, and the starter polls fast unless the test says otherwise; the
 * starter's tests check the connection details it then gets.
 */
@SpringJUnitConfig
@AutoConfigureTuneTheModelEmulator(trainingTimeMillis = 100)
@TestPropertySource(properties = "tunethemodel.dataset-poll-interval=1s")
class AutoConfigureTuneTheModelEmulatorTests {

	@Autowired
	TuneTheModelEmulator emulator;

	@Autowired
	ApplicationContext context;

	@Autowired
	ConfigurableEnvironment environment;

	@Test
	void startsAnEmulatorThatIsABean() {
		assertThat(this.emulator.baseUrl()).startsWith("http://127.0.0.1:");
		WebTestClient.bindToServer()
			.baseUrl(this.emulator.baseUrl())
			.defaultHeader("Authorization", this.emulator.apiKey())
			.build()
			.get()
			.uri("/v0/models")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void withoutTheStarterNoConnectionDetailsAreRegistered() {
		assertThat(this.context.getBeanNamesForType(ConnectionDetails.class)).isEmpty();
	}

	@Test
	void pollsFastUnlessTheTestSetsItsOwnInterval() {
		assertThat(this.environment.getProperty("tunethemodel.poll-interval")).isEqualTo("100ms");
		assertThat(this.environment.getProperty("tunethemodel.dataset-poll-interval")).isEqualTo("1s");
		assertThat(this.environment.getPropertySources().stream().reduce((first, second) -> second))
			.hasValueSatisfying((last) -> assertThat(last.getName())
				.isEqualTo(TuneTheModelEmulatorContextCustomizerFactory.TEST_DEFAULTS));
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
