package dev.tunethemodel.emulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test methods that share an emulator of {@link AutoConfigureTuneTheModelEmulator}, in
 * order: the faults of one are cleared after it, its models and files stay.
 */
@SpringJUnitConfig
@AutoConfigureTuneTheModelEmulator
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureTuneTheModelEmulatorFaultsTests {

	@Autowired
	TuneTheModelEmulator emulator;

	EmulatorRequests requests;

	@BeforeEach
	void connect() {
		this.requests = new EmulatorRequests(this.emulator);
	}

	@Test
	@Order(1)
	void createsAModelThenInjectsFaultsItLeavesPending() {
		this.requests.createModelAndFile();
		this.emulator.inject(Fault.status(503).times(100));
		assertThat(this.requests.listModelsStatus()).isEqualTo(503);
	}

	@Test
	@Order(2)
	void nextTestGetsNoFaultButTheModelAndFile() {
		assertThat(this.requests.listModelsStatus()).isEqualTo(200);
		assertThat(this.requests.modelCount()).isOne();
		assertThat(this.requests.fileCount()).isOne();
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

}
