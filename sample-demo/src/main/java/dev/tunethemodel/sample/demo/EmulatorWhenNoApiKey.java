package dev.tunethemodel.sample.demo;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import dev.tunethemodel.autoconfigure.TuneTheModelConnectionDetails;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

/**
 * Runs a sample offline when no API key is configured (neither
 * {@code tunethemodel.api-key} nor {@code TTM_API_KEY}) and the emulator is on the class
 * path: starts the local emulator and registers the starter's connection details of it,
 * which win over the properties, and turns the demo on unless {@code sample.demo.enabled}
 * says otherwise. Without the emulator, it does nothing, and the starter asks for a key.
 */
class EmulatorWhenNoApiKey implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String EMULATOR_CLASS = "dev.tunethemodel.emulator.TuneTheModelEmulator";

	private static final Log logger = LogFactory.getLog(EmulatorWhenNoApiKey.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		// AOT processing at build time only looks at the beans: no emulator for it
		if (StringUtils.hasText(environment.getProperty("tunethemodel.api-key"))
				|| Boolean.getBoolean("spring.aot.processing")) {
			return;
		}
		// a packaged sample may lack the emulator: load it only when present
		if (!ClassUtils.isPresent(EMULATOR_CLASS, context.getClassLoader())) {
			logger.debug("No API key configured and no emulator on the class path: not running offline");
			return;
		}
		Emulator.start(context, environment);
	}

	/**
	 * The part that references the emulator's classes.
	 */
	private static final class Emulator {

		static void start(ConfigurableApplicationContext context, ConfigurableEnvironment environment) {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			Assert.isInstanceOf(DefaultSingletonBeanRegistry.class, beanFactory);
			TuneTheModelEmulator emulator = TuneTheModelEmulator.start();
			beanFactory.registerSingleton("tuneTheModelEmulator", emulator);
			// stopped with the context, and when its refresh fails
			((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean("tuneTheModelEmulator",
					emulator::close);
			// the starter's details of an emulator, as its test annotation gets them
			TuneTheModelConnectionDetails emulatorDetails = (TuneTheModelConnectionDetails) new ConnectionDetailsFactories(
					context.getClassLoader())
				.getConnectionDetails(emulator, true)
				.get(TuneTheModelConnectionDetails.class);
			RootBeanDefinition connectionDetails = new RootBeanDefinition(TuneTheModelConnectionDetails.class,
					() -> emulatorDetails);
			// the properties' details exist too in AOT mode: these win
			connectionDetails.setPrimary(true);
			((BeanDefinitionRegistry) beanFactory).registerBeanDefinition("emulatorConnectionDetails",
					connectionDetails);
			// the emulator is free: the demo runs unless the user's settings say
			// otherwise
			environment.getPropertySources()
				.addLast(new MapPropertySource("sampleEmulatorDefaults",
						Map.of(SentimentDemoScript.ENABLED_PROPERTY, "true")));
			logger.info("No API key configured (tunethemodel.api-key or TTM_API_KEY): running offline on the local "
					+ "Tune the Model emulator at " + emulator.baseUrl());
		}

	}

}
