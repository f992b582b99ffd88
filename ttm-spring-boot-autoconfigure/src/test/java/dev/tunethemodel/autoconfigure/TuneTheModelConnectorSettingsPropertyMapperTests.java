package dev.tunethemodel.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;

import dev.tunethemodel.connector.TuneTheModelConnectorSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of {@link TuneTheModelConnectorSettingsPropertyMapper}: every connector property
 * reaches the settings, and unset ones keep the settings' defaults.
 */
class TuneTheModelConnectorSettingsPropertyMapperTests {

	@Test
	void defaultPropertiesGiveTheDefaultSettings() {
		TuneTheModelConnectorSettings settings = new TuneTheModelConnectorSettingsPropertyMapper(null)
			.map(new TuneTheModelProperties(), "tunethemodel");
		assertThat(settings).isEqualTo(TuneTheModelConnectorSettings.defaults());
	}

	@Test
	void everyPropertyReachesTheSettings() {
		SslBundle corporate = SslBundle.of(SslStoreBundle.NONE);
		DefaultSslBundleRegistry sslBundles = new DefaultSslBundleRegistry("corporate", corporate);
		TuneTheModelProperties properties = new TuneTheModelProperties();
		properties.setConnectTimeout(Duration.ofSeconds(1));
		properties.setReadTimeout(Duration.ofSeconds(2));
		properties.getSsl().setBundle("corporate");
		properties.getPool().setMaxConnections(3);
		properties.getPool().setPendingAcquireTimeout(Duration.ofSeconds(4));
		properties.getPool().setMaxIdleTime(Duration.ofSeconds(5));
		properties.getPool().setMaxLifeTime(Duration.ofSeconds(6));
		properties.getPool().setEvictionInterval(Duration.ofSeconds(7));
		TuneTheModelConnectorSettings settings = new TuneTheModelConnectorSettingsPropertyMapper(sslBundles)
			.map(properties, "tunethemodel");
		assertThat(settings)
			.isEqualTo(new TuneTheModelConnectorSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), corporate, 3,
					Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(6), Duration.ofSeconds(7)));
		assertThat(settings.sslBundle()).isSameAs(corporate);
	}

	@Test
	void anUnknownSslBundleIsNamedWithTheClientsProperty() {
		TuneTheModelClientProperties properties = new TuneTheModelClientProperties();
		properties.getSsl().setBundle("missing");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> new TuneTheModelConnectorSettingsPropertyMapper(new DefaultSslBundleRegistry())
				.map(properties, "tunethemodel.clients.acme"))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("tunethemodel.clients.acme.ssl.bundle"));
	}

	@Test
	void blankSslBundleNameMeansTheJvmsTrustMaterial() {
		TuneTheModelProperties properties = new TuneTheModelProperties();
		properties.getSsl().setBundle(" ");
		assertThat(new TuneTheModelConnectorSettingsPropertyMapper(null).map(properties, "tunethemodel").sslBundle())
			.isNull();
	}

}
