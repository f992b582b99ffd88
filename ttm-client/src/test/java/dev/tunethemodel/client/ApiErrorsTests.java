package dev.tunethemodel.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.net.ssl.SSLHandshakeException;

import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import dev.tunethemodel.client.error.TuneTheModelConnectionException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelRateLimitException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ApiErrors} and {@link Failures} on transport failures, as each
 * connector reports them.
 */
class ApiErrorsTests {

	private static final String API_KEY = "ttm-errors-key-5d20";

	private static final String REQUEST = "GET /v0/models";

	private final ApiErrors errors = new ApiErrors(API_KEY, URI.create("https://127.0.0.1:8443"), Clock.systemUTC());

	@Test
	void untrustedCertificateOnTheJdkClientNamesTheSslBundleProperty() {
		Throwable failure = requestFailure(jdkHandshakeFailure());
		TuneTheModelException exception = this.errors.callFailure(REQUEST, failure, 1);
		assertThat(exception).isExactlyInstanceOf(TuneTheModelConnectionException.class)
			.hasMessageStartingWith("GET /v0/models to 127.0.0.1:8443 failed: TLS handshake failed: "
					+ "the server's certificate is not trusted; "
					+ "set tunethemodel.ssl.bundle to an SSL bundle that trusts it (")
			.hasMessageContaining("PKIX path building failed")
			.hasCause(failure);
	}

	@Test
	void untrustedCertificateOnReactorNettyNamesTheSslBundleProperty() {
		Throwable failure = requestFailure(new DecoderException(jdkHandshakeFailure()));
		assertThat(this.errors.callFailure(REQUEST, failure, 1))
			.isExactlyInstanceOf(TuneTheModelConnectionException.class)
			.hasMessageContaining("the server's certificate is not trusted")
			.hasMessageContaining("tunethemodel.ssl.bundle");
	}

	@Test
	void certificateForAnotherHostIsNotTrustedEither() {
		SSLHandshakeException handshake = new SSLHandshakeException(
				"No subject alternative names matching IP address 127.0.0.1 found");
		handshake.initCause(new CertificateException("No subject alternative names matching IP address 127.0.0.1"));
		assertThat(this.errors.callFailure(REQUEST, requestFailure(handshake), 1))
			.hasMessageContaining("the server's certificate is not trusted")
			.hasMessageContaining("No subject alternative names");
	}

	@Test
	void untrustedCertificateIsNeitherALostConnectionNorRepeated() {
		Throwable failure = requestFailure(jdkHandshakeFailure());
		assertThat(Failures.isUntrustedCertificate(failure)).isTrue();
		assertThat(Failures.isLostConnection(failure)).isFalse();
		assertThat(Failures.isNothingSent(failure)).isFalse();
		assertThat(Retries.isRetryable(failure, true)).isFalse();
	}

	@Test
	void handshakeFailureWithoutACertificateCauseIsAPlainConnectionFailure() {
		Throwable failure = requestFailure(new SSLHandshakeException("Received fatal alert: protocol_version"));
		assertThat(Failures.isUntrustedCertificate(failure)).isFalse();
		assertThat(this.errors.callFailure(REQUEST, failure, 2))
			.isExactlyInstanceOf(TuneTheModelConnectionException.class)
			.hasMessage("GET /v0/models to 127.0.0.1:8443 failed after 2 attempts: "
					+ "TLS handshake failed: Received fatal alert: protocol_version")
			.hasMessageNotContaining("tunethemodel.ssl.bundle");
	}

	@Test
	void addressOfABaseUrlWithoutAPortIsTheSchemesPort() {
		ApiErrors errors = new ApiErrors(API_KEY, URI.create("https://api.tunethemodel.com/prefix"), Clock.systemUTC());
		assertThat(errors.callFailure(REQUEST, requestFailure(new ConnectException("Connection refused")), 4))
			.hasMessage("GET /v0/models to api.tunethemodel.com:443 failed after 4 attempts: connection refused");
	}

	@Test
	void uploadFailureNamesTheObjectStoreWithoutTheQueryOfItsUrl() {
		ApiErrors errors = this.errors.redacting(URI.create(
				"https://bucket.example.com/f-1?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE&X-Amz-Signature=0123456789abcdef"));
		assertThat(
				errors.callFailure("PUT <upload URL>", requestFailure(new ConnectException("Connection refused")), 1))
			.hasMessage("PUT <upload URL> to bucket.example.com:443 failed: connection refused");
	}

	@Test
	void nameServerThatDoesNotAnswerMakesTheHostUnknownNotATimeout() {
		UnknownHostException unknown = new UnknownHostException("Failed to resolve 'nosuch.invalid' after 2 queries");
		unknown.initCause(new DnsNameResolverTimeoutException("query timed out after 1000 milliseconds"));
		ApiErrors errors = new ApiErrors(API_KEY, URI.create("https://nosuch.invalid"), Clock.systemUTC());
		assertThat(errors.callFailure(REQUEST, requestFailure(unknown), 1))
			.isExactlyInstanceOf(TuneTheModelConnectionException.class)
			.hasMessage("GET /v0/models to nosuch.invalid:443 failed: unknown host nosuch.invalid");
	}

	@Test
	void connectionClosedDuringTheResponseIsToldFromBeforeIt() {
		assertThat(this.errors.callFailure(REQUEST,
				new PrematureCloseException("Connection prematurely closed DURING response"), 1))
			.isExactlyInstanceOf(TuneTheModelConnectionException.class)
			.hasMessage("GET /v0/models to 127.0.0.1:8443 failed: connection closed during the response");
	}

	@Test
	void failureOfUnknownKindKeepsItsOwnMessageFromDeepInItsCauses() {
		assertThat(this.errors.callFailure(REQUEST, requestFailure(new IOException("Broken pipe")), 1))
			.hasMessage("GET /v0/models to 127.0.0.1:8443 failed: Broken pipe");
	}

	@Test
	void untrustedCertificateMessageNeverShowsTheApiKey() {
		SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed for " + API_KEY);
		handshake.initCause(new CertPathBuilderException("unable to find valid certification path"));
		TuneTheModelException exception = this.errors.callFailure(REQUEST, requestFailure(handshake), 1);
		assertThat(exception).hasMessageContaining("tunethemodel.ssl.bundle")
			.hasMessageNotContaining(API_KEY)
			.hasNoCause();
	}

	@Test
	void errorResponseRedactsTheKeyEscapedOrCutAtTheEndOfTheBody() {
		ErrorResponse escaped = this.errors.errorResponse(HttpStatus.UNAUTHORIZED, new HttpHeaders(),
				"{\"error\": \"ttm\\u002Derrors-key\\u002d5d20 is invalid\"}");
		assertThat(escaped.body()).isEqualTo("{\"error\": \"[API key] is invalid\"}");
		ErrorResponse cut = this.errors.errorResponse(HttpStatus.BAD_GATEWAY, new HttpHeaders(),
				"x".repeat(100) + API_KEY.substring(0, 9));
		assertThat(cut.body()).isEqualTo("x".repeat(100) + "[API key]");
	}

	@Test
	void causeThatQuotesTheEscapedKeyIsWithheld() {
		TuneTheModelException exception = this.errors.unreadable(REQUEST,
				new IllegalStateException("unexpected ttm-errors\\u002dkey-5d20"));
		assertThat(exception).hasNoCause()
			.hasMessageContaining("unexpected [API key]")
			.hasMessageContaining("cause withheld");
	}

	@Test
	void errorResponseReadsRetryAfterTooLargeForALongAsTheLongestWait() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "99999999999999999999");
		ErrorResponse response = this.errors.errorResponse(HttpStatus.TOO_MANY_REQUESTS, headers, "");
		assertThat(response.retryAfter()).isEqualTo(RetryAfter.LONGEST);
		assertThat(this.errors.callFailure(REQUEST, response, 1))
			.isInstanceOfSatisfying(TuneTheModelRateLimitException.class,
					(rateLimit) -> assertThat(rateLimit.retryAfter()).isEqualTo(RetryAfter.LONGEST))
			.hasMessage("GET /v0/models failed with 429 Too Many Requests and no body");
	}

	@Test
	void errorResponseReadsRetryAfterInEachDateFormatFromItsClock() {
		Clock clock = Clock.fixed(Instant.parse("1994-11-06T08:49:00Z"), ZoneOffset.UTC);
		ApiErrors errors = new ApiErrors(API_KEY, URI.create("https://127.0.0.1:8443"), clock);
		for (String date : new String[] { "Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
				"Sun Nov  6 08:49:37 1994" }) {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, date);
			assertThat(errors.errorResponse(HttpStatus.SERVICE_UNAVAILABLE, headers, "").retryAfter())
				.isEqualTo(Duration.ofSeconds(37));
		}
	}

	private static SSLHandshakeException jdkHandshakeFailure() {
		SSLHandshakeException handshake = new SSLHandshakeException(
				"PKIX path building failed: unable to find valid certification path to requested target");
		CertificateException validator = new CertificateException("PKIX path building failed");
		validator
			.initCause(new CertPathBuilderException("unable to find valid certification path to requested target"));
		handshake.initCause(validator);
		return handshake;
	}

	private static WebClientRequestException requestFailure(Throwable cause) {
		return new WebClientRequestException(cause, HttpMethod.GET, URI.create("https://127.0.0.1:8443/v0/models"),
				new HttpHeaders());
	}

	// named as Netty's and Reactor Netty's, which the client tells apart by their names
	private static final class DnsNameResolverTimeoutException extends RuntimeException {

		DnsNameResolverTimeoutException(String message) {
			super(message);
		}

	}

	private static final class PrematureCloseException extends IOException {

		PrematureCloseException(String message) {
			super(message);
		}

	}

}
