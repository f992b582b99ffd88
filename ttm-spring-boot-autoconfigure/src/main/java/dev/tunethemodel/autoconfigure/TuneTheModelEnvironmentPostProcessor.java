package dev.tunethemodel.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the official SDK's environment variables, {@code TTM_API_KEY} and
 * {@code TTM_API_URL}, the fallbacks of {@code tunethemodel.api-key} and
 * {@code tunethemodel.base-url}: a property source of the lowest precedence refers to
 * them, so that any other setting wins.
 *
 * @since 0.1.0
 */
public class TuneTheModelEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * The name of the property source of the fallbacks.
	 */
	public static final String PROPERTY_SOURCE_NAME = "tunethemodelSdkEnvironment";

	static final String API_KEY_VARIABLE = "TTM_API_KEY";

	static final String API_URL_VARIABLE = "TTM_API_URL";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> fallbacks = new LinkedHashMap<>();
		// placeholders, not values: the key is not copied into another property source
		if (environment.containsProperty(API_KEY_VARIABLE)) {
			fallbacks.put("tunethemodel.api-key", "${" + API_KEY_VARIABLE + "}");
		}
		if (environment.containsProperty(API_URL_VARIABLE)) {
			fallbacks.put("tunethemodel.base-url", "${" + API_URL_VARIABLE + "}");
		}
		if (!fallbacks.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, fallbacks));
		}
	}

	/**
	 * The order of this post-processor: late, after the application's configuration is
	 * loaded, with room after it for those that need the result.
	 */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	@Override
	public int getOrder() {
		return ORDER;
	}

}
