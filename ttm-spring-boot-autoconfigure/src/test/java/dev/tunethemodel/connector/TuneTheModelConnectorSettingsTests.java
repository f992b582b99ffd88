package dev.tunethemodel.connector;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link TuneTheModelConnectorSettings}: its defaults, its copies, the values it
 * refuses, and the settings it gives Spring Boot's HTTP client builders.
 */
class TuneTheModelConnectorSettingsTests {

	private static final Duration MINUS_ONE_SECOND = Duration.ofSeconds(-1);

	private static final SslBundle SSL_BUNDLE = SslBundle.of(SslStoreBundle.NONE);

	private static final TuneTheModelConnectorSettings DEFAULTS = TuneTheModelConnectorSettings.defaults();

	@Test
	void defaultsAreThoseOfTheProperties() {
		assertThat(DEFAULTS.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(DEFAULTS.readTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(DEFAULTS.sslBundle()).isNull();
		assertThat(DEFAULTS.maxConnections()).isEqualTo(50);
		assertThat(DEFAULTS.pendingAcquireTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(DEFAULTS.maxIdleTime()).isEqualTo(Duration.ofSeconds(20));
		assertThat(DEFAULTS.maxLifeTime()).isEqualTo(Duration.ofMinutes(5));
		assertThat(DEFAULTS.evictionInterval()).isEqualTo(Duration.ofSeconds(10));
	}

	@ParameterizedTest
	@MethodSource("copies")
	void copyChangesItsOneSettingAndLeavesTheOriginalAsItWas(UnaryOperator<TuneTheModelConnectorSettings> copy,
			TuneTheModelConnectorSettings expected) {
		TuneTheModelConnectorSettings original = TuneTheModelConnectorSettings.defaults();
		assertThat(copy.apply(original)).isEqualTo(expected).isNotEqualTo(original);
		assertThat(original).isEqualTo(settings(Duration.ofSeconds(10), Duration.ofSeconds(30), null, 50,
				Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofMinutes(5), Duration.ofSeconds(10)));
	}

	static Stream<Arguments> copies() {
		Duration one = Duration.ofSeconds(1);
		return Stream.of(
				Arguments.argumentSet("connect timeout", copy((settings) -> settings.withConnectTimeout(one)),
						settings(one, Duration.ofSeconds(30), null, 50, Duration.ofSeconds(10), Duration.ofSeconds(20),
								Duration.ofMinutes(5), Duration.ofSeconds(10))),
				Arguments.argumentSet("no connect timeout", copy((settings) -> settings.withConnectTimeout(null)),
						settings(null, Duration.ofSeconds(30), null, 50, Duration.ofSeconds(10), Duration.ofSeconds(20),
								Duration.ofMinutes(5), Duration.ofSeconds(10))),
				Arguments.argumentSet("read timeout", copy((settings) -> settings.withReadTimeout(one)),
						settings(Duration.ofSeconds(10), one, null, 50, Duration.ofSeconds(10), Duration.ofSeconds(20),
								Duration.ofMinutes(5), Duration.ofSeconds(10))),
				Arguments.argumentSet("no read timeout", copy((settings) -> settings.withReadTimeout(null)),
						settings(Duration.ofSeconds(10), null, null, 50, Duration.ofSeconds(10), Duration.ofSeconds(20),
								Duration.ofMinutes(5), Duration.ofSeconds(10))),
				Arguments.argumentSet("SSL bundle", copy((settings) -> settings.withSslBundle(SSL_BUNDLE)),
						settings(Duration.ofSeconds(10), Duration.ofSeconds(30), SSL_BUNDLE, 50, Duration.ofSeconds(10),
								Duration.ofSeconds(20), Duration.ofMinutes(5), Duration.ofSeconds(10))),
				Arguments.argumentSet("max connections", copy((settings) -> settings.withMaxConnections(1)),
						settings(Duration.ofSeconds(10), Duration.ofSeconds(30), null, 1, Duration.ofSeconds(10),
								Duration.ofSeconds(20), Duration.ofMinutes(5), Duration.ofSeconds(10))),
				Arguments.argumentSet("pending acquire timeout",
						copy((settings) -> settings.withPendingAcquireTimeout(one)),
						settings(Duration.ofSeconds(10), Duration.ofSeconds(30), null, 50, one, Duration.ofSeconds(20),
								Duration.ofMinutes(5), Duration.ofSeconds(10))),
				Arguments.argumentSet("max idle time", copy((settings) -> settings.withMaxIdleTime(one)),
						settings(Duration.ofSeconds(10), Duration.ofSeconds(30), null, 50, Duration.ofSeconds(10), one,
								Duration.ofMinutes(5), Duration.ofSeconds(10))),
				Arguments.argumentSet("max life time", copy((settings) -> settings.withMaxLifeTime(one)),
						settings(Duration.ofSeconds(10), Duration.ofSeconds(30), null, 50, Duration.ofSeconds(10),
								Duration.ofSeconds(20), one, Duration.ofSeconds(10))),
				Arguments.argumentSet("no eviction in the background",
						copy((settings) -> settings.withEvictionInterval(Duration.ZERO)),
						settings(Duration.ofSeconds(10), Duration.ofSeconds(30), null, 50, Duration.ofSeconds(10),
								Duration.ofSeconds(20), Duration.ofMinutes(5), Duration.ZERO)));
	}

	@Test
	void settingsWithTheSameValuesAreEqualWithTheSameHashCode() {
		TuneTheModelConnectorSettings settings = DEFAULTS.withMaxConnections(3).withSslBundle(SSL_BUNDLE);
		TuneTheModelConnectorSettings same = DEFAULTS.withSslBundle(SSL_BUNDLE).withMaxConnections(3);
		assertThat(settings).isNotSameAs(same).isEqualTo(same).hasSameHashCodeAs(same);
		assertThat(settings).isNotEqualTo(same.withSslBundle(SslBundle.of(SslStoreBundle.NONE)));
	}

	@Test
	void maxConnectionsBelowOneIsRefusedNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.withMaxConnections(0))
			.withMessage("tunethemodel.pool.max-connections must be at least 1, not 0");
	}

	@ParameterizedTest
	@MethodSource("negativeTimes")
	void negativeTimeIsRefusedNamingTheProperty(UnaryOperator<TuneTheModelConnectorSettings> copy, String property) {
		assertThatIllegalArgumentException().isThrownBy(() -> copy.apply(DEFAULTS))
			.withMessage(property + " must not be negative, not -1000ms");
	}

	static Stream<Arguments> negativeTimes() {
		return Stream.of(
				Arguments.of(copy((settings) -> settings.withConnectTimeout(MINUS_ONE_SECOND)),
						"tunethemodel.connect-timeout"),
				Arguments.of(copy((settings) -> settings.withReadTimeout(MINUS_ONE_SECOND)),
						"tunethemodel.read-timeout"),
				Arguments.of(copy((settings) -> settings.withPendingAcquireTimeout(MINUS_ONE_SECOND)),
						"tunethemodel.pool.pending-acquire-timeout"),
				Arguments.of(copy((settings) -> settings.withMaxIdleTime(MINUS_ONE_SECOND)),
						"tunethemodel.pool.max-idle-time"),
				Arguments.of(copy((settings) -> settings.withMaxLifeTime(MINUS_ONE_SECOND)),
						"tunethemodel.pool.max-life-time"),
				Arguments.of(copy((settings) -> settings.withEvictionInterval(MINUS_ONE_SECOND)),
						"tunethemodel.pool.eviction-interval"));
	}

	@Test
	void missingPoolTimeIsRefusedNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.withPendingAcquireTimeout(nothing()))
			.withMessage("tunethemodel.pool.pending-acquire-timeout must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.withMaxIdleTime(nothing()))
			.withMessage("tunethemodel.pool.max-idle-time must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.withMaxLifeTime(nothing()))
			.withMessage("tunethemodel.pool.max-life-time must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> DEFAULTS.withEvictionInterval(nothing()))
			.withMessage("tunethemodel.pool.eviction-interval must not be null");
	}

	@Test
	void httpClientSettingsCarryTheTimeoutsAndTheSslBundleAndFollowNoRedirect() {
		TuneTheModelConnectorSettings settings = DEFAULTS.withConnectTimeout(Duration.ofSeconds(2))
			.withReadTimeout(Duration.ofSeconds(3))
			.withSslBundle(SSL_BUNDLE);
		assertThat(settings.httpClientSettings()).isEqualTo(new HttpClientSettings(HttpRedirects.DONT_FOLLOW,
				Duration.ofSeconds(2), Duration.ofSeconds(3), SSL_BUNDLE));
	}

	private static TuneTheModelConnectorSettings settings(Duration connectTimeout, Duration readTimeout,
			SslBundle sslBundle, int maxConnections, Duration pendingAcquireTimeout, Duration maxIdleTime,
			Duration maxLifeTime, Duration evictionInterval) {
		return new TuneTheModelConnectorSettings(connectTimeout, readTimeout, sslBundle, maxConnections,
				pendingAcquireTimeout, maxIdleTime, maxLifeTime, evictionInterval);
	}

	private static UnaryOperator<TuneTheModelConnectorSettings> copy(
			UnaryOperator<TuneTheModelConnectorSettings> copy) {
		return copy;
	}

	// a null where the type says there is none, as a caller without null checks may pass
	private static Duration nothing() {
		return null;
	}

}
