package dev.tunethemodel.sample.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import dev.tunethemodel.autoconfigure.TuneTheModelConnectionDetails;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmulatorWhenNoApiKey}.
 */
class EmulatorWhenNoApiKeyTests {

	@Test
	void startsTheEmulatorAndConnectsToItWhenNoApiKeyIsSet() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			new EmulatorWhenNoApiKey().initialize(context);
			context.refresh();
			TuneTheModelEmulator emulator = context.getBean(TuneTheModelEmulator.class);
			assertThat(context.getBean(TuneTheModelConnectionDetails.class).getBaseUrl()).isEqualTo(emulator.baseUrl());
			assertThat(context.getEnvironment().getProperty("sample.demo.enabled")).isEqualTo("true");
		}
	}

	@Test
	void leavesTheDemoOffWhenTheUserTurnsItOff() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("sample.demo.enabled", "false")));
			new EmulatorWhenNoApiKey().initialize(context);
			context.refresh();
			assertThat(context.getBean(TuneTheModelEmulator.class)).isNotNull();
			assertThat(context.getEnvironment().getProperty("sample.demo.enabled")).isEqualTo("false");
		}
	}

	@Test
	void doesNothingWhenAnApiKeyIsSet() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test", Map.of("tunethemodel.api-key", "key")));
			new EmulatorWhenNoApiKey().initialize(context);
			assertThat(context.getBeanDefinitionCount()).isZero();
			assertThat(context.getBeanFactory().getSingletonNames()).isEmpty();
			assertThat(context.getEnvironment().getProperty("sample.demo.enabled")).isNull();
		}
	}

	@Test
	void doesNothingWhenTheEmulatorIsNotOnTheClassPath() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.setClassLoader(new FilteredClassLoader(TuneTheModelEmulator.class));
			new EmulatorWhenNoApiKey().initialize(context);
			assertThat(context.getBeanDefinitionCount()).isZero();
			assertThat(context.getBeanFactory().getSingletonNames()).isEmpty();
		}
	}

}
