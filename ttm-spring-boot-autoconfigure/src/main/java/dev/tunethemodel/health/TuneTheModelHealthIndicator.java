package dev.tunethemodel.health;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.RetrySettings;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelAuthenticationException;
import dev.tunethemodel.client.error.TuneTheModelConnectionException;
import dev.tunethemodel.client.error.TuneTheModelRateLimitException;
import dev.tunethemodel.client.error.TuneTheModelServerException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;

/**
 * Reports whether the Tune the Model API responds to an authenticated call: one
 * {@code GET /v0/models}, bounded by a timeout, whose result is reused for a while so
 * that frequent probes do not each call the API; concurrent probes share one call. The
 * models are counted as they are read, as many as the client takes from a list. A down
 * API is described in plain words, such as {@code no response within 3s}.
 *
 * @since 0.1.0
 */
public class TuneTheModelHealthIndicator implements ReactiveHealthIndicator {

	private final TuneTheModelOperations operations;

	private final String baseUrl;

	private final Duration timeout;

	private final Mono<Health> cachedProbe;

	/**
	 * Create an indicator. A probe is one attempt: it probes with
	 * {@link TuneTheModelOperations#withRetrySettings operations that do not retry failed
	 * requests}, whose retries would turn every failure into a timeout.
	 * @param operations the client to probe with
	 * @param baseUrl the base URL of the API, shown in the details
	 * @param timeout the longest time a probe may take
	 * @param cacheTtl how long a probe's result is reused
	 */
	public TuneTheModelHealthIndicator(TuneTheModelOperations operations, String baseUrl, Duration timeout,
			Duration cacheTtl) {
		this.operations = operations.withRetrySettings(RetrySettings.none());
		this.baseUrl = baseUrl;
		this.timeout = timeout;
		this.cachedProbe = Mono.defer(this::probe)
			.cache((health) -> cacheTtl, (ex) -> Duration.ZERO, () -> Duration.ZERO);
	}

	@Override
	public Mono<Health> health() {
		return this.cachedProbe;
	}

	private Mono<Health> probe() {
		long start = System.nanoTime();
		return this.operations.listModels()
			.count()
			.timeout(this.timeout)
			.map((models) -> Health.up()
				.withDetail("baseUrl", this.baseUrl)
				.withDetail("latency", Duration.ofNanos(System.nanoTime() - start).toMillis() + "ms")
				.withDetail("models", models)
				.build())
			.onErrorResume((ex) -> Mono.just(down(ex)));
	}

	private Health down(Throwable ex) {
		Health.Builder health = Health.down().withDetail("baseUrl", this.baseUrl).withDetail("reason", reason(ex));
		if (ex instanceof TuneTheModelApiException apiException) {
			health.withDetail("statusCode", apiException.statusCode());
		}
		return health.withDetail("error", error(ex)).build();
	}

	// Reactor's own message names its operator, not what happened
	private String error(Throwable ex) {
		if (ex instanceof TimeoutException) {
			return "no response within " + format(this.timeout);
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
	}

	private static String format(Duration duration) {
		if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
			return duration.toMillis() + "ms";
		}
		return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + "s";
	}

	private static String reason(Throwable ex) {
		if (ex instanceof TimeoutException || ex instanceof TuneTheModelTimeoutException) {
			return "timeout";
		}
		if (ex instanceof TuneTheModelAuthenticationException) {
			return "authentication failed";
		}
		if (ex instanceof TuneTheModelRateLimitException) {
			return "rate limited";
		}
		if (ex instanceof TuneTheModelServerException) {
			return "server error";
		}
		if (ex instanceof TuneTheModelApiException) {
			return "unexpected status";
		}
		if (ex instanceof TuneTheModelConnectionException) {
			return "unreachable";
		}
		return "unreadable response";
	}

}
