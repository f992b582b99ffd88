package dev.tunethemodel.autoconfigure.emulator;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;

import dev.tunethemodel.autoconfigure.TuneTheModelConnectionDetails;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TuneTheModelEmulatorConnectionDetailsFactory}.
 */
class TuneTheModelEmulatorConnectionDetailsFactoryTests {

	@Test
	void factoriesMakeTheConnectionDetailsOfAnEmulator() {
		try (TuneTheModelEmulator emulator = TuneTheModelEmulator.start()) {
			Map<Class<?>, ConnectionDetails> connectionDetails = new ConnectionDetailsFactories(
					getClass().getClassLoader())
				.getConnectionDetails(emulator, true);
			assertThat(connectionDetails).containsOnlyKeys(TuneTheModelConnectionDetails.class);
			TuneTheModelConnectionDetails emulatorDetails = (TuneTheModelConnectionDetails) connectionDetails
				.get(TuneTheModelConnectionDetails.class);
			assertThat(emulatorDetails.getBaseUrl()).isEqualTo(emulator.baseUrl());
			assertThat(emulatorDetails.getApiKey()).isEqualTo(emulator.apiKey());
			assertThat(emulatorDetails.toString()).doesNotContain(emulator.apiKey());
		}
	}

	// as in an application whose Testcontainers load every factory
	@Test
	void factoriesLoadWithoutTheEmulatorOnTheClassPath() throws Exception {
		try (URLClassLoader withoutEmulator = new URLClassLoader(classPathWithoutTheEmulator(),
				ClassLoader.getPlatformClassLoader())) {
			assertThat(withoutEmulator.getResource(TuneTheModelEmulator.class.getName().replace('.', '/') + ".class"))
				.isNull();
			Class<?> factories = withoutEmulator.loadClass(ConnectionDetailsFactories.class.getName());
			Object loaded = factories.getConstructor(ClassLoader.class).newInstance(withoutEmulator);
			Object connectionDetails = factories.getMethod("getConnectionDetails", Object.class, boolean.class)
				.invoke(loaded, "not a connection source", false);
			assertThat(connectionDetails).isEqualTo(Map.of());
		}
	}

	private static URL[] classPathWithoutTheEmulator() throws MalformedURLException {
		Path emulator = Path
			.of(TuneTheModelEmulator.class.getProtectionDomain().getCodeSource().getLocation().getPath());
		List<URL> urls = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (!Path.of(entry).toAbsolutePath().equals(emulator.toAbsolutePath())) {
				urls.add(Path.of(entry).toUri().toURL());
			}
		}
		return urls.toArray(URL[]::new);
	}

}
