package dev.tunethemodel.client;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The endpoints of one template, prepared once: the URI of each call is its prefix, the
 * id and its suffix, with no template to parse, and the template is set on the request
 * for the {@code http.client.requests} metrics, as {@code WebClient} sets it for a URI
 * template.
 */
final class Routes {

	// the attribute DefaultWebClient reads a request's URI template from
	static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private final Map<Endpoint, Route> routes = new EnumMap<>(Endpoint.class);

	Routes(String baseUrl) {
		for (Endpoint endpoint : Endpoint.values()) {
			String template = baseUrl + endpoint.uriTemplate();
			int open = template.indexOf('{');
			Route route = (open < 0) ? new Route(template, template, "", URI.create(template)) : new Route(template,
					template.substring(0, open), template.substring(template.indexOf('}') + 1), null);
			this.routes.put(endpoint, route);
		}
	}

	@SuppressWarnings("NullAway") // the constructor puts a route for every endpoint
	Route get(Endpoint endpoint) {
		return this.routes.get(endpoint);
	}

	/**
	 * One endpoint of the template.
	 *
	 * @param uriTemplate the full URI template, for metrics
	 * @param prefix what comes before the id
	 * @param suffix what comes after the id
	 * @param fixedUri the URI of an endpoint without an id
	 */
	record Route(String uriTemplate, String prefix, String suffix, @Nullable URI fixedUri) {

		/**
		 * Return the URI of a call.
		 * @param id the id, checked to hold only letters, digits, '_' and '-', so that it
		 * needs no encoding; {@code null} for an endpoint without one
		 * @return the URI
		 */
		URI uri(@Nullable String id) {
			return (this.fixedUri != null) ? this.fixedUri : URI.create(this.prefix + id + this.suffix);
		}

	}

}
