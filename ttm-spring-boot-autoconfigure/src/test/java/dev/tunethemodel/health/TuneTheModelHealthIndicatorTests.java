package dev.tunethemodel.health;

import java.time.Duration;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.TuneTheModelTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TuneTheModelHealthIndicator}.
 */
class TuneTheModelHealthIndicatorTests {

	private static final String API_KEY = "ttm-health-key-5e2d";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	// far longer than a probe takes on a loaded machine, for the tests not about timeouts
	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void upWithBaseUrlLatencyAndNumberOfModels() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("""
				{"models": [{"model_name": "a"}, {"model_name": "b"}, {"model_name": "c"}]}
				""")));
		StepVerifier.create(indicator(wireMock.baseUrl(), PROBE_TIMEOUT).health()).assertNext((health) -> {
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("baseUrl", wireMock.baseUrl())
				.containsEntry("models", 3L)
				.containsKey("latency");
			assertThat((String) health.getDetails().get("latency")).matches("\\d+ms");
		}).expectComplete().verify(TIMEOUT);
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v0/models")));
	}

	@Test
	void downWhenAuthenticationFails() {
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(401).withBody("bad key " + API_KEY)));
		assertDown(indicator(wireMock.baseUrl(), PROBE_TIMEOUT), "authentication failed", 401);
	}

	@Test
	void downWhenTheServerFails() {
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(500)));
		assertDown(indicator(wireMock.baseUrl(), PROBE_TIMEOUT), "server error", 500,
				"GET /v0/models failed with 500 Internal Server Error and no body");
	}

	@Test
	void downWhenRateLimited() {
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(429)));
		assertDown(indicator(wireMock.baseUrl(), PROBE_TIMEOUT), "rate limited", 429);
	}

	@Test
	void downWhenTheConnectionFails() {
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertDown(indicator(wireMock.baseUrl(), PROBE_TIMEOUT), "unreachable", null);
	}

	@Test
	void downWhenTheProbeTimesOut() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(5000)));
		assertDown(indicator(wireMock.baseUrl(), Duration.ofMillis(200)), "timeout", null, "no response within 200ms");
	}

	@Test
	void timeoutOfASecondOrMoreIsShownInSeconds() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(5000)));
		assertDown(indicator(wireMock.baseUrl(), Duration.ofMillis(1500)), "timeout", null, "no response within 1.5s");
	}

	@Test
	void downWhenTheListIsLongerThanTheClientTakes() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("""
				{"models": [{"model_name": "a"}, {"model_name": "b"}, {"model_name": "c"}]}
				""")));
		TuneTheModelTemplate template = TuneTheModelTemplate.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.maxListEntries(2)
			.build();
		TuneTheModelHealthIndicator indicator = new TuneTheModelHealthIndicator(template, wireMock.baseUrl(),
				PROBE_TIMEOUT, Duration.ofSeconds(10));
		assertDown(indicator, "unreadable response", null,
				"GET /v0/models returned 200 with more than 2 entries in \"models\", the client's limit "
						+ "(maxListEntries of the template's builder, tunethemodel.max-list-entries in Spring Boot)");
	}

	@Test
	void downWhenTheAnswerCannotBeRead() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("<html>")));
		assertDown(indicator(wireMock.baseUrl(), PROBE_TIMEOUT), "unreadable response", null);
	}

	@Test
	void probesWithinTheCacheTtlShareOneRequest() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(100)));
		TuneTheModelHealthIndicator indicator = indicator(wireMock.baseUrl(), PROBE_TIMEOUT);
		// five at once, then five one after another
		StepVerifier.create(Flux.merge(Flux.range(0, 5).map((i) -> indicator.health())).map(Health::getStatus))
			.expectNext(Status.UP, Status.UP, Status.UP, Status.UP, Status.UP)
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(Flux.range(0, 5).concatMap((i) -> indicator.health()).map(Health::getStatus))
			.expectNext(Status.UP, Status.UP, Status.UP, Status.UP, Status.UP)
			.expectComplete()
			.verify(TIMEOUT);
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v0/models")));
	}

	@Test
	void probeAfterTheCacheTtlCallsAgain() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		TuneTheModelHealthIndicator indicator = new TuneTheModelHealthIndicator(template(wireMock.baseUrl()),
				wireMock.baseUrl(), PROBE_TIMEOUT, Duration.ofMillis(100));
		StepVerifier.create(indicator.health().then(Mono.delay(Duration.ofMillis(300))).then(indicator.health()))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		wireMock.verify(2, getRequestedFor(urlEqualTo("/v0/models")));
	}

	private void assertDown(TuneTheModelHealthIndicator indicator, String reason, Integer statusCode) {
		assertDown(indicator, reason, statusCode, null);
	}

	private void assertDown(TuneTheModelHealthIndicator indicator, String reason, Integer statusCode, String error) {
		StepVerifier.create(indicator.health()).assertNext((health) -> {
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", reason).containsKey("baseUrl").containsKey("error");
			if (error != null) {
				assertThat(health.getDetails()).containsEntry("error", error);
			}
			if (statusCode != null) {
				assertThat(health.getDetails()).containsEntry("statusCode", statusCode);
			}
			else {
				assertThat(health.getDetails()).doesNotContainKey("statusCode");
			}
			assertThat(health.toString()).doesNotContain(API_KEY);
		}).expectComplete().verify(TIMEOUT);
	}

	private static TuneTheModelHealthIndicator indicator(String baseUrl, Duration timeout) {
		return new TuneTheModelHealthIndicator(template(baseUrl), baseUrl, timeout, Duration.ofSeconds(10));
	}

	private static TuneTheModelTemplate template(String baseUrl) {
		return TuneTheModelTemplate.builder().baseUrl(baseUrl).apiKey(API_KEY).build();
	}

}
