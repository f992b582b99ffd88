package dev.tunethemodel.client;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.NotYetConnectedException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import dev.tunethemodel.client.error.TuneTheModelException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link RetrySettings} and {@link Retries}: which failures are repeated, and
 * after how long.
 */
class RetriesTests {

	private static final RetrySettings SETTINGS = new RetrySettings(3, Duration.ofMillis(500), Duration.ofSeconds(8),
			Duration.ofSeconds(30));

	private static final long PLENTY = Duration.ofMinutes(1).toNanos();

	private final Retries retries = new Retries(SETTINGS);

	@Test
	void backoffDoublesFromTheInitialWaitWithJitterBetweenHalfAndAll() {
		assertThat(SETTINGS.backoff(1, 0.0)).isEqualTo(Duration.ofMillis(250));
		assertThat(SETTINGS.backoff(1, 0.999999)).isBetween(Duration.ofMillis(499), Duration.ofMillis(500));
		assertThat(SETTINGS.backoff(2, 0.0)).isEqualTo(Duration.ofMillis(500));
		assertThat(SETTINGS.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(750));
		assertThat(SETTINGS.backoff(3, 0.0)).isEqualTo(Duration.ofSeconds(1));
		assertThat(SETTINGS.backoff(4, 0.0)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void backoffIsCappedAtTheMaximum() {
		assertThat(SETTINGS.backoff(5, 0.999999)).isBetween(Duration.ofMillis(7999), Duration.ofSeconds(8));
		assertThat(SETTINGS.backoff(6, 0.0)).isEqualTo(Duration.ofSeconds(4));
		assertThat(SETTINGS.backoff(100, 0.999999)).isLessThanOrEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void defaultsAreThoseTheReadmeDocuments() {
		assertThat(RetrySettings.defaults()).isEqualTo(SETTINGS);
		assertThat(RetrySettings.none().maxRetries()).isZero();
	}

	@Test
	void settingsAreChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetrySettings(-1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
			.withMessage("maxRetries must be at least 0, but is -1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetrySettings(1, Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO))
			.withMessage("initialBackoff must be zero or more, but is PT-0.001S");
	}

	@ParameterizedTest(name = "{0} is repeated for every operation")
	@ValueSource(ints = { 429 })
	void tooManyRequestsIsRepeatedForEveryOperation(int status) {
		assertThat(Retries.isRetryable(answer(status), false)).isTrue();
		assertThat(Retries.isRetryable(answer(status), true)).isTrue();
	}

	@ParameterizedTest(name = "{0} is repeated for safe operations only")
	@ValueSource(ints = { 408, 500, 502, 503, 504 })
	void serverTroubleIsRepeatedForSafeOperationsOnly(int status) {
		assertThat(Retries.isRetryable(answer(status), true)).isTrue();
		assertThat(Retries.isRetryable(answer(status), false)).isFalse();
	}

	@ParameterizedTest(name = "{0} is never repeated")
	@ValueSource(ints = { 400, 401, 403, 404, 409, 422, 501 })
	void otherAnswersAreNeverRepeated(int status) {
		assertThat(Retries.isRetryable(answer(status), true)).isFalse();
	}

	@Test
	void failureToConnectIsRepeatedForEveryOperation() {
		Throwable refused = requestFailure(new ConnectException("Connection refused"));
		assertThat(Retries.isRetryable(refused, false)).isTrue();
	}

	@Test
	void connectionLostAfterSendingIsRepeatedForSafeOperationsOnly() {
		Throwable reset = requestFailure(new IOException("Connection reset by peer"));
		assertThat(Retries.isRetryable(reset, true)).isTrue();
		assertThat(Retries.isRetryable(reset, false)).isFalse();
	}

	@Test
	void socketResetUnderEpollIsALostConnection() {
		Throwable reset = requestFailure(new NotYetConnectedException());
		assertThat(Retries.isRetryable(reset, true)).isTrue();
		assertThat(Retries.isRetryable(reset, false)).isFalse();
	}

	@Test
	void unreadableAnswerIsNeverRepeated() {
		assertThat(Retries.isRetryable(new TuneTheModelException("unreadable"), true)).isFalse();
	}

	@Test
	void retryAfterReplacesTheBackoff() {
		assertThat(this.retries.delay(answer(429, Duration.ofSeconds(2)), false, 1, PLENTY))
			.isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void retryAfterOfZeroWaitsTheBackoffInstead() {
		assertThat(this.retries.delay(answer(429, Duration.ZERO), false, 1, PLENTY)).isBetween(Duration.ofMillis(250),
				Duration.ofMillis(500));
		assertThat(this.retries.delay(answer(429, Duration.ZERO), false, 3, PLENTY)).isBetween(Duration.ofSeconds(1),
				Duration.ofSeconds(2));
	}

	@Test
	void retryAfterUnderASecondWaitsAtLeastTheBackoff() {
		assertThat(this.retries.delay(answer(503, Duration.ofMillis(400)), true, 1, PLENTY))
			.isBetween(Duration.ofMillis(400), Duration.ofMillis(500));
	}

	@Test
	void retryAfterOfASecondIsWaitedAsItIsWhateverTheBackoff() {
		assertThat(this.retries.delayWaitingOutRefusals(answer(429, Duration.ofSeconds(1)), true, 1, 6, PLENTY))
			.isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void refusalsOfABulkCallDoNotUseUpTheRepeats() {
		assertThat(this.retries.delayWaitingOutRefusals(answer(503), true, 1, 10, PLENTY)).isNotNull();
		assertThat(this.retries.delayWaitingOutRefusals(answer(429), false, 1, 10, PLENTY)).isNotNull();
		assertThat(this.retries.delayWaitingOutRefusals(answer(503), true, 4, 1, PLENTY)).isNotNull();
		assertThat(this.retries.delayWaitingOutRefusals(answer(502), true, 4, 0, PLENTY)).isNull();
	}

	@Test
	void refusalIsA429OrA503OfARequestThatMayBeRepeated() {
		assertThat(Retries.isRefusal(answer(429), false)).isTrue();
		assertThat(Retries.isRefusal(answer(503), true)).isTrue();
		assertThat(Retries.isRefusal(answer(503), false)).isFalse();
		assertThat(Retries.isRefusal(answer(502), true)).isFalse();
		assertThat(Retries.isRefusal(new TuneTheModelException("unreadable"), true)).isFalse();
	}

	@Test
	void retryAfterLongerThanTheMaximumIsNotWaitedFor() {
		assertThat(this.retries.delay(answer(429, Duration.ofSeconds(31)), true, 1, PLENTY)).isNull();
	}

	@Test
	void retryAfterTooLargeForALongIsNotWaitedFor() {
		assertThat(this.retries.delay(answer(429, RetryAfter.LONGEST), true, 1, PLENTY)).isNull();
	}

	@Test
	void noRepeatAfterTheLastRetry() {
		assertThat(this.retries.delay(answer(503), true, 3, PLENTY)).isNotNull();
		assertThat(this.retries.delay(answer(503), true, 4, PLENTY)).isNull();
	}

	@Test
	void noRepeatThatCouldNotEndBeforeTheDeadline() {
		assertThat(this.retries.delay(answer(429, Duration.ofSeconds(2)), true, 1, Duration.ofSeconds(1).toNanos()))
			.isNull();
	}

	private static ErrorResponse answer(int status) {
		return answer(status, null);
	}

	private static ErrorResponse answer(int status, Duration retryAfter) {
		return new ErrorResponse(HttpStatusCode.valueOf(status), "", retryAfter, HttpHeaders.EMPTY);
	}

	private static Throwable requestFailure(Throwable cause) {
		return new WebClientRequestException(cause, HttpMethod.GET, java.net.URI.create("http://localhost/v0/models"),
				new org.springframework.http.HttpHeaders());
	}

}
