package dev.tunethemodel.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import dev.tunethemodel.testsupport.DroppedErrors;
import dev.tunethemodel.testsupport.HostileSuite;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors, the JVM's among them, thrown inside a bulk call: each ends the call with that
 * error, in bounded time, and none is dropped. Part of the hostile suite.
 */
@HostileSuite
class BulkCallErrorTests {

	private static final Duration VERIFY = Duration.ofSeconds(30);

	@RegisterExtension
	final DroppedErrors dropped = new DroppedErrors();

	static Stream<Error> errors() {
		return Stream.of(new OutOfMemoryError("injected"), new StackOverflowError("injected"),
				new AssertionError("injected"), new InternalError("injected"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("errors")
	void errorOfTheResultFunctionEndsTheCall(Error error) {
		Flux<Integer> results = run(Flux.range(0, 100), (input, answer) -> {
			if (input == 50) {
				throw error;
			}
			return answer;
		});
		// the call ends at once: results of the inputs before may be dropped, none after
		StepVerifier.create(results)
			.thenConsumeWhile((result) -> result < 50)
			.expectErrorMatches((ex) -> ex == error)
			.verify(VERIFY);
		assertThat(this.dropped.errors()).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("errors")
	void errorOfTheResultFunctionOnAnAnswerOfAnotherThreadEndsTheCall(Error error) {
		Flux<Integer> results = run(Flux.range(0, 100), (input, answer) -> {
			if (input == 50) {
				throw error;
			}
			return answer;
		}, (input) -> Mono.just(input).delayElement(Duration.ofMillis(1), Schedulers.parallel()));
		// the call ends at once: results of the inputs before may be dropped, none after
		StepVerifier.create(results)
			.thenConsumeWhile((result) -> result < 50)
			.expectErrorMatches((ex) -> ex == error)
			.verify(VERIFY);
		assertThat(this.dropped.errors()).isEmpty();
	}

	@Test
	void fatalErrorOfTheSubscriberEndsTheCallAndCancelsTheInputs() {
		OutOfMemoryError error = new OutOfMemoryError("injected");
		AtomicBoolean inputsCancelled = new AtomicBoolean();
		Flux<Integer> inputs = Flux.range(0, 1_000).doOnCancel(() -> inputsCancelled.set(true));
		Flux<Integer> results = run(inputs, (input, answer) -> answer,
				(input) -> Mono.just(input).delayElement(Duration.ofMillis(1), Schedulers.parallel()))
			.doOnNext((result) -> {
				// Reactor's operators rethrow what the JVM cannot recover from
				if (result == 10) {
					throw error;
				}
			});
		StepVerifier.create(results).expectNextCount(10).expectErrorMatches((ex) -> ex == error).verify(VERIFY);
		assertThat(inputsCancelled).isTrue();
		assertThat(this.dropped.errors()).isEmpty();
	}

	@Test
	void fatalErrorOfTheSubscriberOfClassifyAllEndsIt() {
		OutOfMemoryError error = new OutOfMemoryError("injected");
		try (InferenceStub stub = new InferenceStub(Integer.MAX_VALUE, (input) -> Duration.ofMillis(1), "1")) {
			Flux<Double> results = stub.client()
				.build()
				.classifyAll("m-1", Flux.range(0, 200).map(String::valueOf))
				.map((classification) -> {
					if (classification.scores().get(0) == 20) {
						throw error;
					}
					return classification.scores().get(0);
				});
			StepVerifier.create(results).expectNextCount(20).expectErrorMatches((ex) -> ex == error).verify(VERIFY);
		}
		assertThat(this.dropped.errors()).isEmpty();
	}

	private static Flux<Integer> run(Flux<Integer> inputs, BiFunction<Integer, Integer, Integer> results) {
		return run(inputs, results, Mono::just);
	}

	private static Flux<Integer> run(Flux<Integer> inputs, BiFunction<Integer, Integer, Integer> results,
			Function<Integer, Mono<Integer>> answers) {
		Retries retries = new Retries(RetrySettings.defaults());
		ApiErrors errors = new ApiErrors("test-key", URI.create("https://api.tunethemodel.com"), Clock.systemUTC());
		return BulkCalls.run(inputs,
				(input) -> new ScheduledCall<>(() -> answers.apply(input), () -> "call " + input, true, retries, errors,
						VERIFY),
				results, new ModelConcurrency(8, VERIFY, ModelConcurrencies.FORGET_AFTER, System::nanoTime), 8, 1024,
				null);
	}

}
