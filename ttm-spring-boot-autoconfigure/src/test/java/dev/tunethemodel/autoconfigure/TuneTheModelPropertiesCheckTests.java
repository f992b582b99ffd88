package dev.tunethemodel.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin.Location;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests of {@link TuneTheModelPropertiesCheck}: unresolved placeholders and unknown
 * properties stop the startup with the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class TuneTheModelPropertiesCheckTests {

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void unresolvedPlaceholderOfTheKeyNamesItAndTheFix() {
		this.environment.setProperty("tunethemodel.api-key", "${MY_TTM_KEY}");
		assertThatExceptionOfType(TuneTheModelPropertiesException.class).isThrownBy(this::check).satisfies((ex) -> {
			assertThat(ex).hasMessage("tunethemodel.api-key (from property source \"mockProperties\") is the "
					+ "placeholder ${MY_TTM_KEY}, which nothing resolves: there is no environment variable, system property or property MY_TTM_KEY.");
			assertThat(ex.action()).isEqualTo("Set the environment variable MY_TTM_KEY before starting the "
					+ "application, or remove tunethemodel.api-key: the starter then reads TTM_API_KEY.");
		});
	}

	@Test
	void unresolvedPlaceholderOfAnyValueStopsTheStartup() {
		this.environment.setProperty("tunethemodel.base-url", "http://${EMULATOR_HOST}:8089");
		assertThatExceptionOfType(TuneTheModelPropertiesException.class).isThrownBy(this::check)
			.withMessageStartingWith(
					"tunethemodel.base-url (from property source \"mockProperties\") is the placeholder ${EMULATOR_HOST}")
			.satisfies((ex) -> assertThat(ex.action()).contains("the starter then reads TTM_API_URL"));
		this.environment.setProperty("tunethemodel.base-url", "https://api.tunethemodel.com");
		this.environment.setProperty("tunethemodel.timeout", "${TIMEOUT}");
		assertThatExceptionOfType(TuneTheModelPropertiesException.class).isThrownBy(this::check)
			.satisfies((ex) -> assertThat(ex.action()).isEqualTo("Set the environment variable TIMEOUT before "
					+ "starting the application, or give the placeholder a default, as in ${TIMEOUT:default}."));
	}

	@Test
	void unresolvedPlaceholderNeverQuotesTheValue() {
		this.environment.setProperty("tunethemodel.api-key", "hunter2-${SUFFIX}");
		assertThatExceptionOfType(TuneTheModelPropertiesException.class).isThrownBy(this::check)
			.satisfies((ex) -> assertThat(ex.getMessage() + ex.action()).doesNotContain("hunter2"));
	}

	@Test
	void resolvedPlaceholdersAndDefaultsPass() {
		this.environment.setProperty("MY_TTM_KEY", "key");
		this.environment.setProperty("tunethemodel.api-key", "${MY_TTM_KEY}");
		this.environment.setProperty("tunethemodel.base-url", "${MY_TTM_URL:https://api.tunethemodel.com}");
		assertThatNoException().isThrownBy(this::check);
	}

	@Test
	void onlyTheValueThatWinsCounts() {
		this.environment.getPropertySources()
			.addLast(new org.springframework.core.env.MapPropertySource("defaults",
					Map.of("tunethemodel.api-key", "${UNSET}")));
		this.environment.setProperty("tunethemodel.api-key", "key");
		assertThatNoException().isThrownBy(this::check);
	}

	@Test
	void mistypedPropertySuggestsTheNearestOne() {
		this.environment.setProperty("tunethemodel.url", "http://127.0.0.1:8089");
		assertThatExceptionOfType(TuneTheModelPropertiesException.class).isThrownBy(this::check).satisfies((ex) -> {
			assertThat(ex).hasMessage("The property tunethemodel.url (from property source \"mockProperties\") is not "
					+ "a property of the Tune the Model client, and would be ignored.");
			assertThat(ex.action()).isEqualTo("Did you mean tunethemodel.base-url instead of tunethemodel.url?");
		});
	}

	@Test
	void chatPropertiesAreKnownAndAMistypedOneSuggestsTheNearest() {
		this.environment.setProperty("tunethemodel.chat.model-id", "my-generator");
		this.environment.setProperty("tunethemodel.chat.options.num-hypos", "2");
		this.environment.setProperty("tunethemodel.chat.options.TEMPERATURE", "0.5");
		assertThatNoException().isThrownBy(this::check);
		this.environment.setProperty("tunethemodel.chat.options.numhypo", "2");
		assertThatExceptionOfType(TuneTheModelPropertiesException.class).isThrownBy(this::check)
			.satisfies((ex) -> assertThat(ex.action()).isEqualTo(
					"Did you mean tunethemodel.chat.options.num-hypos instead of tunethemodel.chat.options.numhypo?"));
	}

	@Test
	void namedClientHasNoChatProperties() {
		this.environment.setProperty("tunethemodel.clients.tenant.chat.model-id", "my-generator");
		assertThatExceptionOfType(TuneTheModelPropertiesException.class).isThrownBy(this::check)
			.withMessageStartingWith("The property tunethemodel.clients.tenant.chat.model-id");
	}

	@Test
	void blankChatModelIdNamesThePropertyAndTheFix() {
		this.environment.setProperty("tunethemodel.chat.model-id", " ");
		assertThatExceptionOfType(TuneTheModelPropertiesException.class).isThrownBy(this::check).satisfies((ex) -> {
			assertThat(ex).hasMessage("tunethemodel.chat.model-id (from property source \"mockProperties\") is blank: "
					+ "no generator would answer the prompts.");
			assertThat(ex.action()).isEqualTo("Set tunethemodel.chat.model-id to the id of a generator, "
					+ "or remove it to go without the Spring AI chat model.");
		});
	}

	@Test
	void chatModelIdThatResolvesBlankIsBlank() {
		this.environment.setProperty("GENERATOR", "");
		this.environment.setProperty("tunethemodel.chat.model-id", "${GENERATOR}");
		assertThatExceptionOfType(TuneTheModelPropertiesException.class).isThrownBy(this::check)
			.withMessageContaining("is blank");
	}

	@Test
	void everyUnknownPropertyIsNamedWithItsSuggestion() {
		this.environment.setProperty("tunethemodel.api-kee", "key");
		this.environment.setProperty("tunethemodel.retry.max-retry", "2");
		this.environment.setProperty("tunethemodel.zzz", "1");
		assertThatExceptionOfType(TuneTheModelPropertiesException.class).isThrownBy(this::check).satisfies((ex) -> {
			assertThat(ex).hasMessageStartingWith("The properties tunethemodel.api-kee (from property source "
					+ "\"mockProperties\"), tunethemodel.retry.max-retry (from property source \"mockProperties\"), "
					+ "tunethemodel.zzz (from property source \"mockProperties\") are not properties");
			assertThat(ex.action())
				.startsWith("Did you mean tunethemodel.api-key instead of tunethemodel.api-kee? Did you mean "
						+ "tunethemodel.retry.max-retries instead of tunethemodel.retry.max-retry? Remove "
						+ "tunethemodel.zzz. The client's properties are: tunethemodel.allow-insecure-http, ")
				.contains("tunethemodel.timeout");
		});
	}

	@Test
	void relaxedSpellingsOfKnownPropertiesPass() {
		this.environment.setProperty("tunethemodel.baseUrl", "https://api.tunethemodel.com");
		this.environment.setProperty("tunethemodel.apikey", "key");
		this.environment.setProperty("tunethemodel.retry.max_retries", "2");
		this.environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
					Map.of("TUNETHEMODEL_POOL_MAXCONNECTIONS", "10", "TUNETHEMODEL_RETRY_MAX_RETRIES", "3")));
		assertThatNoException().isThrownBy(this::check);
	}

	@Test
	void unknownEnvironmentVariableIsNamedWithItsOrigin() {
		this.environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("systemEnvironment", Map.of("TUNETHEMODEL_URL", "x")));
		assertThatExceptionOfType(TuneTheModelPropertiesException.class).isThrownBy(this::check)
			.withMessageContaining("tunethemodel.url (from property source \"systemEnvironment\" as TUNETHEMODEL_URL)");
	}

	@Test
	void unknownPropertyOfAFileIsNamedWithItsLineBesideKnownOnes() {
		Resource file = new ClassPathResource("application.yml");
		this.environment.getPropertySources()
			.addFirst(new OriginTrackedMapPropertySource("application.yml", Map.of("tunethemodel.api-key",
					OriginTrackedValue.of("key", new TextResourceOrigin(file, new Location(1, 11))), "tunethemodel.url",
					OriginTrackedValue.of("x", new TextResourceOrigin(file, new Location(2, 7))))));
		assertThatExceptionOfType(TuneTheModelPropertiesException.class).isThrownBy(this::check)
			.withMessageStartingWith(
					"The property tunethemodel.url (from class path resource [application.yml] - 3:8) is not a property");
	}

	@Test
	void entriesOfMapsAndListsAreKnown(@TempDir Path metadata) throws IOException {
		Path file = metadata.resolve(TuneTheModelPropertiesCheck.METADATA);
		Files.createDirectories(file.getParent());
		Files.writeString(file, """
				{"properties": [
				  {"name": "tunethemodel.clients", "type": "java.util.Map<java.lang.String,com.example.Client>"},
				  {"name": "tunethemodel.hosts", "type": "java.util.List<java.lang.String>"},
				  {"name": "tunethemodel.api-key", "type": "java.lang.String"}
				]}""");
		this.environment.setProperty("tunethemodel.clients.eu.api-key", "key");
		this.environment.setProperty("tunethemodel.hosts[0]", "a");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { metadata.toUri().toURL() }, null)) {
			assertThatNoException()
				.isThrownBy(() -> new TuneTheModelPropertiesCheck(this.environment, classLoader).check());
			this.environment.setProperty("tunethemodel.client.eu.api-key", "key");
			assertThatExceptionOfType(TuneTheModelPropertiesException.class)
				.isThrownBy(() -> new TuneTheModelPropertiesCheck(this.environment, classLoader).check())
				.withMessageContaining("tunethemodel.client.eu.api-key");
		}
	}

	@Test
	void propertiesTheClientBindsNeedNoMetadata(@TempDir Path metadata) throws IOException {
		// metadata that knows none of them, which would tell them unknown if it were read
		Path file = metadata.resolve(TuneTheModelPropertiesCheck.METADATA);
		Files.createDirectories(file.getParent());
		Files.writeString(file, """
				{"properties": [{"name": "tunethemodel.other", "type": "java.lang.String"}]}""");
		this.environment.setProperty("tunethemodel.api-key", "key");
		this.environment.setProperty("tunethemodel.retry.max-retries", "2");
		this.environment.getPropertySources()
			.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
					Map.of("TUNETHEMODEL_POOL_MAX_CONNECTIONS", "10")));
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { metadata.toUri().toURL() }, null)) {
			TuneTheModelPropertiesCheck check = new TuneTheModelPropertiesCheck(this.environment, classLoader);
			assertThatNoException().isThrownBy(check::check);
			this.environment.setProperty("tunethemodel.url", "x");
			assertThatExceptionOfType(TuneTheModelPropertiesException.class).isThrownBy(check::check)
				.withMessageContaining("tunethemodel.url");
		}
	}

	@Test
	void withoutMetadataNoPropertyIsToldUnknown() throws IOException {
		this.environment.setProperty("tunethemodel.url", "x");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[0], null)) {
			assertThatNoException()
				.isThrownBy(() -> new TuneTheModelPropertiesCheck(this.environment, classLoader).check());
		}
	}

	@Test
	void nearestIgnoresNamesTooFarAway() {
		Set<ConfigurationPropertyName> known = Set.of(ConfigurationPropertyName.of("tunethemodel.api-key"),
				ConfigurationPropertyName.of("tunethemodel.timeout"));
		assertThat(TuneTheModelPropertyNames.nearest(ConfigurationPropertyName.of("tunethemodel.timeuot"), known))
			.hasToString("tunethemodel.timeout");
		assertThat(TuneTheModelPropertyNames.nearest(ConfigurationPropertyName.of("tunethemodel.colour"), known))
			.isNull();
	}

	@Test
	void startupWithMistypedPropertyPrintsTheAnalysis(CapturedOutput output) {
		failStartup("--tunethemodel.api-key=key", "--tunethemodel.url=http://127.0.0.1:1");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The property tunethemodel.url (from property source \"commandLineArgs\") is not a property "
					+ "of the Tune the Model client")
			.contains("Did you mean tunethemodel.base-url instead of tunethemodel.url?")
			.doesNotContain("Application run failed");
	}

	@Test
	void startupWithUnresolvedKeyPrintsTheAnalysisWithoutTheValue(CapturedOutput output) {
		failStartup("--tunethemodel.api-key=hunter2${MY_TTM_KEY}");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("is the placeholder ${MY_TTM_KEY}, which nothing resolves")
			.contains("or remove tunethemodel.api-key: the starter then reads TTM_API_KEY.")
			.doesNotContain("hunter2")
			.doesNotContain("Application run failed");
	}

	@Test
	void startupWithUnknownSslBundlePrintsTheAnalysis(CapturedOutput output) {
		failStartup("--tunethemodel.api-key=key", "--tunethemodel.ssl.bundle=corporate");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value 'corporate' for configuration property 'tunethemodel.ssl.bundle'")
			.contains("The application has no SSL bundles: configure one under spring.ssl.bundle.")
			.doesNotContain("Application run failed");
	}

	private static void failStartup(String... args) {
		SpringApplication application = new SpringApplication(MinimalApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatException().isThrownBy(() -> application.run(args));
	}

	private void check() {
		new TuneTheModelPropertiesCheck(this.environment, getClass().getClassLoader()).check();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(TuneTheModelAutoConfiguration.class)
	static class MinimalApplication {

	}

}
