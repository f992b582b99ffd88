package dev.tunethemodel.sample;

import java.time.Duration;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import dev.tunethemodel.autoconfigure.TuneTheModelEnvironmentPostProcessor;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

/**
 * Runs the sample offline when no API key is configured (neither
 * {@code tunethemodel.api-key} nor {@code TTM_API_KEY}): starts the local emulator and points
 * the starter at it.
 */
class EmulatorWhenNoApiKey implements EnvironmentPostProcessor, Ordered {

	private final Log logger;

	EmulatorWhenNoApiKey(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(EmulatorWhenNoApiKey.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// AOT processing at build time only looks at the beans: no emulator for it
		if (StringUtils.hasText(environment.getProperty("tunethemodel.api-key"))
				|| Boolean.getBoolean("spring.aot.processing")) {
			return;
		}
		TuneTheModelEmulator emulator = TuneTheModelEmulator.start();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("sampleEmulator",
					Map.of("tunethemodel.base-url", emulator.baseUrl(), "tunethemodel.api-key", emulator.apiKey(),
							// the emulator trains in seconds, not hours
							"tunethemodel.poll-interval", Duration.ofMillis(500).toString())));
		application.addListeners(new ApplicationListener<ContextClosedEvent>() {

			@Override
			public void onApplicationEvent(ContextClosedEvent event) {
				emulator.close();
			}

		});
		this.logger.info("No API key configured (tunethemodel.api-key or TTM_API_KEY): running offline on the local "
				+ "Tune the Model emulator at " + emulator.baseUrl());
	}

	// after the starter has read TTM_API_KEY
	@Override
	public int getOrder() {
		return TuneTheModelEnvironmentPostProcessor.ORDER + 1;
	}

}
