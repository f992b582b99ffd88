package dev.tunethemodel.client;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.client.model.TrainingEvent.ModelCreated;
import dev.tunethemodel.testsupport.DroppedErrors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A training cancelled while the answer that created its model is passed on: the cancel
 * starts the clean-up before it reaches the steps, which the answer's thread moves on
 * meanwhile. The test holds both threads so that they meet in that order every time;
 * every answer comes from a filter, nothing goes over the network.
 */
class TrainingCancelRaceTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String MODEL = """
			{"status": "Created", "model_name": "m-1", "model_type": "classifier", "model_params": {"num_classes": 3},
			"user_name": "sentiment", "last_updated_time": "2022-06-10 17:52:35.81619"}
			""";

	@RegisterExtension
	final DroppedErrors dropped = new DroppedErrors();

	private final ExecutorService answerThread = Executors.newSingleThreadExecutor();

	private final CountDownLatch subscribed = new CountDownLatch(1);

	private final CountDownLatch modelCreated = new CountDownLatch(1);

	private final CountDownLatch cleanUpStarted = new CountDownLatch(1);

	private final Queue<String> requests = new ConcurrentLinkedQueue<>();

	private final Queue<Throwable> operatorErrors = new ConcurrentLinkedQueue<>();

	@AfterEach
	void stopTheAnswerThread() {
		Hooks.resetOnOperatorError(TrainingCancelRaceTests.class.getName());
		this.answerThread.shutdownNow();
	}

	@Test
	void cancelThatStartsTheCleanUpAsTheStepsMoveOnRunsNoStepWithoutItsFiles() throws InterruptedException {
		Hooks.onOperatorError(TrainingCancelRaceTests.class.getName(), (error, data) -> {
			this.operatorErrors.add(error);
			return error;
		});
		TuneTheModelTemplate template = TuneTheModelTemplate.builder()
			.webClientBuilder(WebClient.builder().filter(this::answer))
			.baseUrl("http://127.0.0.1:9")
			.apiKey("ttm-test-key-race")
			.retrySettings(RetrySettings.none())
			.build();
		HoldingSubscriber training = new HoldingSubscriber();
		template.trainWithProgress(CreateModelRequest.classifier("sentiment", 3), examples(), examples())
			.subscribe(training);
		this.subscribed.countDown();
		assertThat(this.modelCreated.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		training.dispose();
		assertThat(this.requests).containsExactly("POST /v0/models", "DELETE /v0/models/m-1/delete");
		assertThat(this.operatorErrors).isEmpty();
		assertThat(training.errors).isEmpty();
		assertThat(this.dropped.errors()).isEmpty();
	}

	private Mono<ClientResponse> answer(ClientRequest request, ExchangeFunction next) {
		String described = request.method() + " " + request.url().getPath();
		this.requests.add(described);
		if (described.equals("POST /v0/models")) {
			// on the answer thread, which the subscriber holds while it takes the event,
			// once
			// the test's thread is done subscribing: an answer before would be passed on
			// there
			return Mono.fromSupplier(() -> {
				await(this.subscribed);
				return model();
			}).subscribeOn(Schedulers.fromExecutorService(this.answerThread));
		}
		// the cancel's clean-up, started before the cancel reaches the steps
		this.cleanUpStarted.countDown();
		awaitTheAnswerThread();
		return Mono.fromSupplier(TrainingCancelRaceTests::model);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// the answer thread runs the steps the held event let go before it takes this task
	private void awaitTheAnswerThread() {
		try {
			this.answerThread.submit(() -> {
			}).get(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("The answer thread did not become free", ex);
		}
	}

	private static ClientResponse model() {
		return ClientResponse.create(HttpStatus.OK)
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.body(MODEL)
			.build();
	}

	private static Flux<ClassifierExample> examples() {
		return Flux.range(0, 40).map((i) -> new ClassifierExample("text " + i, i % 3));
	}

	/**
	 * Holds the thread that passes on the model's creation until the cancel has started
	 * the clean-up.
	 */
	private final class HoldingSubscriber extends BaseSubscriber<TrainingEvent> {

		private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();

		@Override
		protected void hookOnNext(TrainingEvent event) {
			if (event instanceof ModelCreated) {
				TrainingCancelRaceTests.this.modelCreated.countDown();
				await(TrainingCancelRaceTests.this.cleanUpStarted);
			}
		}

		@Override
		protected void hookOnError(Throwable error) {
			this.errors.add(error);
		}

	}

}
