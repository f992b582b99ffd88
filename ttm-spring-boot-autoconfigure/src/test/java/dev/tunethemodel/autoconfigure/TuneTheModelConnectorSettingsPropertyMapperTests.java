package dev.tunethemodel.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;

import dev.tunethemodel.connector.TuneTheModelConnectorSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests of {@link TuneTheModelConnectorSettingsPropertyMapper}: every connector property
 * reaches the settings, and unset ones are the application's HTTP client settings, else
 * the settings' defaults.
 */
class TuneTheModelConnectorSettingsPropertyMapperTests {

	private static final SslBundle CORPORATE = SslBundle.of(SslStoreBundle.NONE);

	private static final SslBundle PLATFORM = SslBundle.of(SslStoreBundle.NONE);

	private static final HttpClientSettings APPLICATION_SETTINGS = HttpClientSettings.defaults()
		.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
		.withSslBundle(PLATFORM)
		.withRedirects(HttpRedirects.FOLLOW);

	@Test
	void defaultPropertiesGiveTheDefaultSettings() {
		TuneTheModelConnectorSettings settings = new TuneTheModelConnectorSettingsPropertyMapper(null, null)
			.map(new TuneTheModelProperties(), "tunethemodel");
		assertThat(settings).isEqualTo(TuneTheModelConnectorSettings.defaults());
	}

	@Test
	void defaultPropertiesAndHttpClientSettingsGiveTheDefaultSettings() {
		TuneTheModelConnectorSettings settings = new TuneTheModelConnectorSettingsPropertyMapper(null,
				HttpClientSettings.defaults())
			.map(new TuneTheModelProperties(), "tunethemodel");
		assertThat(settings).isEqualTo(TuneTheModelConnectorSettings.defaults());
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void everyPropertyReachesTheSettings() {
		TuneTheModelProperties properties = new TuneTheModelProperties();
		properties.setConnectTimeout(Duration.ofSeconds(1));
		properties.setReadTimeout(Duration.ofSeconds(2));
		properties.getSsl().setBundle("corporate");
		properties.getPool().setMaxConnections(3);
		properties.getPool().setPendingAcquireTimeout(Duration.ofSeconds(4));
		properties.getPool().setMaxIdleTime(Duration.ofSeconds(5));
		properties.getPool().setMaxLifeTime(Duration.ofSeconds(6));
		properties.getPool().setEvictionInterval(Duration.ofSeconds(7));
		TuneTheModelConnectorSettings settings = new TuneTheModelConnectorSettingsPropertyMapper(
				new DefaultSslBundleRegistry("corporate", CORPORATE), null)
			.map(properties, "tunethemodel");
		assertThat(settings)
			.isEqualTo(new TuneTheModelConnectorSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), CORPORATE, 3,
					Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(6), Duration.ofSeconds(7)));
		assertThat(settings.sslBundle()).isSameAs(CORPORATE);
	}

	@Test
	void unsetTimeoutsAndSslBundleAreTheApplicationsHttpClientSettings() {
		TuneTheModelConnectorSettings settings = new TuneTheModelConnectorSettingsPropertyMapper(null,
				APPLICATION_SETTINGS)
			.map(new TuneTheModelProperties(), "tunethemodel");
		assertThat(settings).isEqualTo(TuneTheModelConnectorSettings.defaults()
			.withConnectTimeout(Duration.ofSeconds(2))
			.withReadTimeout(Duration.ofSeconds(3))
			.withSslBundle(PLATFORM));
	}

	@Test
	void timeoutsAndSslBundleOfThePropertiesWinOverTheApplicationsHttpClientSettings() {
		TuneTheModelProperties properties = new TuneTheModelProperties();
		properties.setConnectTimeout(Duration.ofSeconds(4));
		properties.setReadTimeout(Duration.ofSeconds(5));
		properties.getSsl().setBundle("corporate");
		TuneTheModelConnectorSettings settings = new TuneTheModelConnectorSettingsPropertyMapper(
				new DefaultSslBundleRegistry("corporate", CORPORATE), APPLICATION_SETTINGS)
			.map(properties, "tunethemodel");
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
		assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.sslBundle()).isSameAs(CORPORATE);
	}

	@Test
	void oneTimeoutOfThePropertiesLeavesTheOtherToTheApplicationsHttpClientSettings() {
		TuneTheModelProperties properties = new TuneTheModelProperties();
		properties.setReadTimeout(Duration.ofSeconds(5));
		TuneTheModelConnectorSettings settings = new TuneTheModelConnectorSettingsPropertyMapper(null,
				HttpClientSettings.defaults().withConnectTimeout(Duration.ofSeconds(2)))
			.map(properties, "tunethemodel");
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void blankSslBundleNameMeansTheApplicationsOrTheJvmsTrustMaterial() {
		TuneTheModelProperties properties = new TuneTheModelProperties();
		properties.getSsl().setBundle(" ");
		assertThat(
				new TuneTheModelConnectorSettingsPropertyMapper(null, null).map(properties, "tunethemodel").sslBundle())
			.isNull();
		assertThat(new TuneTheModelConnectorSettingsPropertyMapper(null, APPLICATION_SETTINGS)
			.map(properties, "tunethemodel")
			.sslBundle()).isSameAs(PLATFORM);
	}

	@Test
	void anUnknownSslBundleIsNamedWithTheClientsProperty() {
		TuneTheModelClientProperties properties = new TuneTheModelClientProperties();
		properties.getSsl().setBundle("missing");
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> new TuneTheModelConnectorSettingsPropertyMapper(new DefaultSslBundleRegistry(), null)
				.map(properties, "tunethemodel.clients.acme"))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("tunethemodel.clients.acme.ssl.bundle"));
	}

}
