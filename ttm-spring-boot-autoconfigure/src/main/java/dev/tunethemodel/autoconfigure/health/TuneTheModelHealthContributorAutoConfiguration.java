package dev.tunethemodel.autoconfigure.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.tunethemodel.autoconfigure.TuneTheModelAutoConfiguration;
import dev.tunethemodel.autoconfigure.TuneTheModelClients;
import dev.tunethemodel.autoconfigure.TuneTheModelConnectionDetails;
import dev.tunethemodel.autoconfigure.TuneTheModelProperties;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.health.TuneTheModelHealthIndicator;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for
 * {@link TuneTheModelHealthIndicator}, the health component {@code tunethemodel}: the
 * top-level client's, or with named clients, one component per client, the top-level one
 * named {@value TuneTheModelClients#DEFAULT_CLIENT}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = TuneTheModelAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ TuneTheModelOperations.class, TuneTheModelConnectionDetails.class, TuneTheModelProperties.class })
@ConditionalOnEnabledHealthIndicator("tunethemodel")
public final class TuneTheModelHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "tunethemodelHealthIndicator")
	ReactiveHealthContributor tunethemodelHealthIndicator(TuneTheModelOperations operations,
			TuneTheModelConnectionDetails connectionDetails, TuneTheModelProperties properties,
			ObjectProvider<TuneTheModelClients> namedClients) {
		Duration timeout = properties.getHealth().getTimeout();
		Duration cacheTtl = properties.getHealth().getCacheTtl();
		TuneTheModelHealthIndicator defaultClient = new TuneTheModelHealthIndicator(operations,
				connectionDetails.getBaseUrl(), timeout, cacheTtl);
		TuneTheModelClients clients = namedClients.getIfAvailable();
		if (clients == null) {
			return defaultClient;
		}
		Map<String, ReactiveHealthContributor> contributors = new LinkedHashMap<>();
		contributors.put(TuneTheModelClients.DEFAULT_CLIENT, defaultClient);
		for (String name : clients.getNames()) {
			contributors.put(name, new TuneTheModelHealthIndicator(clients.getOperations(name),
					clients.getBaseUrl(name), timeout, cacheTtl));
		}
		return CompositeReactiveHealthContributor.fromMap(contributors);
	}

}
