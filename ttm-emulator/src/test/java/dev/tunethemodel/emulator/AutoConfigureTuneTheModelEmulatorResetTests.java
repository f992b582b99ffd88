package dev.tunethemodel.emulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import dev.tunethemodel.emulator.AutoConfigureTuneTheModelEmulator.ResetMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test methods that share an emulator of {@link AutoConfigureTuneTheModelEmulator} that
 * resets after each test, in order: the next one finds no model, file or fault.
 */
@SpringJUnitConfig
@AutoConfigureTuneTheModelEmulator(reset = ResetMode.AFTER_EACH_TEST)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureTuneTheModelEmulatorResetTests {

	@Autowired
	TuneTheModelEmulator emulator;

	EmulatorRequests requests;

	@BeforeEach
	void connect() {
		this.requests = new EmulatorRequests(this.emulator);
	}

	@Test
	@Order(1)
	void createsAModelAndAFileThenInjectsFaults() {
		this.requests.createModelAndFile();
		assertThat(this.requests.modelCount()).isOne();
		this.emulator.inject(Fault.status(503).times(100));
	}

	@Test
	@Order(2)
	void nextTestFindsAFreshEmulator() {
		assertThat(this.requests.listModelsStatus()).isEqualTo(200);
		assertThat(this.requests.modelCount()).isZero();
		assertThat(this.requests.fileCount()).isZero();
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
