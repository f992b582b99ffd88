package dev.tunethemodel.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Tune the Model client.
 */
@ConfigurationProperties("tunethemodel")
public class TuneTheModelProperties {

	/**
	 * API key of the Tune the Model account, sent in the Authorization header.
	 */
	private @Nullable String apiKey;

	/**
	 * Base URL of the Tune the Model API.
	 */
	private String baseUrl = "https://api.tunethemodel.com";

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

}
