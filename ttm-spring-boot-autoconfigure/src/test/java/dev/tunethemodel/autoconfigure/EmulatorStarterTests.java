package dev.tunethemodel.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.emulator.AutoConfigureTuneTheModelEmulator;
import dev.tunethemodel.emulator.Fault;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured starter against the emulator, as a user's own tests would use it:
 * one annotation, no network; the emulator's connection details win over the properties.
 */
@SpringBootTest(properties = { "tunethemodel.health.cache-ttl=0s", "tunethemodel.api-key=ttm-real-key-not-for-tests",
		"tunethemodel.base-url=https://api.example.com" })
@AutoConfigureTuneTheModelEmulator
class EmulatorStarterTests {

	@Autowired
	TuneTheModelOperations tuneTheModel;

	@Autowired
	TuneTheModelEmulator emulator;

	@Autowired
	@Qualifier("tunethemodelHealthIndicator")
	ReactiveHealthIndicator health;

	@Autowired
	TuneTheModelConnectionDetails connectionDetails;

	@Test
	void connectionDetailsAreTheEmulators() {
		assertThat(this.connectionDetails.getBaseUrl()).isEqualTo(this.emulator.baseUrl());
		assertThat(this.connectionDetails.getApiKey()).isEqualTo(this.emulator.apiKey());
		assertThat(this.connectionDetails).isNotInstanceOf(PropertiesTuneTheModelConnectionDetails.class)
			.hasToString("EmulatorConnectionDetails[baseUrl=" + this.emulator.baseUrl() + "]");
	}

	@Test
	void autoConfiguredClientTalksToTheEmulator() {
		StepVerifier
			.create(this.tuneTheModel.createModel(CreateModelRequest.generator("g"))
				.flatMap((model) -> this.tuneTheModel.getModel(model.id())))
			.assertNext((model) -> assertThat(model.name()).isEqualTo("g"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void healthIsUpThenDownWhenTheEmulatorFails() {
		StepVerifier.create(this.health.health().map(Health::getStatus))
			.expectNext(Status.UP)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		this.emulator.inject(Fault.status(500));
		StepVerifier.create(this.health.health()).assertNext((down) -> {
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("reason", "server error").containsEntry("statusCode", 500);
		}).expectComplete().verify(Duration.ofSeconds(10));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
