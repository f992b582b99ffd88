package dev.tunethemodel.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.reactive.function.client.WebClient;

import dev.tunethemodel.client.RetrySettings;
import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.observation.TuneTheModelObservationConvention;
import dev.tunethemodel.client.observation.TuneTheModelTrainingObservationConvention;
import dev.tunethemodel.connector.TuneTheModelConnector;

/**
 * Builds the templates of the auto-configuration, the top-level one and the named ones,
 * from the application's {@link WebClient.Builder}, customizers and observation, each on
 * the connector and with the properties it is given.
 */
final class TuneTheModelTemplateFactory {

	private final ObjectProvider<WebClient.Builder> webClientBuilder;

	private final ObjectProvider<TuneTheModelWebClientCustomizer> customizers;

	private final ObjectProvider<ObservationRegistry> observationRegistry;

	private final ObjectProvider<TuneTheModelObservationConvention> observationConvention;

	private final ObjectProvider<TuneTheModelTrainingObservationConvention> trainingObservationConvention;

	TuneTheModelTemplateFactory(ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<TuneTheModelWebClientCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<TuneTheModelObservationConvention> observationConvention,
			ObjectProvider<TuneTheModelTrainingObservationConvention> trainingObservationConvention) {
		this.webClientBuilder = webClientBuilder;
		this.customizers = customizers;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.trainingObservationConvention = trainingObservationConvention;
	}

	/**
	 * Build a template.
	 * @param properties the client's properties
	 * @param baseUrl the base URL
	 * @param apiKey the API key
	 * @param connector the connector, {@code null} to keep that of the application's
	 * {@code WebClient.Builder}
	 * @return the template
	 */
	TuneTheModelTemplate build(TuneTheModelClientProperties properties, String baseUrl, String apiKey,
			@Nullable TuneTheModelConnector connector) {
		TuneTheModelClientProperties.Retry retry = properties.getRetry();
		TuneTheModelTemplate.Builder template = TuneTheModelTemplate.builder()
			// on the first call: Boot's builder brings the application's connector
			.webClientBuilder(() -> {
				WebClient.Builder builder = this.webClientBuilder.getIfAvailable(WebClient::builder).clone();
				if (connector != null) {
					builder.clientConnector(connector.getClientHttpConnector());
				}
				this.customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
				return builder;
			})
			.baseUrl(baseUrl)
			.apiKey(apiKey)
			.allowInsecureHttp(properties.isAllowInsecureHttp())
			.timeout(properties.getTimeout())
			.pollInterval(properties.getPollInterval())
			.datasetPollInterval(properties.getDatasetPollInterval())
			.datasetProcessingTimeout(properties.getDatasetProcessingTimeout())
			.maxListEntries(properties.getMaxListEntries())
			// waiting for a connection would look like the API slowing down
			.bulkMaxConcurrency(
					Math.min(properties.getBulk().getMaxConcurrency(), properties.getPool().getMaxConnections()))
			.bulkMaxBufferedResults(properties.getBulk().getMaxBufferedResults())
			.retrySettings(new RetrySettings(retry.getMaxRetries(), retry.getInitialBackoff(), retry.getMaxBackoff(),
					retry.getMaxRetryAfter()))
			.observationRegistry(this.observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		this.observationConvention.ifUnique(template::observationConvention);
		this.trainingObservationConvention.ifUnique(template::trainingObservationConvention);
		return template.build();
	}

}
