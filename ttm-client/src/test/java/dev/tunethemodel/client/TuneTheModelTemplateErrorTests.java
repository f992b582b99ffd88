package dev.tunethemodel.client;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.WebClientException;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelConnectionException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelRateLimitException;
import dev.tunethemodel.client.error.TuneTheModelServerException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests of how {@link TuneTheModelTemplate} turns error answers and unreadable bodies
 * into {@link TuneTheModelException}s.
 */
class TuneTheModelTemplateErrorTests extends WireMockTemplateTests {

	private static final String HTML_PAGE = """
			<!DOCTYPE html>
			<html><head><title>502 Bad Gateway</title></head>
			<body><h1>Bad Gateway</h1><p>The proxy could not reach the upstream server.</p></body></html>
			""";

	@ParameterizedTest(name = "{0} becomes {1}")
	@CsvSource({ "400, TuneTheModelApiException, Bad Request", "401, TuneTheModelAuthenticationException, Unauthorized",
			"403, TuneTheModelAuthenticationException, Forbidden", "404, TuneTheModelNotFoundException, Not Found",
			"409, TuneTheModelApiException, Conflict", "422, TuneTheModelApiException, Unprocessable",
			"429, TuneTheModelRateLimitException, Too Many Requests",
			"500, TuneTheModelServerException, Internal Server Error", "502, TuneTheModelServerException, Bad Gateway",
			"503, TuneTheModelServerException, Service Unavailable" })
	void errorStatusBecomesTypedExceptionWithRequestStatusAndBody(int status, String type, String reason) {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(aResponse().withStatus(status)
			.withHeader("X-Request-Id", "req-" + status)
			.withBody("{\"detail\": \"problem " + status + "\"}")));
		StepVerifier.create(this.template.getModel("m-1")).expectErrorSatisfies((ex) -> {
			assertThat(ex.getClass().getSimpleName()).isEqualTo(type);
			TuneTheModelApiException apiException = (TuneTheModelApiException) ex;
			assertThat(apiException.statusCode()).isEqualTo(status);
			assertThat(apiException.responseHeaders().getFirst("X-Request-Id")).isEqualTo("req-" + status);
			assertThat(apiException.responseBody()).isEqualTo("{\"detail\": \"problem " + status + "\"}");
			assertThat(ex)
				.hasMessageStartingWith("GET /v0/models/{model}/status [m-1] failed with " + status + " " + reason)
				.hasMessageEndingWith(": {\"detail\": \"problem " + status + "\"}");
		}).verify(TIMEOUT);
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v0/models/m-1/status")));
	}

	@Test
	void responseHeadersAreReadOnlyAndMaskTheKeyWhereAServerEchoesIt() {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(aResponse().withStatus(401)
			.withHeader("X-Request-Id", "req-1")
			.withHeader("X-Rejected-Credential", "key " + API_KEY + " is unknown")));
		StepVerifier.create(this.template.getModel("m-1"))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(TuneTheModelApiException.class, (apiException) -> {
						HttpHeaders headers = apiException.responseHeaders();
						assertThat(headers.getFirst("X-Request-Id")).isEqualTo("req-1");
						assertThat(headers.getFirst("X-Rejected-Credential")).isEqualTo("key [API key] is unknown");
						assertThat(headers.toString()).doesNotContain(API_KEY);
						assertThatExceptionOfType(UnsupportedOperationException.class)
							.isThrownBy(() -> headers.add("X-Request-Id", "changed"));
					}))
			.verify(TIMEOUT);
	}

	@Test
	void rateLimitKeepsRetryAfterInSeconds() {
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
		StepVerifier.create(this.template.listModels())
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(TuneTheModelRateLimitException.class, (rateLimit) -> {
						assertThat(rateLimit.retryAfter()).isEqualTo(Duration.ofMinutes(2));
						assertThat(rateLimit.responseBody()).isEmpty();
						assertThat(rateLimit)
							.hasMessage("GET /v0/models failed with 429 Too Many Requests and no body");
					}))
			.verify(TIMEOUT);
	}

	@Test
	void rateLimitKeepsRetryAfterAsHttpDate() {
		String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(429).withHeader("Retry-After", inAnHour)));
		StepVerifier.create(this.template.listModels())
			.expectErrorSatisfies((ex) -> assertThat(((TuneTheModelRateLimitException) ex).retryAfter().toSeconds())
				.isCloseTo(3600, within(5L)))
			.verify(TIMEOUT);
	}

	@Test
	void rateLimitWithoutOrWithAnUnreadableRetryAfterHasNone() {
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "soon")));
		StepVerifier.create(this.template.listModels())
			.expectErrorSatisfies((ex) -> assertThat(((TuneTheModelRateLimitException) ex).retryAfter()).isNull())
			.verify(TIMEOUT);
	}

	@Test
	void longBodyIsTrimmedToOneKibibyteInTheMessageAndKeptWhole() {
		String body = "é".repeat(600) + "THE-END";
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(500).withBody(body)));
		StepVerifier.create(this.template.listModels()).expectErrorSatisfies((ex) -> {
			String shown = ex.getMessage().substring(ex.getMessage().indexOf(": ") + 2);
			String bodyPart = shown.substring(0, shown.indexOf('…'));
			assertThat(bodyPart.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(1024);
			assertThat(ex.getMessage()).doesNotContain("THE-END").endsWith("… (95 more characters)");
			assertThat(((TuneTheModelApiException) ex).responseBody()).isEqualTo(body);
		}).verify(TIMEOUT);
	}

	@Test
	void htmlErrorPageIsShownOnOneLine() {
		wireMock.stubFor(get("/v0/models")
			.willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(HTML_PAGE)));
		StepVerifier.create(this.template.listModels())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelServerException.class)
				.hasMessageContaining("failed with 502 Bad Gateway: <!DOCTYPE html> <html><head>")
				.hasMessageNotContaining("\n"))
			.verify(TIMEOUT);
	}

	@Test
	void malformedJsonBecomesExceptionWithCause() {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson("{\"status\": \"Ready\", \"model_name\": ")));
		StepVerifier.create(this.template.getModel("m-1")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessageStartingWith("GET /v0/models/{model}/status [m-1] returned a body that cannot be read");
			assertThat(ex.getCause()).isInstanceOf(tools.jackson.core.JacksonException.class);
		}).verify(TIMEOUT);
	}

	@Test
	void htmlPageWithStatus200BecomesExceptionWithCause() {
		wireMock.stubFor(get("/v0/models").willReturn(ok(HTML_PAGE).withHeader("Content-Type", "text/html")));
		StepVerifier.create(this.template.listModels()).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessageStartingWith("GET /v0/models returned a body that cannot be read");
			assertThat(ex.getCause()).isNotNull();
		}).verify(TIMEOUT);
	}

	@Test
	void emptyBodyWithStatus200BecomesException() {
		wireMock.stubFor(post("/v0/models/m-1/classify").willReturn(ok()));
		StepVerifier.create(this.template.classify("m-1", "text"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessage("POST /v0/models/{model}/classify [m-1] returned 200 with an empty body"))
			.verify(TIMEOUT);
	}

	@Test
	void jsonNullBodyBecomesException() {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson("null")));
		StepVerifier.create(this.template.getModel("m-1"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessageContaining("cannot be read"))
			.verify(TIMEOUT);
	}

	@Test
	void modelWithoutIdBecomesException() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"status\": \"Ready\"}]}")));
		StepVerifier.create(this.template.listModels())
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessage("GET /v0/models returned a body that cannot be read: "
						+ "a model has neither model_name nor model_id"))
			.verify(TIMEOUT);
	}

	@Test
	void classificationWithoutScoresBecomesException() {
		wireMock.stubFor(post("/v0/models/m-1/classify").willReturn(okJson("{\"answer\": {}}")));
		StepVerifier.create(this.template.classify("m-1", "text"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessageEndingWith("\"answer\" has no scores"))
			.verify(TIMEOUT);
	}

	@Test
	void deadServerBecomesExceptionNamingTheRequest() {
		String baseUrl = ClosedPort.baseUrl();
		TuneTheModelTemplate deadTemplate = TuneTheModelTemplate.builder()
			.baseUrl(baseUrl)
			.apiKey(API_KEY)
			.retrySettings(RetrySettings.none())
			.build();
		StepVerifier.create(deadTemplate.getModel("m-1")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(TuneTheModelConnectionException.class)
				.hasMessage("GET /v0/models/{model}/status [m-1] to " + baseUrl.substring("http://".length())
						+ " failed: connection refused");
			assertThat(ex.getCause()).isInstanceOf(WebClientException.class);
		}).verify(TIMEOUT);
	}

	@Test
	void clientKeepsWorkingAfterAnError() {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(aResponse().withStatus(500)));
		wireMock.stubFor(
				get("/v0/models/m-2/status").willReturn(okJson("{\"model_name\": \"m-2\", \"status\": \"Ready\"}")));
		StepVerifier.create(this.template.getModel("m-1"))
			.expectError(TuneTheModelServerException.class)
			.verify(TIMEOUT);
		StepVerifier.create(this.template.getModel("m-2"))
			.assertNext((model) -> assertThat(model.id()).isEqualTo("m-2"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void errorsNeverExposeWebClientResponseExceptions() {
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(418).withBody("teapot")));
		StepVerifier.create(this.template.listModels())
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelApiException.class)
				.hasNoCause()
				.hasMessage("GET /v0/models failed with 418 I'm a teapot: teapot"))
			.verify(TIMEOUT);
	}

}
