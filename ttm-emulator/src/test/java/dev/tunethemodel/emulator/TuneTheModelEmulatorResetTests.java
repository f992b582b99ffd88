package dev.tunethemodel.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TuneTheModelEmulator#reset()} and
 * {@link TuneTheModelEmulator#clearFaults()}.
 */
class TuneTheModelEmulatorResetTests {

	private final TuneTheModelEmulator emulator = TuneTheModelEmulator.start();

	private final EmulatorRequests requests = new EmulatorRequests(this.emulator);

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void resetForgetsModelsFilesAndFaultsAndKeepsServing() {
		this.requests.createModelAndFile();
		this.emulator.inject(Fault.status(503).times(5));
		String baseUrl = this.emulator.baseUrl();
		this.emulator.reset();
		assertThat(this.requests.listModelsStatus()).isEqualTo(200);
		assertThat(this.requests.modelCount()).isZero();
		assertThat(this.requests.fileCount()).isZero();
		this.requests.createModelAndFile();
		assertThat(this.requests.modelCount()).isOne();
		assertThat(this.emulator.baseUrl()).isEqualTo(baseUrl);
	}

	@Test
	void clearFaultsKeepsModelsAndFiles() {
		this.requests.createModelAndFile();
		this.emulator.inject(Fault.status(503).times(5));
		this.emulator.clearFaults();
		assertThat(this.requests.listModelsStatus()).isEqualTo(200);
		assertThat(this.requests.modelCount()).isOne();
		assertThat(this.requests.fileCount()).isOne();
	}

}
