package dev.tunethemodel.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Tune the Model client, {@code tunethemodel.*}: those of
 * the top-level client, its health check, and the named clients.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("tunethemodel")
public class TuneTheModelProperties extends TuneTheModelClientProperties {

	/**
	 * Named clients, each with the properties of the top-level client, which it inherits
	 * where it sets none, and injectable with @Qualifier("name").
	 */
	private final Map<String, TuneTheModelClientProperties> clients = new LinkedHashMap<>();

	private final Health health = new Health();

	/**
	 * Return the named clients as set: what they leave unset keeps its default here, and
	 * is inherited from the top-level client only by the clients themselves.
	 * @return the named clients by name
	 */
	public Map<String, TuneTheModelClientProperties> getClients() {
		return this.clients;
	}

	public Health getHealth() {
		return this.health;
	}

	public static class Health {

		/**
		 * Longest time a health probe may take before the API is reported down.
		 */
		private Duration timeout = Duration.ofSeconds(3);

		/**
		 * How long the result of a health probe is reused, so that frequent probes do not
		 * each call the API.
		 */
		private Duration cacheTtl = Duration.ofSeconds(10);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

	}

}
