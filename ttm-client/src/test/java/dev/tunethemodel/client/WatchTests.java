package dev.tunethemodel.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.error.TuneTheModelTrainingFailedException;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of {@link TuneTheModelTemplate#watch} and
 * {@link TuneTheModelTemplate#awaitReady}, most in virtual time: the template polls at
 * most every 30 seconds, and the tests move the clock instead of waiting.
 */
class WatchTests extends WireMockTemplateTests {

	private static final Duration POLL_INTERVAL = Duration.ofSeconds(30);

	private static final Duration VERIFY = Duration.ofSeconds(30);

	private static final String STATUS_PATH = "/v0/models/m-1/status";

	@BeforeEach
	void pollEveryThirtySeconds() {
		// calls never time out in virtual time, however far the clock moves
		this.template = TuneTheModelTemplate.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.retrySettings(RetrySettings.none())
			.timeout(Duration.ofDays(365))
			.pollInterval(POLL_INTERVAL)
			.build();
	}

	@Test
	void emitsEachChangeOfStatusOnceAndCompletesAfterReady() {
		stubStatuses("TrainRequested", "TrainRequested", "InQueue", "InQueue", "InQueue", "Training", "training",
				"Ready");
		StepVerifier.withVirtualTime(() -> this.template.watch("m-1").map(Model::status))
			.expectNext(ModelStatus.TRAIN_REQUESTED)
			.then(() -> pollUntil(3))
			.expectNext(ModelStatus.IN_QUEUE)
			.then(() -> pollUntil(6))
			.expectNext(ModelStatus.TRAINING)
			.then(() -> pollUntil(8))
			.expectNext(ModelStatus.READY)
			.expectComplete()
			.verify(VERIFY);
		wireMock.verify(8, getRequestedFor(urlEqualTo(STATUS_PATH)));
	}

	@Test
	void failsWhenTrainingFails() {
		stubStatuses("Training", "Training", "FitFailed");
		StepVerifier.withVirtualTime(() -> this.template.watch("m-1"))
			.assertNext((model) -> assertThat(model.status()).isEqualTo(ModelStatus.TRAINING))
			.then(() -> pollUntil(3))
			.expectErrorSatisfies((ex) -> assertThat(ex)
				.isInstanceOfSatisfying(TuneTheModelTrainingFailedException.class, (failed) -> {
					assertThat(failed.model().status()).isEqualTo(ModelStatus.FIT_FAILED);
					assertThat(failed).hasMessage("The training of model m-1 failed (status FitFailed)");
				}))
			.verify(VERIFY);
	}

	@Test
	void unknownStatusesAreToldApartByTheirText() {
		stubStatuses("Training", "Distilling", "Distilling", "Quantizing", "Ready");
		StepVerifier.withVirtualTime(() -> this.template.watch("m-1").map(Model::rawStatus))
			.expectNext("Training")
			.then(() -> pollUntil(2))
			.expectNext("Distilling")
			.then(() -> pollUntil(4))
			.expectNext("Quantizing")
			.then(() -> pollUntil(5))
			.expectNext("Ready")
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void cancellingStopsPolling() {
		stubStatuses("Training");
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.getOrSet();
		try {
			List<Model> seen = new CopyOnWriteArrayList<>();
			Disposable watch = this.template.watch("m-1").subscribe(seen::add);
			await().atMost(VERIFY).until(() -> seen.size() == 1);
			scheduler.advanceTimeBy(POLL_INTERVAL);
			await().atMost(VERIFY).until(() -> statusRequests() == 2);
			watch.dispose();
			// ten more intervals: a watch still polling would read ten more times
			scheduler.advanceTimeBy(POLL_INTERVAL.multipliedBy(10));
			await().pollDelay(Duration.ofMillis(300)).atMost(VERIFY).until(() -> true);
			assertThat(statusRequests()).isEqualTo(2);
		}
		finally {
			VirtualTimeScheduler.reset();
		}
	}

	@Test
	void transientErrorEndsTheWatchOnlyAfterTheRetryPolicy() {
		this.template = this.template.withRetrySettings(
				new RetrySettings(2, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5)));
		wireMock.stubFor(get(STATUS_PATH).inScenario("flaky")
			.whenScenarioStateIs(STARTED)
			.willReturn(okJson(model("Training")))
			.willSetStateTo("down"));
		wireMock.stubFor(get(STATUS_PATH).inScenario("flaky")
			.whenScenarioStateIs("down")
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		wireMock
			.stubFor(get(STATUS_PATH).inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(model("Ready"))));
		StepVerifier.withVirtualTime(() -> this.template.watch("m-1").map(Model::status))
			.expectNext(ModelStatus.TRAINING)
			.then(() -> pollUntil(3))
			.expectNext(ModelStatus.READY)
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void awaitReadyReturnsTheReadyModel() {
		stubStatuses("InQueue", "Training", "Ready");
		StepVerifier.withVirtualTime(() -> this.template.awaitReady("m-1", Duration.ofHours(5)))
			.then(() -> pollUntil(3))
			.assertNext((model) -> assertThat(model.status()).isEqualTo(ModelStatus.READY))
			.expectComplete()
			.verify(VERIFY);
	}

	@Test
	void awaitReadyTimesOutWithTheLastStatus() {
		stubStatuses("Training");
		// a day: far more than pollUntil moves the clock while a response is on the wire
		StepVerifier.withVirtualTime(() -> this.template.awaitReady("m-1", Duration.ofDays(1)))
			.then(() -> pollUntil(2))
			.thenAwait(Duration.ofDays(1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelTimeoutException.class)
				.hasMessage("Model m-1 was not ready within PT24H: its status is Training"))
			.verify(VERIFY);
	}

	@Test
	void awaitReadyReadsOnceMoreAtItsDeadline() {
		stubStatuses("Training", "Ready");
		// the deadline comes before the second regular read, a second after the first
		StepVerifier.create(this.template.awaitReady("m-1", Duration.ofMillis(300)))
			.assertNext((model) -> assertThat(model.status()).isEqualTo(ModelStatus.READY))
			.expectComplete()
			.verify(VERIFY);
		assertThat(statusRequests()).isEqualTo(2);
	}

	@Test
	void awaitReadyFailsWhenTheReadAtItsDeadlineFindsTheTrainingFailed() {
		stubStatuses("Training", "FitFailed");
		StepVerifier.create(this.template.awaitReady("m-1", Duration.ofMillis(300)))
			.expectError(TuneTheModelTrainingFailedException.class)
			.verify(VERIFY);
	}

	@Test
	void badArgumentsSendNothing() {
		StepVerifier.create(this.template.watch("../m-1")).expectError(IllegalArgumentException.class).verify(VERIFY);
		StepVerifier.create(this.template.awaitReady("m-1", Duration.ZERO))
			.expectErrorMessage("The timeout must be more than zero, but is PT0S")
			.verify(VERIFY);
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	/**
	 * Move the virtual clock one poll interval at a time until the API has been asked the
	 * given number of times: a poll whose answer is still on the wire has not scheduled
	 * the next yet, so the clock moves again until it has.
	 */
	private static void pollUntil(int requests) {
		VirtualTimeScheduler scheduler = VirtualTimeScheduler.get();
		await().atMost(VERIFY).pollInterval(Duration.ofMillis(10)).until(() -> {
			if (statusRequests() < requests) {
				scheduler.advanceTimeBy(POLL_INTERVAL);
			}
			return statusRequests() >= requests;
		});
	}

	private static int statusRequests() {
		return wireMock.findAll(getRequestedFor(urlEqualTo(STATUS_PATH))).size();
	}

	private static void stubStatuses(String... statuses) {
		for (int i = 0; i < statuses.length; i++) {
			String state = (i == 0) ? STARTED : "poll " + i;
			// the last status is answered from then on
			wireMock.stubFor(get(STATUS_PATH).inScenario("training")
				.whenScenarioStateIs(state)
				.willReturn(okJson(model(statuses[i])))
				.willSetStateTo((i < statuses.length - 1) ? "poll " + (i + 1) : state));
		}
	}

	private static String model(String status) {
		return "{\"status\": \"" + status + "\", \"model_name\": \"m-1\", \"model_type\": \"generator\"}";
	}

}
