package dev.tunethemodel.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;

import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.BlockingTuneTheModelTemplate;
import dev.tunethemodel.client.RetrySettings;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.observation.TuneTheModelObservationConvention;
import dev.tunethemodel.client.observation.TuneTheModelTrainingObservationConvention;
import dev.tunethemodel.client.observation.UploadMeterObservationHandler;
import dev.tunethemodel.connector.TuneTheModelConnector;
import dev.tunethemodel.connector.TuneTheModelConnectorSettings;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the Tune the Model client: a
 * {@link TuneTheModelTemplate} connected as the {@link TuneTheModelConnectionDetails}
 * say, built from the application's {@link WebClient.Builder}, so that its codecs,
 * customizers and observation apply, on a connector of its own: on the HTTP client of the
 * application's {@link ClientHttpConnectorBuilder}
 * ({@code spring.http.clients.reactive.connector} or what Spring Boot detects), else
 * Reactor Netty with a pool when the application has it, otherwise the JDK's
 * {@code HttpClient}, on virtual threads when the application runs on them, with the
 * configured timeouts and SSL bundle, else those of {@code spring.http.clients.*},
 * observing its operations and trainings in the application's
 * {@link ObservationRegistry}; a {@link BlockingTuneTheModelTemplate} that waits for it,
 * for servlet applications; and the upload meters when the application has a
 * {@link MeterRegistry}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = WebClientAutoConfiguration.class,
		afterName = { "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
				"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(TuneTheModelProperties.class)
public final class TuneTheModelAutoConfiguration {

	@Bean
	static TuneTheModelPropertiesCheck tuneTheModelPropertiesCheck(Environment environment,
			ResourceLoader resourceLoader) {
		return new TuneTheModelPropertiesCheck(environment, resourceLoader.getClassLoader());
	}

	@Bean
	@ConditionalOnMissingBean(TuneTheModelConnectionDetails.class)
	PropertiesTuneTheModelConnectionDetails tuneTheModelConnectionDetails(TuneTheModelProperties properties) {
		return new PropertiesTuneTheModelConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean(TuneTheModelOperations.class)
	TuneTheModelTemplate tuneTheModelTemplate(TuneTheModelProperties properties,
			TuneTheModelConnectionDetails connectionDetails, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<TuneTheModelConnector> connector,
			ObjectProvider<TuneTheModelWebClientCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<TuneTheModelObservationConvention> observationConvention,
			ObjectProvider<TuneTheModelTrainingObservationConvention> trainingObservationConvention,
			Environment environment) {
		TuneTheModelProperties.Retry retry = properties.getRetry();
		TuneTheModelTemplate.Builder template = TuneTheModelTemplate.builder()
			// on the first call: Boot's builder brings the application's connector
			.webClientBuilder(() -> {
				WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder).clone();
				connector.ifAvailable((available) -> builder.clientConnector(available.getClientHttpConnector()));
				customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
				return builder;
			})
			.baseUrl(connectionDetails.getBaseUrl())
			.apiKey(connectionDetails.getApiKey())
			.allowInsecureHttp(properties.isAllowInsecureHttp())
			.timeout(properties.getTimeout())
			.pollInterval(properties.getPollInterval())
			.datasetPollInterval(properties.getDatasetPollInterval())
			.datasetProcessingTimeout(properties.getDatasetProcessingTimeout())
			.maxListEntries(properties.getMaxListEntries())
			// waiting for a connection would look like the API slowing down
			.bulkMaxConcurrency(
					Math.min(properties.getBulk().getMaxConcurrency(), properties.getPool().getMaxConnections()))
			.retrySettings(new RetrySettings(retry.getMaxRetries(), retry.getInitialBackoff(), retry.getMaxBackoff(),
					retry.getMaxRetryAfter()))
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		observationConvention.ifUnique(template::observationConvention);
		trainingObservationConvention.ifUnique(template::trainingObservationConvention);
		TuneTheModelTemplate built = template.build();
		new TuneTheModelConnectionInfoLogger(environment).logConnection(connectionDetails, connector.getIfAvailable(),
				properties.getPool().getMaxConnections());
		return built;
	}

	@Bean
	@ConditionalOnMissingBean(BlockingTuneTheModelOperations.class)
	BlockingTuneTheModelTemplate blockingTuneTheModelTemplate(TuneTheModelOperations operations) {
		return new BlockingTuneTheModelTemplate(operations);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClientHttpConnectorBuilder.class)
	static class ConnectorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TuneTheModelConnector tuneTheModelConnector(TuneTheModelProperties properties,
				ObjectProvider<SslBundles> sslBundles, ObjectProvider<HttpClientSettings> httpClientSettings,
				ObjectProvider<ClientHttpConnectorBuilder<?>> clientHttpConnectorBuilder, ResourceLoader resourceLoader,
				Environment environment) {
			TuneTheModelConnectorSettings settings = new TuneTheModelConnectorSettingsPropertyMapper(
					sslBundles.getIfAvailable(), httpClientSettings.getIfAvailable())
				.map(properties);
			Threading threading = Threading.VIRTUAL.isActive(environment) ? Threading.VIRTUAL : Threading.PLATFORM;
			ClientHttpConnectorBuilder<?> builder = clientHttpConnectorBuilder.getIfAvailable();
			return (builder != null) ? new TuneTheModelConnector(settings, builder, threading)
					: new TuneTheModelConnector(settings, resourceLoader.getClassLoader(), threading);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean({ MeterRegistry.class, ObservationRegistry.class })
	static class UploadMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UploadMeterObservationHandler tuneTheModelUploadMeterObservationHandler(MeterRegistry meterRegistry) {
			return new UploadMeterObservationHandler(meterRegistry);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class SanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TuneTheModelSanitizingFunction tuneTheModelSanitizingFunction(TuneTheModelConnectionDetails connectionDetails) {
			return new TuneTheModelSanitizingFunction(connectionDetails::getApiKey);
		}

	}

}
