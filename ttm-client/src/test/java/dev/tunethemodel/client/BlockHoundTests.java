package dev.tunethemodel.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that BlockHound watches this test run: every test of the module runs with it, so
 * a blocking call on a reactive thread fails the test that makes it.
 */
class BlockHoundTests {

	@Test
	void blockingCallOnAReactiveThreadIsCaught() {
		Mono<String> blocking = Mono.fromCallable(() -> {
			Thread.sleep(1);
			return "slept";
		}).subscribeOn(Schedulers.parallel());
		StepVerifier.create(blocking)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(BlockingOperationError.class)
				.hasMessageContaining("java.lang.Thread.sleep"))
			.verify(Duration.ofSeconds(5));
	}

}
