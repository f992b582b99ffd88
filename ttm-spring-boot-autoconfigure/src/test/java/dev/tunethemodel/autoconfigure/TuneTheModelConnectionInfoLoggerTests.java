package dev.tunethemodel.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import dev.tunethemodel.emulator.TuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TuneTheModelConnectionInfoLogger}: the startup line that says where the
 * client connects, never with the key.
 */
@ExtendWith(OutputCaptureExtension.class)
class TuneTheModelConnectionInfoLoggerTests {

	private static final String API_KEY = "ttm-startup-line-key-5c2e";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebClientAutoConfiguration.class, TuneTheModelAutoConfiguration.class))
		.withPropertyValues("tunethemodel.api-key=" + API_KEY);

	@Test
	void defaultBaseUrlIsSaidToBeTheDefault(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output)
			.contains("Tune the Model client connects to https://api.tunethemodel.com (the default) "
					+ "over Reactor Netty with up to 50 connections")
			.doesNotContain(API_KEY);
	}

	@Test
	void baseUrlPropertyIsNamedWithWhereItIsSet(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("tunethemodel.base-url=https://eu.tunethemodel.com",
					"tunethemodel.pool.max-connections=12")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Tune the Model client connects to https://eu.tunethemodel.com (from "
				+ "tunethemodel.base-url in property source \"test\") over Reactor "
				+ "Netty with up to 12 connections");
	}

	@Test
	void namedClientsSayWhereTheirBaseUrlComesFrom(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("tunethemodel.clients.acme.api-key=ttm-acme-line-key-81f0",
					"tunethemodel.clients.acme.base-url=https://us.tunethemodel.com",
					"tunethemodel.clients.acme.pool.max-connections=7",
					"tunethemodel.clients.globex.api-key=ttm-globex-line-key-3a9d")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output)
			.contains("Tune the Model client acme connects to https://us.tunethemodel.com (from "
					+ "tunethemodel.clients.acme.base-url in property source \"test\") over Reactor Netty with up "
					+ "to 7 connections")
			.contains("Tune the Model client globex connects to https://api.tunethemodel.com (as the top-level "
					+ "client) over Reactor Netty with up to 50 connections")
			.doesNotContain("ttm-acme-line-key-81f0")
			.doesNotContain("ttm-globex-line-key-3a9d");
	}

	@Test
	void sdkVariableIsNamedWhenItGivesTheBaseUrl(CapturedOutput output) {
		this.contextRunner.withInitializer(TuneTheModelConnectionInfoLoggerTests::sdkApiUrl)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Tune the Model client connects to http://127.0.0.1:8089 (from TTM_API_URL)");
	}

	@Test
	void explicitBaseUrlSaysItWinsOverTheSdkVariable(CapturedOutput output) {
		this.contextRunner.withPropertyValues("tunethemodel.base-url=https://eu.tunethemodel.com")
			.withInitializer(TuneTheModelConnectionInfoLoggerTests::sdkApiUrl)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Tune the Model client connects to https://eu.tunethemodel.com (from "
				+ "tunethemodel.base-url in property source \"test\", which wins over TTM_API_URL)");
	}

	@Test
	void emulatorIsNamedAsTheSource(CapturedOutput output) {
		try (TuneTheModelEmulator emulator = TuneTheModelEmulator.start()) {
			TuneTheModelConnectionDetails details = (TuneTheModelConnectionDetails) new ConnectionDetailsFactories(null)
				.getConnectionDetails(emulator, false)
				.get(TuneTheModelConnectionDetails.class);
			this.contextRunner.withBean(TuneTheModelConnectionDetails.class, () -> details)
				.run((context) -> assertThat(context).hasNotFailed());
			assertThat(output)
				.contains("Tune the Model client connects to " + emulator.baseUrl()
						+ " (from the Tune the Model emulator) over Reactor Netty")
				.doesNotContain(emulator.apiKey());
		}
	}

	@Test
	void applicationConnectionDetailsAreNamedByTheirClass(CapturedOutput output) {
		this.contextRunner.withBean(TuneTheModelConnectionDetails.class, OwnConnectionDetails::new)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output)
			.contains("Tune the Model client connects to https://proxy.example.com/ttm (from "
					+ OwnConnectionDetails.class.getName() + ")")
			.doesNotContain("own-secret-key");
	}

	@Test
	void jdkClientIsNamedWithoutReactorNetty(CapturedOutput output) {
		this.contextRunner.withClassLoader(new FilteredClassLoader("reactor.netty"))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("(the default) over the JDK's HttpClient with up to 50 connections");
	}

	// TTM_API_URL set in the environment, as the application's post-processor sees it
	private static void sdkApiUrl(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
					Map.of("TTM_API_URL", "http://127.0.0.1:8089")));
		new TuneTheModelEnvironmentPostProcessor().postProcessEnvironment(context.getEnvironment(),
				new SpringApplication());
	}

	static class OwnConnectionDetails implements TuneTheModelConnectionDetails {

		@Override
		public String getBaseUrl() {
			return "https://proxy.example.com/ttm";
		}

		@Override
		public String getApiKey() {
			return "own-secret-key";
		}

	}

}
