package dev.tunethemodel.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.BlockingTuneTheModelTemplate;
import dev.tunethemodel.client.RetrySettings;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelTemplate;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the Tune the Model client: a
 * {@link TuneTheModelTemplate} connected as the {@link TuneTheModelConnectionDetails}
 * say, built from the application's {@link WebClient.Builder}, so that its codecs,
 * customizers and observation apply, on a connector with a pool and timeouts of its own;
 * and a {@link BlockingTuneTheModelTemplate} that waits for it, for servlet applications.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = WebClientAutoConfiguration.class)
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(TuneTheModelProperties.class)
public final class TuneTheModelAutoConfiguration {

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
			ObjectProvider<TuneTheModelWebClientCustomizer> customizers) {
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
			.retrySettings(new RetrySettings(retry.getMaxRetries(), retry.getInitialBackoff(), retry.getMaxBackoff(),
					retry.getMaxRetryAfter()));
		return template.build();
	}

	@Bean
	@ConditionalOnMissingBean(BlockingTuneTheModelOperations.class)
	BlockingTuneTheModelTemplate blockingTuneTheModelTemplate(TuneTheModelOperations operations) {
		return new BlockingTuneTheModelTemplate(operations);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HttpClient.class)
	static class ReactorNettyConnectorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TuneTheModelConnector tuneTheModelConnector(TuneTheModelProperties properties) {
			return new TuneTheModelConnector(properties);
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
