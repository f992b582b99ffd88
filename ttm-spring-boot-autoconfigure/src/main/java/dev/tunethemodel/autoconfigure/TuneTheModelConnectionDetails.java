package dev.tunethemodel.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

import dev.tunethemodel.client.TuneTheModelTemplate;

/**
 * Details to connect to the Tune the Model API. The auto-configuration builds the client
 * from the bean of this type: by default one backed by {@code tunethemodel.base-url} and
 * {@code tunethemodel.api-key}; an application's own bean, such as one that reads the key
 * from a vault, wins over them, and no {@code tunethemodel.api-key} is then needed. The
 * client checks the values at startup as it checks the properties.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TuneTheModelConnectionDetails extends ConnectionDetails {

	/**
	 * Return the base URL of the API, an absolute http(s) URL.
	 * @return the base URL, {@value TuneTheModelTemplate#DEFAULT_BASE_URL} by default
	 */
	default String getBaseUrl() {
		return TuneTheModelTemplate.DEFAULT_BASE_URL;
	}

	/**
	 * Return the API key, sent in the {@code Authorization} header of every request to
	 * the base URL.
	 * @return the API key
	 */
	String getApiKey();

}
