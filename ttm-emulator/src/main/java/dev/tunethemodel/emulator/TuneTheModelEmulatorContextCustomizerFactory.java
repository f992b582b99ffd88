package dev.tunethemodel.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Starts a {@link TuneTheModelEmulator} for a test annotated with
 * {@link AutoConfigureTuneTheModelEmulator}.
 */
class TuneTheModelEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureTuneTheModelEmulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureTuneTheModelEmulator.class);
		return (annotation != null) ? new EmulatorCustomizer(Duration.ofMillis(annotation.trainingTimeMillis()),
				Duration.ofMillis(annotation.processingTimeMillis())) : null;
	}

	/**
	 * Starts the emulator, sets the starter's properties, and stops it with the context.
	 */
	private record EmulatorCustomizer(Duration trainingTime, Duration processingTime) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			TuneTheModelEmulator emulator = TuneTheModelEmulator.builder()
				.trainingTime(this.trainingTime)
				.processingTime(this.processingTime)
				.start();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("tuneTheModelEmulator",
						Map.of("tunethemodel.base-url", emulator.baseUrl(), "tunethemodel.api-key", emulator.apiKey())));
			context.getBeanFactory().registerSingleton("tuneTheModelEmulator", emulator);
			context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {

				@Override
				public void onApplicationEvent(ContextClosedEvent event) {
					emulator.close();
				}

			});
		}

	}

}
