package dev.tunethemodel.emulator;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link AutoConfigureTuneTheModelEmulator} without the starter: the emulator
 * runs and is a bean; the starter's tests check the connection details it then gets.
 */
@SpringJUnitConfig
@AutoConfigureTuneTheModelEmulator(trainingTimeMillis = 100)
class AutoConfigureTuneTheModelEmulatorTests {

	@Autowired
	TuneTheModelEmulator emulator;

	@Autowired
	ApplicationContext context;

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

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
