package dev.tunethemodel.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link TuneTheModelSanitizingFunction} keeps the API key out of
 * {@code /actuator/configprops} and {@code /actuator/env}, even with
 * {@code show-values=always}.
 */
class TuneTheModelSanitizingFunctionTests {

	private static final String API_KEY = "ttm-sanitize-key-90ac";

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class, TuneTheModelAutoConfiguration.class))
		.withPropertyValues("management.endpoint.configprops.show-values=always",
				"management.endpoint.env.show-values=always",
				"management.endpoints.web.exposure.include=configprops,env")
		.withInitializer((context) -> {
			// the key as users configure it: a variable the property refers to
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("application",
						Map.of("tunethemodel.api-key", "${MY_TTM_SECRET}", "tunethemodel.base-url",
								"https://api.tunethemodel.com", "notes.callback",
								"https://hooks.example.com/ttm?token=" + API_KEY)));
			context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource(
						"test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of("MY_TTM_SECRET", API_KEY, "TTM_API_KEY", API_KEY, "TUNETHEMODEL_APIKEY", API_KEY)));
		});

	@Test
	void keyIsMaskedUnderEveryNameAndValueEvenWithShowValuesAlways() {
		this.contextRunner.run((context) -> {
			String configprops = configprops(context);
			String env = env(context);
			assertThat(configprops).contains("\"apiKey\":\"******\"")
				.contains("\"baseUrl\":\"https://api.tunethemodel.com\"")
				.doesNotContain(API_KEY);
			assertThat(env).contains("MY_TTM_SECRET", "TTM_API_KEY", "TUNETHEMODEL_APIKEY", "notes.callback")
				.contains("https://api.tunethemodel.com")
				.doesNotContain(API_KEY);
			assertThat(jsonMapper.writeValueAsString(
					context.getBean(EnvironmentEndpoint.class).environmentEntry("tunethemodel.api-key")))
				.doesNotContain(API_KEY);
		});
	}

	@Test
	void withoutTheFunctionTheKeyWouldShow() {
		this.contextRunner.withUserConfiguration(PassThroughConfiguration.class).run((context) -> {
			assertThat(configprops(context)).contains(API_KEY);
			assertThat(env(context)).contains(API_KEY);
		});
	}

	@Test
	void otherValuesAreLeftAlone() {
		TuneTheModelSanitizingFunction function = new TuneTheModelSanitizingFunction(() -> API_KEY);
		SanitizableData data = new SanitizableData(null, "tunethemodel.read-timeout", "30s");
		assertThat(function.apply(data).getValue()).isEqualTo("30s");
		assertThat(function.apply(new SanitizableData(null, "tunethemodel.api-key", null)).getValue()).isNull();
		assertThat(function.apply(new SanitizableData(null, "tunethemodel.apiKey", "x")).getValue())
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	private static String configprops(AssertableApplicationContext context) {
		return jsonMapper.writeValueAsString(context.getBean(ConfigurationPropertiesReportEndpoint.class)
			.configurationPropertiesWithPrefix("tunethemodel"));
	}

	private static String env(AssertableApplicationContext context) {
		return jsonMapper.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
	}

	@Configuration(proxyBeanMethods = false)
	static class PassThroughConfiguration {

		@Bean
		TuneTheModelSanitizingFunction passThroughSanitizingFunction() {
			return new TuneTheModelSanitizingFunction(() -> null) {

				@Override
				public SanitizableData apply(SanitizableData data) {
					return data;
				}

			};
		}

	}

}
