package dev.tunethemodel.client;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

import dev.tunethemodel.client.observation.TuneTheModelObservationContext;

/**
 * The endpoints of the v0 API, each a method and a URI template, so that metrics are
 * tagged by template and never by id.
 */
enum Endpoint {

	LIST_MODELS(HttpMethod.GET, "/v0/models"),

	LIST_PUBLIC_MODELS(HttpMethod.GET, "/v0/public-models"),

	// a retry could create a second model
	CREATE_MODEL(HttpMethod.POST, "/v0/models", false),

	GET_MODEL(HttpMethod.GET, "/v0/models/{model}/status"),

	DELETE_MODEL(HttpMethod.DELETE, "/v0/models/{model}/delete"),

	BIND(HttpMethod.POST, "/v0/models/{model}/bind"),

	FIT(HttpMethod.POST, "/v0/models/{model}/fit"),

	CLASSIFY(HttpMethod.POST, "/v0/models/{model}/classify"),

	GENERATE(HttpMethod.POST, "/v0/models/{model}/generate"),

	// a retry could create a second file
	CREATE_FILE(HttpMethod.POST, "/v0/files", false),

	LIST_FILES(HttpMethod.GET, "/v0/files"),

	GET_FILE(HttpMethod.GET, "/v0/files/{file}/status"),

	DELETE_FILE(HttpMethod.DELETE, "/v0/files/{file}/delete");

	private final HttpMethod method;

	private final String uriTemplate;

	private final boolean safeToRetry;

	private final String description;

	private final String operation;

	Endpoint(HttpMethod method, String uriTemplate) {
		this(method, uriTemplate, true);
	}

	Endpoint(HttpMethod method, String uriTemplate, boolean safeToRetry) {
		this.method = method;
		this.uriTemplate = uriTemplate;
		this.safeToRetry = safeToRetry;
		this.description = method.name() + " " + uriTemplate;
		this.operation = name().toLowerCase(Locale.ROOT);
	}

	HttpMethod method() {
		return this.method;
	}

	String uriTemplate() {
		return this.uriTemplate;
	}

	/**
	 * Return the name of the operation, for observations, such as {@code get_model}.
	 * @return the name
	 */
	String operation() {
		return this.operation;
	}

	/**
	 * Return the context of an observation of a call of this endpoint.
	 * @param id the id in the URI, {@code null} for an endpoint without one
	 * @return a new context
	 */
	TuneTheModelObservationContext observationContext(@Nullable String id) {
		boolean file = this.uriTemplate.contains("{file}");
		return new TuneTheModelObservationContext(this.operation, file ? null : id, file ? id : null);
	}

	/**
	 * Return whether a request may be retried after it may have reached the API.
	 * @return whether the request is safe to retry
	 */
	boolean safeToRetry() {
		return this.safeToRetry;
	}

	/**
	 * Return the method and URI template, as in {@code GET /v0/models/{model}/status}.
	 */
	@Override
	public String toString() {
		return this.description;
	}

}
