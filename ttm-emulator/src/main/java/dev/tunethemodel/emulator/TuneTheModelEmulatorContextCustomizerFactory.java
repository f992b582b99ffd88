package dev.tunethemodel.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Starts a {@link TuneTheModelEmulator} for a test annotated with
 * {@link AutoConfigureTuneTheModelEmulator}.
 */
class TuneTheModelEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

	/**
	 * The name of the emulator's bean.
	 */
	static final String BEAN_NAME = "tuneTheModelEmulator";

	/**
	 * The name of the property source of the starter's settings for tests, which every
	 * other property source overrides.
	 */
	static final String TEST_DEFAULTS = "tuneTheModelEmulatorTestDefaults";

	// the emulator trains in a fraction of a second: polling as in production would wait
	private static final Map<String, Object> FAST_POLLING = Map.of("tunethemodel.poll-interval", "100ms",
			"tunethemodel.dataset-poll-interval", "100ms");

	private static final String CONNECTION_DETAILS_FACTORIES = "org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureTuneTheModelEmulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureTuneTheModelEmulator.class);
		return (annotation != null) ? new EmulatorCustomizer(Duration.ofMillis(annotation.trainingTimeMillis()),
				Duration.ofMillis(annotation.processingTimeMillis())) : null;
	}

	/**
	 * Starts the emulator, registers it and the connection details that point the starter
	 * at it, sets fast polling unless the test's environment sets its own, and stops the
	 * emulator with the context.
	 */
	private record EmulatorCustomizer(Duration trainingTime, Duration processingTime) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			Assert.isInstanceOf(DefaultSingletonBeanRegistry.class, beanFactory);
			TuneTheModelEmulator emulator = TuneTheModelEmulator.builder()
				.trainingTime(this.trainingTime)
				.processingTime(this.processingTime)
				.start();
			beanFactory.registerSingleton(BEAN_NAME, emulator);
			// stopped with the context, and when its refresh fails
			((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(BEAN_NAME, emulator::close);
			context.getEnvironment().getPropertySources().addLast(new MapPropertySource(TEST_DEFAULTS, FAST_POLLING));
			if (ClassUtils.isPresent(CONNECTION_DETAILS_FACTORIES, context.getClassLoader())) {
				ConnectionDetailsRegistrar.register(context, emulator);
			}
		}

	}

	/**
	 * Registers the connection details the application's factories make of the emulator:
	 * the starter's own, when it is on the class path.
	 */
	private static final class ConnectionDetailsRegistrar {

		private ConnectionDetailsRegistrar() {
		}

		static void register(ConfigurableApplicationContext context, TuneTheModelEmulator emulator) {
			Assert.isInstanceOf(BeanDefinitionRegistry.class, context.getBeanFactory(),
					"The emulator's connection details need a bean factory that is a BeanDefinitionRegistry");
			BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context.getBeanFactory();
			Map<Class<?>, ConnectionDetails> connectionDetails = new ConnectionDetailsFactories(
					context.getClassLoader())
				.getConnectionDetails(emulator, false);
			connectionDetails.forEach((type, details) -> registry
				.registerBeanDefinition(BEAN_NAME + type.getSimpleName(), definition(type, details)));
		}

		@SuppressWarnings("unchecked")
		private static <T> RootBeanDefinition definition(Class<T> type, ConnectionDetails details) {
			return new RootBeanDefinition(type, () -> (T) details);
		}

	}

}
