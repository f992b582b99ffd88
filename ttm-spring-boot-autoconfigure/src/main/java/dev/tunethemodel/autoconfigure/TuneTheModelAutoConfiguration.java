package dev.tunethemodel.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelTemplate;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the Tune the Model client: a
 * {@link TuneTheModelTemplate} built from the application's {@link WebClient.Builder}, so that
 * its connector, codecs, customizers and observation apply.
 */
@AutoConfiguration(after = WebClientAutoConfiguration.class)
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(TuneTheModelProperties.class)
public final class TuneTheModelAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(TuneTheModelOperations.class)
	TuneTheModelTemplate tuneTheModelTemplate(TuneTheModelProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder) {
		TuneTheModelTemplate.Builder builder = TuneTheModelTemplate.builder()
			.webClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder))
			.baseUrl(properties.getBaseUrl());
		if (properties.getApiKey() != null) {
			builder.apiKey(properties.getApiKey());
		}
		return builder.build();
	}

}
