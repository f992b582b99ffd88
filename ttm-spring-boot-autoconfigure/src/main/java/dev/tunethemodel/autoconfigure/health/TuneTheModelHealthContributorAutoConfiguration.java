package dev.tunethemodel.autoconfigure.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.tunethemodel.autoconfigure.TuneTheModelAutoConfiguration;
import dev.tunethemodel.autoconfigure.TuneTheModelConnectionDetails;
import dev.tunethemodel.autoconfigure.TuneTheModelProperties;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.health.TuneTheModelHealthIndicator;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for
 * {@link TuneTheModelHealthIndicator}, the health component {@code tunethemodel}.
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
	TuneTheModelHealthIndicator tunethemodelHealthIndicator(TuneTheModelOperations operations,
			TuneTheModelConnectionDetails connectionDetails, TuneTheModelProperties properties) {
		return new TuneTheModelHealthIndicator(operations, connectionDetails.getBaseUrl(),
				properties.getHealth().getTimeout(), properties.getHealth().getCacheTtl());
	}

}
