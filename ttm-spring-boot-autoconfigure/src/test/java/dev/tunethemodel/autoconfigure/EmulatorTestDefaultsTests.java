package dev.tunethemodel.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import dev.tunethemodel.emulator.AutoConfigureTuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poll intervals under {@link AutoConfigureTuneTheModelEmulator}: 100 milliseconds,
 * unless the test sets its own, in its properties or in a profile's file.
 */
@SpringBootTest(classes = EmulatorTestDefaultsTests.Application.class,
		properties = "tunethemodel.dataset-poll-interval=1s")
@AutoConfigureTuneTheModelEmulator
class EmulatorTestDefaultsTests {

	@Autowired
	TuneTheModelProperties properties;

	@Test
	void pollsFastUnlessTheTestsPropertiesSetTheInterval() {
		assertThat(this.properties.getPollInterval()).isEqualTo(Duration.ofMillis(100));
		assertThat(this.properties.getDatasetPollInterval()).isEqualTo(Duration.ofSeconds(1));
	}

	@Nested
	@ActiveProfiles("slow-polling")
	class WithAProfileThatSetsThePollInterval {

		@Autowired
		TuneTheModelProperties properties;

		@Test
		void profilesIntervalWins() {
			assertThat(this.properties.getPollInterval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(this.properties.getDatasetPollInterval()).isEqualTo(Duration.ofSeconds(1));
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
