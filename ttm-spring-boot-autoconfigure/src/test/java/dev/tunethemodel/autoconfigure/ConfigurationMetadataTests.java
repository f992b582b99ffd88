package dev.tunethemodel.autoconfigure;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the configuration metadata generated for the IDE.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescription() throws Exception {
		JsonNode metadata = readMetadata();
		List<String> names = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			names.add(name);
			assertThat(property.path("description").asString()).as("description of %s", name).isNotBlank();
		}
		assertThat(names).contains("tunethemodel.api-key", "tunethemodel.base-url", "tunethemodel.allow-insecure-http",
				"tunethemodel.connect-timeout", "tunethemodel.read-timeout", "tunethemodel.timeout",
				"tunethemodel.poll-interval", "tunethemodel.dataset-poll-interval",
				"tunethemodel.dataset-processing-timeout", "tunethemodel.max-list-entries",
				"tunethemodel.retry.max-retries", "tunethemodel.retry.initial-backoff",
				"tunethemodel.retry.max-backoff", "tunethemodel.retry.max-retry-after",
				"tunethemodel.pool.max-connections", "tunethemodel.pool.pending-acquire-timeout",
				"tunethemodel.pool.max-idle-time", "tunethemodel.pool.max-life-time",
				"tunethemodel.pool.eviction-interval", "tunethemodel.health.timeout", "tunethemodel.health.cache-ttl",
				"tunethemodel.ssl.bundle", "tunethemodel.bulk.max-concurrency",
				"tunethemodel.bulk.max-buffered-results", "tunethemodel.clients",
				"management.health.tunethemodel.enabled", "tunethemodel.chat.model-id",
				"tunethemodel.chat.options.temperature", "tunethemodel.chat.options.top-k",
				"tunethemodel.chat.options.top-p", "tunethemodel.chat.options.max-tokens",
				"tunethemodel.chat.options.num-hypos", "tunethemodel.chat.options.min-tokens",
				"tunethemodel.chat.options.seed", "tunethemodel.chat.options.prefix-tokens-only",
				"tunethemodel.chat.options.span-delimiters");
	}

	@Test
	void durationsHaveTheirDefaults() throws Exception {
		JsonNode metadata = readMetadata();
		assertThat(defaultValue(metadata, "tunethemodel.base-url")).isEqualTo("https://api.tunethemodel.com");
		assertThat(defaultValue(metadata, "tunethemodel.health.cache-ttl")).isEqualTo("10s");
		assertThat(defaultValue(metadata, "tunethemodel.max-list-entries")).isEqualTo("100000");
		assertThat(defaultValue(metadata, "tunethemodel.bulk.max-concurrency")).isEqualTo("32");
		assertThat(defaultValue(metadata, "tunethemodel.bulk.max-buffered-results")).isEqualTo("16384");
		assertThat(defaultValue(metadata, "management.health.tunethemodel.enabled")).isEqualTo("true");
	}

	@Test
	void timeoutsSayTheyFallBackToTheApplicationsHttpClientSettings() throws Exception {
		JsonNode metadata = readMetadata();
		assertThat(property(metadata, "tunethemodel.connect-timeout").has("defaultValue")).isFalse();
		assertThat(description(metadata, "tunethemodel.connect-timeout"))
			.endsWith("Defaults to spring.http.clients.connect-timeout, else 10s.");
		assertThat(property(metadata, "tunethemodel.read-timeout").has("defaultValue")).isFalse();
		assertThat(description(metadata, "tunethemodel.read-timeout"))
			.endsWith("Defaults to spring.http.clients.read-timeout, else 30s.");
		assertThat(description(metadata, "tunethemodel.ssl.bundle"))
			.endsWith("Defaults to spring.http.clients.ssl.bundle.");
	}

	private static String description(JsonNode metadata, String name) {
		return property(metadata, name).path("description").asString();
	}

	@Test
	void namedClientsAreAMapOfTheClientProperties() throws Exception {
		JsonNode metadata = readMetadata();
		assertThat(property(metadata, "tunethemodel.clients").path("type").asString())
			.isEqualTo("java.util.Map<java.lang.String," + TuneTheModelClientProperties.class.getName() + ">");
	}

	private static String defaultValue(JsonNode metadata, String name) {
		return property(metadata, name).path("defaultValue").asString();
	}

	private static JsonNode property(JsonNode metadata, String name) {
		for (JsonNode property : metadata.get("properties")) {
			if (property.get("name").asString().equals(name)) {
				return property;
			}
		}
		throw new AssertionError("No property " + name);
	}

	// the metadata of this module, not of the Spring Boot jars that have one too
	private static JsonNode readMetadata() throws Exception {
		URL classes = TuneTheModelProperties.class.getProtectionDomain().getCodeSource().getLocation();
		URL metadata = new URL(classes, "META-INF/spring-configuration-metadata.json");
		try (InputStream in = metadata.openStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
