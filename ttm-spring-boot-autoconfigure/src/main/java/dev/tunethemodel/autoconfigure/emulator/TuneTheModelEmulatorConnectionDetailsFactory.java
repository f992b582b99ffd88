package dev.tunethemodel.autoconfigure.emulator;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginProvider;
import org.springframework.util.ClassUtils;

import dev.tunethemodel.autoconfigure.TuneTheModelConnectionDetails;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

/**
 * {@link ConnectionDetailsFactory} of the {@link TuneTheModelConnectionDetails} of a
 * running {@link TuneTheModelEmulator}, such as the one
 * {@code @AutoConfigureTuneTheModelEmulator} starts for a test.
 */
class TuneTheModelEmulatorConnectionDetailsFactory
		implements ConnectionDetailsFactory<TuneTheModelEmulator, TuneTheModelConnectionDetails> {

	private static final String EMULATOR = "dev.tunethemodel.emulator.TuneTheModelEmulator";

	TuneTheModelEmulatorConnectionDetailsFactory() {
		// without the emulator, the loader skips this factory instead of failing
		if (!ClassUtils.isPresent(EMULATOR, TuneTheModelEmulatorConnectionDetailsFactory.class.getClassLoader())) {
			throw new IllegalStateException(EMULATOR + " is not on the class path");
		}
	}

	@Override
	public TuneTheModelConnectionDetails getConnectionDetails(TuneTheModelEmulator emulator) {
		return new EmulatorConnectionDetails(emulator);
	}

	/**
	 * The base URL and key of an emulator, whose origin the startup log names.
	 */
	private record EmulatorConnectionDetails(
			TuneTheModelEmulator emulator) implements TuneTheModelConnectionDetails, OriginProvider {

		@Override
		public Origin getOrigin() {
			return EmulatorOrigin.INSTANCE;
		}

		@Override
		public String getBaseUrl() {
			return this.emulator.baseUrl();
		}

		@Override
		public String getApiKey() {
			return this.emulator.apiKey();
		}

		@Override
		public String toString() {
			return "EmulatorConnectionDetails[baseUrl=" + getBaseUrl() + "]";
		}

	}

	/**
	 * The origin of an emulator's connection details.
	 */
	private enum EmulatorOrigin implements Origin {

		INSTANCE;

		@Override
		public String toString() {
			return "from the Tune the Model emulator";
		}

	}

}
