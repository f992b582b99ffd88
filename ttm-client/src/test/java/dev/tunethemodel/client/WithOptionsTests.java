package dev.tunethemodel.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelAuthenticationException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelServerException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.testsupport.TraceLogging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests of {@link TuneTheModelTemplate#withOptions} and
 * {@link BlockingTuneTheModelTemplate#withOptions} against WireMock: a view's calls carry
 * its key and headers, end within its timeout and retry as it says, while the client's
 * own calls are unchanged; its errors never show its key.
 */
class WithOptionsTests extends WireMockTemplateTests {

	static final String VIEW_KEY = "ttm-tenant-key-8d1e5b39c0";

	private static final String MODEL = """
			{"status": "Ready", "model_name": "%s", "model_type": "classifier", "model_params": {"num_classes": 2},
			"last_updated_time": "2022-06-10 17:52:35.81619"}
			""";

	@Test
	void viewSendsItsKeyAndHeadersWhileTheClientSendsItsOwnAfterwards() {
		stubModels(Duration.ZERO);
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		TuneTheModelTemplate view = this.template.withOptions(RequestOptions.builder()
			.apiKey(VIEW_KEY)
			.header("X-Request-Id", "r-1")
			.header("X-Request-Id", "r-2")
			.header("X-Tenant", "t-1")
			.build());
		StepVerifier.create(view.getModel("m-1")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		StepVerifier.create(view.listModels()).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.template.getModel("m-2")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		StepVerifier.create(this.template.listModels()).expectComplete().verify(TIMEOUT);
		List<LoggedRequest> requests = requestsInOrder();
		assertThat(requests).hasSize(4);
		for (LoggedRequest request : requests.subList(0, 2)) {
			assertThat(request.getHeaders().getHeader("Authorization").values()).containsExactly(VIEW_KEY);
			assertThat(request.getHeaders().getHeader("X-Request-Id").values()).containsExactly("r-1", "r-2");
			assertThat(request.getHeader("X-Tenant")).isEqualTo("t-1");
			assertThat(request.getHeader("User-Agent")).isEqualTo(TuneTheModelTemplate.USER_AGENT);
			assertThat(request.getHeader("Accept")).isEqualTo("application/json");
		}
		for (LoggedRequest request : requests.subList(2, 4)) {
			assertSentByTheClient(request);
		}
	}

	@Test
	void viewAndClientCallingAtTheSameTimeEachSendTheirOwnKey() {
		stubModels(Duration.ofMillis(50));
		TuneTheModelTemplate view = this.template
			.withOptions(RequestOptions.builder().apiKey(VIEW_KEY).header("X-Tenant", "t-1").build());
		Flux<Model> calls = Flux.range(0, 16)
			.flatMap((i) -> Flux.merge(view.getModel("view-" + i), this.template.getModel("client-" + i)));
		StepVerifier.create(calls).expectNextCount(32).expectComplete().verify(TIMEOUT);
		List<LoggedRequest> requests = requestsInOrder();
		assertThat(requests).hasSize(32);
		for (LoggedRequest request : requests) {
			if (request.getUrl().startsWith("/v0/models/view-")) {
				assertThat(request.getHeader("Authorization")).isEqualTo(VIEW_KEY);
				assertThat(request.getHeader("X-Tenant")).isEqualTo("t-1");
			}
			else {
				assertSentByTheClient(request);
			}
		}
	}

	@Test
	void viewTimeoutEndsItsCallsButNotTheClients() {
		stubModels(Duration.ofMillis(1500));
		TuneTheModelTemplate view = this.template
			.withOptions(RequestOptions.builder().timeout(Duration.ofMillis(300)).build());
		StepVerifier.create(view.getModel("m-1"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelTimeoutException.class)
				.hasMessage("GET /v0/models/{model}/status [m-1] did not complete within 300ms (1 attempt)"))
			.verify(TIMEOUT);
		StepVerifier.create(this.template.getModel("m-2")).expectNextCount(1).expectComplete().verify(TIMEOUT);
	}

	@Test
	void viewRetriesAsItsSettingsSayAndTheClientAsItsOwn() {
		wireMock.stubFor(get(urlPathMatching("/v0/models/.*/status")).willReturn(aResponse().withStatus(503)));
		TuneTheModelTemplate view = this.template
			.withOptions(RequestOptions.builder().retrySettings(patient()).build());
		StepVerifier.create(view.getModel("m-1"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelServerException.class)
				.hasMessageContaining("after 3 attempts"))
			.verify(TIMEOUT);
		StepVerifier.create(this.template.getModel("m-2"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelServerException.class)
				.hasMessageNotContaining("attempts"))
			.verify(TIMEOUT);
		wireMock.verify(3, getRequestedFor(urlEqualTo("/v0/models/m-1/status")));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v0/models/m-2/status")));
	}

	@Test
	void withRetrySettingsOfAViewKeepsItsKeyAndHeaders() {
		wireMock.stubFor(get(urlPathMatching("/v0/models/.*/status")).willReturn(aResponse().withStatus(503)));
		TuneTheModelOperations view = this.template
			.withOptions(RequestOptions.builder().apiKey(VIEW_KEY).header("X-Tenant", "t-1").build())
			.withRetrySettings(patient());
		StepVerifier.create(view.getModel("m-1")).expectError(TuneTheModelServerException.class).verify(TIMEOUT);
		List<LoggedRequest> requests = requestsInOrder();
		assertThat(requests).hasSize(3).allSatisfy((request) -> {
			assertThat(request.getHeader("Authorization")).isEqualTo(VIEW_KEY);
			assertThat(request.getHeader("X-Tenant")).isEqualTo("t-1");
		});
	}

	@Test
	void withOptionsOfAViewMergesTheOptions() {
		stubModels(Duration.ZERO);
		wireMock
			.stubFor(get("/v0/models/slow/status").willReturn(okJson(MODEL.formatted("slow")).withFixedDelay(1500)));
		TuneTheModelTemplate first = this.template.withOptions(RequestOptions.builder()
			.apiKey("ttm-first-key-1234567890")
			.timeout(Duration.ofMillis(300))
			.header("X-Trace", "a")
			.header("X-Tenant", "t-1")
			.build());
		TuneTheModelTemplate merged = first
			.withOptions(RequestOptions.builder().apiKey(VIEW_KEY).header("x-trace", "b").build());
		StepVerifier.create(merged.getModel("m-1")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		StepVerifier.create(first.getModel("m-2")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		StepVerifier.create(merged.getModel("slow"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelTimeoutException.class)
				.hasMessageContaining("did not complete within 300ms"))
			.verify(TIMEOUT);
		List<LoggedRequest> requests = requestsInOrder();
		assertThat(requests.get(0).getHeader("Authorization")).isEqualTo(VIEW_KEY);
		assertThat(requests.get(0).getHeaders().getHeader("X-Trace").values()).containsExactly("b");
		assertThat(requests.get(0).getHeader("X-Tenant")).isEqualTo("t-1");
		assertThat(requests.get(1).getHeader("Authorization")).isEqualTo("ttm-first-key-1234567890");
		assertThat(requests.get(1).getHeaders().getHeader("X-Trace").values()).containsExactly("a");
	}

	@Test
	void classifyAllThroughAViewSendsItsKeyAndHeaderWithEveryInput() {
		wireMock.stubFor(post("/v0/models/m-1/classify").willReturn(okJson("{\"answer\": {\"scores\": [0.2, 0.8]}}")));
		TuneTheModelTemplate view = this.template
			.withOptions(RequestOptions.builder().apiKey(VIEW_KEY).header("X-Request-Id", "batch-7").build());
		StepVerifier.create(view.classifyAll("m-1", Flux.range(0, 20).map((i) -> "text " + i)))
			.expectNextCount(20)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(requestsInOrder()).hasSize(20).allSatisfy((request) -> {
			assertThat(request.getHeader("Authorization")).isEqualTo(VIEW_KEY);
			assertThat(request.getHeader("X-Request-Id")).isEqualTo("batch-7");
		});
	}

	@Test
	void errorsOfAViewShowNeitherItsKeyNorTheClients() {
		String echo = "invalid keys " + VIEW_KEY + " and " + API_KEY;
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(
				aResponse().withStatus(401).withHeader("WWW-Authenticate", "key=\"" + VIEW_KEY + "\"").withBody(echo)));
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(403).withBody(echo)));
		wireMock.stubFor(get("/v0/models/m-2/status").willReturn(okJson("{\"model_name\": " + VIEW_KEY)));
		TuneTheModelTemplate view = this.template
			.withOptions(RequestOptions.builder().apiKey(VIEW_KEY).header("X-Tenant", "t-1").build());
		TuneTheModelApiException refused = error(view.getModel("m-1"), TuneTheModelAuthenticationException.class);
		assertThat(refused).hasMessageContaining("invalid keys [API key] and [API key]");
		assertThat(refused.responseBody()).isEqualTo("invalid keys [API key] and [API key]");
		assertThat(refused.responseHeaders().getFirst("WWW-Authenticate")).isEqualTo("key=\"[API key]\"");
		assertThat(refused.toString()).doesNotContain(VIEW_KEY).doesNotContain(API_KEY);
		TuneTheModelApiException listRefused = error(view.listModels().then(),
				TuneTheModelAuthenticationException.class);
		assertThat(listRefused.responseBody()).isEqualTo("invalid keys [API key] and [API key]");
		TuneTheModelException unreadable = error(view.getModel("m-2"), TuneTheModelException.class);
		assertThat(unreadable).hasMessageContaining("cannot be read");
		for (Throwable ex : List.of(refused, listRefused, unreadable)) {
			assertThat(TraceLogging.stackTrace(ex)).doesNotContain(VIEW_KEY).doesNotContain(API_KEY);
		}
		assertThat(view.toString()).doesNotContain(VIEW_KEY)
			.isEqualTo("TuneTheModelTemplate[baseUrl=" + wireMock.baseUrl()
					+ ", options=RequestOptions[apiKey=[set], headers=[X-Tenant]]]");
	}

	@Test
	void invalidOptionsEndNothingAndSendNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.template.withOptions(null))
			.withMessage("The request options must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> this.template.withOptions(RequestOptions.builder().header("authorization", VIEW_KEY).build()))
			.withMessageNotContaining(VIEW_KEY);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.template.withOptions(RequestOptions.builder().apiKey(VIEW_KEY + " ").build()))
			.withMessageNotContaining(VIEW_KEY);
		assertThat(wireMock.getAllServeEvents()).isEmpty();
		stubModels(Duration.ZERO);
		StepVerifier.create(this.template.getModel("m-1")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertSentByTheClient(requestsInOrder().get(0));
	}

	@Test
	void blockingViewSendsItsKeyAndHeaderAndWaitsForItsTimeout() {
		stubModels(Duration.ofMillis(2000));
		TuneTheModelTemplate impatient = TuneTheModelTemplate.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.retrySettings(RetrySettings.none())
			.timeout(Duration.ofMillis(200))
			.build();
		BlockingTuneTheModelOperations view = new BlockingTuneTheModelTemplate(impatient)
			.withOptions(RequestOptions.builder().apiKey(VIEW_KEY).header("X-Tenant", "t-1").timeout(TIMEOUT).build());
		// the client's wait, 200ms and a second, would end before the answer
		assertThatNoException().isThrownBy(() -> assertThat(view.getModel("m-1").id()).isEqualTo("m-1"));
		LoggedRequest request = requestsInOrder().get(0);
		assertThat(request.getHeader("Authorization")).isEqualTo(VIEW_KEY);
		assertThat(request.getHeader("X-Tenant")).isEqualTo("t-1");
		assertThat(view.toString()).doesNotContain(VIEW_KEY);
	}

	private void stubModels(Duration delay) {
		wireMock.stubFor(get(urlPathMatching("/v0/models/[^/]+/status"))
			.willReturn(okJson(MODEL.formatted("m-1")).withFixedDelay((int) delay.toMillis())));
	}

	private static RetrySettings patient() {
		return new RetrySettings(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1));
	}

	private static <E extends Throwable> E error(Mono<?> call, Class<E> type) {
		Throwable[] error = new Throwable[1];
		StepVerifier.create(call).expectErrorSatisfies((ex) -> error[0] = ex).verify(TIMEOUT);
		assertThat(error[0]).isInstanceOf(type);
		return type.cast(error[0]);
	}

	private static void assertSentByTheClient(LoggedRequest request) {
		assertThat(request.getHeaders().getHeader("Authorization").values()).containsExactly(API_KEY);
		assertThat(request.containsHeader("X-Tenant")).isFalse();
		assertThat(request.containsHeader("X-Request-Id")).isFalse();
	}

	static List<LoggedRequest> requestsInOrder() {
		List<ServeEvent> events = new ArrayList<>(wireMock.getAllServeEvents());
		Collections.reverse(events);
		return events.stream().map(ServeEvent::getRequest).toList();
	}

}
