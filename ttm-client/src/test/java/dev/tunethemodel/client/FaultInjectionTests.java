package dev.tunethemodel.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelConnectionException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelRateLimitException;
import dev.tunethemodel.client.error.TuneTheModelServerException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.testsupport.HostileSuite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault injection: how {@link TuneTheModelTemplate}, on Reactor Netty, behaves when the
 * API is slow, flaky, rate-limited or wrong. Short settings keep the suite fast: retries
 * after 50ms, 100ms, 200ms (each between half and all of that), a read timeout of 500ms.
 */
@HostileSuite
class FaultInjectionTests {

	private static final String API_KEY = "ttm-fault-key-0b7e";

	private static final String MODEL = "{\"model_name\": \"m-1\", \"status\": \"Ready\"}";

	private static final RetrySettings FAST_RETRIES = new RetrySettings(3, Duration.ofMillis(50),
			Duration.ofMillis(200), Duration.ofSeconds(5));

	private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

	private static final Duration VERIFY = Duration.ofSeconds(15);

	private final Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	// Reactor Netty's pool, with a read and a connect timeout, as the starter builds it
	private static final ConnectionProvider connectionProvider = ConnectionProvider.create("fault-injection");

	private static final ClientHttpConnector connector = new ReactorClientHttpConnector(
			HttpClient.create(connectionProvider)
				.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
				.responseTimeout(READ_TIMEOUT));

	// a loaded machine may answer slower than READ_TIMEOUT, and a timeout would hide the
	// wait
	private static final ClientHttpConnector patientConnector = new ReactorClientHttpConnector(
			HttpClient.create(connectionProvider).responseTimeout(Duration.ofSeconds(10)));

	@TempDir
	Path spoolDirectory;

	@Test
	void serviceUnavailableTwiceThenSuccessNeedsExactlyThreeRequestsWithBackoff() {
		wireMock.stubFor(get("/v0/models/m-1/status").inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("failed once"));
		wireMock.stubFor(get("/v0/models/m-1/status").inScenario("flaky")
			.whenScenarioStateIs("failed once")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("failed twice"));
		wireMock.stubFor(get("/v0/models/m-1/status").inScenario("flaky")
			.whenScenarioStateIs("failed twice")
			.willReturn(okJson(MODEL)));
		StepVerifier.create(template().getModel("m-1")).expectNextCount(1).expectComplete().verify(VERIFY);
		List<Instant> arrivals = arrivals();
		assertThat(arrivals).hasSize(3);
		// each wait is at least half of its backoff: 50ms then 100ms
		assertThat(Duration.between(arrivals.get(0), arrivals.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(25));
		assertThat(Duration.between(arrivals.get(1), arrivals.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(Duration.between(arrivals.get(0), arrivals.get(2))).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void retryAfterInSecondsIsWaitedFor() {
		rateLimitedOnceWith("2");
		StepVerifier.create(patientTemplate().listModels()).expectComplete().verify(VERIFY);
		List<Instant> arrivals = arrivals();
		assertThat(arrivals).hasSize(2);
		assertThat(Duration.between(arrivals.get(0), arrivals.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void retryAfterAsHttpDateIsWaitedFor() {
		Instant until = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
		rateLimitedOnceWith(DateTimeFormatter.RFC_1123_DATE_TIME.format(until.atZone(ZoneOffset.UTC)));
		StepVerifier.create(patientTemplate().listModels()).expectComplete().verify(VERIFY);
		List<Instant> arrivals = arrivals();
		assertThat(arrivals).hasSize(2);
		assertThat(arrivals.get(1)).isAfterOrEqualTo(until);
	}

	@Test
	void retryAfterLongerThanTheLimitFailsAtOnce() {
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
		StepVerifier.create(template().listModels())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(TuneTheModelRateLimitException.class,
					(rateLimit) -> assertThat(rateLimit.retryAfter()).isEqualTo(Duration.ofHours(1))))
			.verify(Duration.ofSeconds(2));
		assertThat(requests(getRequestedFor(urlEqualTo("/v0/models")))).hasSize(1);
	}

	@Test
	void retryAfterTooLargeForAnyNumberFailsAtOnce() {
		wireMock.stubFor(get("/v0/models")
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "99999999999999999999")));
		StepVerifier.create(template().listModels())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(TuneTheModelRateLimitException.class,
					(rateLimit) -> assertThat(rateLimit.retryAfter()).isGreaterThan(Duration.ofDays(365_000))))
			.verify(Duration.ofSeconds(2));
		assertThat(requests(getRequestedFor(urlEqualTo("/v0/models")))).hasSize(1);
	}

	@Test
	void retryAfterAsRfc850DateBeyondTheLimitFailsAtOnce() {
		ZonedDateTime inAnHour = ZonedDateTime.now(ZoneOffset.UTC).plusHours(1);
		String rfc850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US).format(inAnHour);
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(429).withHeader("Retry-After", rfc850)));
		StepVerifier.create(builder().retrySettings(RetrySettings.defaults()).build().listModels())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(TuneTheModelRateLimitException.class,
					(rateLimit) -> assertThat(rateLimit.retryAfter()).isBetween(Duration.ofMinutes(59),
							Duration.ofMinutes(60))))
			.verify(Duration.ofSeconds(2));
		assertThat(requests(getRequestedFor(urlEqualTo("/v0/models")))).hasSize(1);
	}

	@Test
	void retryAfterAsAsctimeDateIsWaitedFor() {
		Instant until = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
		rateLimitedOnceWith(DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US)
			.format(until.atZone(ZoneOffset.UTC)));
		StepVerifier.create(patientTemplate().listModels()).expectComplete().verify(VERIFY);
		List<Instant> arrivals = arrivals();
		assertThat(arrivals).hasSize(2);
		assertThat(arrivals.get(1)).isAfterOrEqualTo(until);
	}

	@Test
	void rateLimitIsRetriedEvenForCreateModel() {
		wireMock.stubFor(post("/v0/models").inScenario("busy")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0"))
			.willSetStateTo("free"));
		wireMock.stubFor(post("/v0/models").inScenario("busy").whenScenarioStateIs("free").willReturn(okJson(MODEL)));
		StepVerifier.create(template().createModel(CreateModelRequest.generator("g")))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY);
		assertThat(requests(postRequestedFor(urlEqualTo("/v0/models")))).hasSize(2);
	}

	@ParameterizedTest(name = "{0} is not repeated")
	@ValueSource(ints = { 400, 401, 403, 404, 422 })
	void clientErrorIsNeverRepeated(int status) {
		String body = "{\"detail\": \"" + "x".repeat(2000) + "\"}";
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(aResponse().withStatus(status).withBody(body)));
		StepVerifier.create(template().getModel("m-1"))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(TuneTheModelApiException.class, (apiException) -> {
						assertThat(apiException.statusCode()).isEqualTo(status);
						assertThat(apiException.responseBody()).isEqualTo(body);
						assertThat(apiException).hasMessageContaining("failed with " + status)
							.hasMessageContaining("more characters)")
							.hasMessageNotContaining("attempts");
					}))
			.verify(VERIFY);
		assertThat(requests(getRequestedFor(urlEqualTo("/v0/models/m-1/status")))).hasSize(1);
	}

	@Test
	void permanentServerErrorIsTriedOncePlusMaxRetries() {
		wireMock.stubFor(get("/v0/files").willReturn(aResponse().withStatus(500).withBody("boom")));
		StepVerifier.create(template().listFiles())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelServerException.class)
				.hasMessage("GET /v0/files failed with 500 Internal Server Error after 4 attempts: boom"))
			.verify(VERIFY);
		assertThat(requests(getRequestedFor(urlEqualTo("/v0/files")))).hasSize(4);
	}

	@ParameterizedTest(name = "{0} on a GET is repeated")
	@EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE" })
	void lostConnectionOnAGetIsRepeated(Fault fault) {
		wireMock.stubFor(get("/v0/models/m-1/status").inScenario("fault")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withFault(fault))
			.willSetStateTo("healed"));
		wireMock.stubFor(get("/v0/models/m-1/status").inScenario("fault")
			.whenScenarioStateIs("healed")
			.willReturn(okJson(MODEL)));
		StepVerifier.create(template().getModel("m-1"))
			.assertNext((model) -> assertThat(model.id()).isEqualTo("m-1"))
			.expectComplete()
			.verify(VERIFY);
		assertThat(requests(getRequestedFor(urlEqualTo("/v0/models/m-1/status")))).hasSize(2);
	}

	@ParameterizedTest(name = "{0} on createModel is not repeated")
	@EnumSource(value = Fault.class, names = { "CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE" })
	void lostConnectionOnCreateModelIsNeverRepeated(Fault fault) {
		wireMock.stubFor(post("/v0/models").willReturn(aResponse().withFault(fault)));
		StepVerifier.create(template().createModel(CreateModelRequest.classifier("c", 2)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelConnectionException.class)
				.hasMessageStartingWith("POST /v0/models to localhost:" + wireMock.getPort() + " failed: connection "))
			.verify(VERIFY);
		assertThat(requests(postRequestedFor(urlEqualTo("/v0/models")))).hasSize(1);
	}

	@ParameterizedTest(name = "{0} ends cleanly")
	@EnumSource(value = Fault.class, names = { "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE" })
	void garbledAnswerEndsCleanlyAndTheClientRecovers(Fault fault) {
		TuneTheModelTemplate template = template();
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(aResponse().withFault(fault)));
		StepVerifier.create(template.getModel("m-1"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelException.class)
				.hasMessageStartingWith("GET /v0/models/{model}/status [m-1] "))
			.verify(VERIFY);
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson(MODEL)));
		StepVerifier.create(template.getModel("m-1")).expectNextCount(1).expectComplete().verify(VERIFY);
	}

	@Test
	void silenceLongerThanTheReadTimeoutIsRepeatedForAGet() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(2000)));
		StepVerifier.create(template().listModels())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelTimeoutException.class)
				.hasMessage("GET /v0/models to localhost:" + wireMock.getPort()
						+ " failed after 4 attempts: timed out reading the response"))
			.verify(VERIFY);
		assertThat(requests(getRequestedFor(urlEqualTo("/v0/models")))).hasSize(4);
	}

	@Test
	void silenceLongerThanTheReadTimeoutEndsCreateModelAtOnce() {
		wireMock.stubFor(post("/v0/models").willReturn(okJson(MODEL).withFixedDelay(3000)));
		long start = System.nanoTime();
		StepVerifier.create(template().createModel(CreateModelRequest.generator("g")))
			.expectError(TuneTheModelTimeoutException.class)
			.verify(VERIFY);
		// the read timeout (500ms) ended it, before the answer (3s)
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(READ_TIMEOUT, Duration.ofSeconds(3));
		assertThat(requests(postRequestedFor(urlEqualTo("/v0/models")))).hasSize(1);
	}

	@Test
	void dribbleThatNeverPausesLongEnoughForTheReadTimeoutIsEndedByTheTimeout() {
		wireMock.stubFor(get("/v0/models").willReturn(
				okJson("{\"models\": [" + (MODEL + ",").repeat(50) + MODEL + "]}").withChunkedDribbleDelay(20, 4000)));
		TuneTheModelTemplate template = builder().timeout(Duration.ofSeconds(1)).build();
		// the entries that arrive in time are passed on
		StepVerifier.create(template.listModels())
			.thenConsumeWhile((model) -> model.id().equals("m-1"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelTimeoutException.class)
				.hasMessage("GET /v0/models did not complete within 1s (1 attempt)"))
			.verify(VERIFY);
	}

	@Test
	void refusedConnectionIsRepeatedThenFails() {
		String baseUrl = ClosedPort.baseUrl();
		TuneTheModelTemplate template = builder().baseUrl(baseUrl).build();
		StepVerifier.create(template.createModel(CreateModelRequest.generator("g")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelConnectionException.class)
				.hasMessage("POST /v0/models to " + baseUrl.substring("http://".length())
						+ " failed after 4 attempts: connection refused"))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void cancellingACallStopsItsRequests() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(1000)));
		Disposable call = template().listModels().subscribe();
		await().atMost(Duration.ofSeconds(5)).until(() -> requestCount() == 1);
		call.dispose();
		// longer than the delay and every backoff: a repeat would have arrived by then
		await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> true);
		assertThat(requestCount()).isOne();
	}

	@Test
	void cancellingDuringABackoffStopsTheRetries() {
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(503)));
		TuneTheModelTemplate template = builder()
			.retrySettings(new RetrySettings(3, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5)))
			.build();
		Disposable call = template.listModels().subscribe(null, (ex) -> {
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> requestCount() == 1);
		call.dispose();
		await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> true);
		assertThat(requestCount()).isOne();
	}

	@Test
	void largeErrorBodyKeepsTheStatusAndItsStart() {
		String body = "E".repeat(2 * 1024 * 1024);
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(aResponse().withStatus(400).withBody(body)));
		StepVerifier.create(template().getModel("m-1"))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isInstanceOfSatisfying(TuneTheModelApiException.class, (apiException) -> {
						assertThat(apiException.statusCode()).isEqualTo(400);
						assertThat(apiException.responseBody()).hasSize(64 * 1024)
							.isEqualTo(body.substring(0, 64 * 1024));
						assertThat(apiException.getMessage()).hasSizeLessThan(1200);
					}))
			.verify(VERIFY);
	}

	@Test
	void successBodyLargerThanTheCodecLimitIsAClearError() {
		String model = "{\"model_name\": \"m-1\", \"padding\": \"" + "p".repeat(2 * 1024 * 1024) + "\"}";
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson(model)));
		StepVerifier.create(template().getModel("m-1"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(TuneTheModelException.class)
				.hasMessageStartingWith("GET /v0/models/{model}/status [m-1] returned 200 with a body larger than "
						+ "the codecs' in-memory limit (spring.http.codecs.max-in-memory-size)"))
			.verify(VERIFY);
		assertThat(requests(getRequestedFor(urlEqualTo("/v0/models/m-1/status")))).hasSize(1);
	}

	@Test
	void modelListOfOneMebibyteIsNotLimitedByTheCodecs() {
		StringBuilder models = new StringBuilder("{\"models\": [");
		int count = 0;
		while (models.length() < 1024 * 1024) {
			models.append((count > 0) ? "," : "")
				.append("{\"model_name\": \"model-")
				.append(count++)
				.append("\", \"status\": \"Ready\", \"model_type\": \"classifier\", \"user_name\": \"a model with a name\","
						+ " \"last_updated_time\": \"2022-05-07 20:58:10.878585\"}");
		}
		models.append("], \"total\": ").append(count).append('}');
		int expected = count;
		wireMock.stubFor(get("/v0/models").willReturn(okJson(models.toString())));
		StepVerifier.create(template().listModels().map(Model::id).collectList()).assertNext((ids) -> {
			assertThat(ids).hasSize(expected);
			assertThat(ids.get(expected - 1)).isEqualTo("model-" + (expected - 1));
		}).expectComplete().verify(VERIFY);
	}

	@Test
	void retriedUploadSendsTheWholeBodyAgainWithoutTheKey() {
		wireMock.stubFor(put(urlPathEqualTo("/bucket/f_1")).inScenario("store")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		wireMock.stubFor(put(urlPathEqualTo("/bucket/f_1")).inScenario("store")
			.whenScenarioStateIs("up")
			.willReturn(aResponse().withStatus(200)));
		DatasetFile file = new DatasetFile("f_1", "train", ModelType.CLASSIFIER, FileStatus.CREATED, "filecreated",
				URI.create(wireMock.baseUrl() + "/bucket/f_1?X-Amz-Signature=abc"));
		Flux<ClassifierExample> examples = Flux.range(0, 5000).map((i) -> new ClassifierExample("text " + i, i % 3));
		StepVerifier.create(builder().temporaryDirectory(this.spoolDirectory).build().upload(file, examples))
			.expectComplete()
			.verify(VERIFY);
		List<LoggedRequest> uploads = wireMock.findAll(putRequestedFor(urlPathEqualTo("/bucket/f_1")));
		assertThat(uploads).hasSize(2);
		assertThat(uploads.get(0).getBody()).isNotEmpty().isEqualTo(uploads.get(1).getBody());
		for (LoggedRequest upload : uploads) {
			assertThat(upload.containsHeader("Authorization")).isFalse();
			assertThat(upload.getHeader("Content-Length")).isEqualTo(String.valueOf(upload.getBody().length));
		}
	}

	private void rateLimitedOnceWith(String retryAfter) {
		wireMock.stubFor(get("/v0/models").inScenario("rate")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", retryAfter))
			.willSetStateTo("allowed"));
		wireMock.stubFor(get("/v0/models").inScenario("rate")
			.whenScenarioStateIs("allowed")
			.willReturn(okJson("{\"models\": []}")));
	}

	// a request of the previous test answered late is logged in this one's journal
	private List<Instant> arrivals() {
		return wireMock.getAllServeEvents()
			.stream()
			.map(ServeEvent::getRequest)
			.map((request) -> request.getLoggedDate().toInstant())
			.filter((arrival) -> !arrival.isBefore(this.started))
			.sorted()
			.toList();
	}

	private int requestCount() {
		return arrivals().size();
	}

	private List<LoggedRequest> requests(RequestPatternBuilder pattern) {
		return wireMock.findAll(pattern)
			.stream()
			.filter((request) -> !request.getLoggedDate().toInstant().isBefore(this.started))
			.toList();
	}

	@AfterAll
	static void closeConnections() {
		connectionProvider.dispose();
	}

	private static TuneTheModelTemplate template() {
		return builder().build();
	}

	private static TuneTheModelTemplate patientTemplate() {
		return builder().webClientBuilder(WebClient.builder().clientConnector(patientConnector)).build();
	}

	private static TuneTheModelTemplate.Builder builder() {
		return TuneTheModelTemplate.builder()
			.webClientBuilder(WebClient.builder().clientConnector(connector))
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.retrySettings(FAST_RETRIES);
	}

}
