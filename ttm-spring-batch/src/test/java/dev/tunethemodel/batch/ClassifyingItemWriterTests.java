package dev.tunethemodel.batch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.support.ListItemWriter;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests of {@link ClassifyingItemWriter} writing chunks itself, as a step would.
 */
class ClassifyingItemWriterTests {

	private static final Duration BOUND = Duration.ofSeconds(10);

	private final ScoringStub stub = new ScoringStub();

	private final TuneTheModelTemplate client = this.stub.client();

	private final ListItemWriter<Classified<Review>> delegate = new ListItemWriter<>();

	private final ClassifyingItemWriter<Review> writer = new ClassifyingItemWriter<>(this.client, "classifier",
			Review::text, this.delegate);

	@AfterEach
	void stopStub() {
		this.stub.close();
	}

	@Test
	void writeHandsTheDelegateEachItemWithItsClassificationInChunkOrder() throws Exception {
		List<Review> reviews = Review.range(0, 60);

		this.writer.write(new Chunk<>(reviews));

		assertThat(this.delegate.getWrittenItems()).extracting(Classified::item).containsExactlyElementsOf(reviews);
		assertThat(this.delegate.getWrittenItems())
			.allSatisfy((classified) -> assertThat(classified.classification().scores().get(0))
				.isEqualTo(classified.item().id()));
		assertThat(this.stub.requests()).isEqualTo(60);
	}

	@Test
	void writeScoresTheInputsAfterOneThatFailsAndThrowsTheFirstFailureAtItsPositionInTheChunk() {
		this.stub.refusing((input) -> input.equals("13") || input.equals("16"));
		List<Review> reviews = Review.range(10, 20);

		assertThatExceptionOfType(TuneTheModelInputFailedException.class)
			.isThrownBy(() -> this.writer.write(new Chunk<>(reviews)))
			.satisfies((ex) -> assertThat(ex.position()).isEqualTo(3))
			.havingCause()
			.isInstanceOf(TuneTheModelApiException.class);
		assertThat(this.delegate.getWrittenItems()).isEmpty();
		// each input is called once, the failed ones too
		assertThat(reviews).allSatisfy((review) -> assertThat(this.stub.requests(review.text())).isOne());
	}

	@Test
	void writesOfTheChunksItemsOneAtATimeAreAnsweredWithoutASecondCallButForTheFailedOnes() {
		this.stub.refusing((input) -> input.equals("13") || input.equals("16"));
		List<Review> reviews = Review.range(10, 20);
		assertThatExceptionOfType(TuneTheModelInputFailedException.class)
			.isThrownBy(() -> this.writer.write(new Chunk<>(reviews)));
		int requestsBeforeTheScan = this.stub.requests();

		for (Review review : reviews) {
			try {
				this.writer.write(new Chunk<>(review));
			}
			catch (Exception ex) {
				assertThat(ex).isInstanceOfSatisfying(TuneTheModelInputFailedException.class,
						(failure) -> assertThat(failure.position()).isZero());
			}
		}

		assertThat(this.delegate.getWrittenItems()).extracting(Classified::item)
			.containsExactlyElementsOf(
					reviews.stream().filter((review) -> review.id() != 13 && review.id() != 16).toList());
		assertThat(this.stub.requests() - requestsBeforeTheScan).isEqualTo(2);
		for (Review review : reviews) {
			int expected = (review.id() == 13 || review.id() == 16) ? 2 : 1;
			assertThat(this.stub.requests(review.text())).as(review.text()).isEqualTo(expected);
		}
	}

	@Test
	void aWriteOfOtherItemsDropsTheResultsOfTheChunkBefore() throws Exception {
		List<Review> first = Review.range(0, 5);
		this.writer.write(new Chunk<>(first));
		this.writer.write(new Chunk<>(Review.range(5, 10)));

		this.writer.write(new Chunk<>(first.get(0)));

		assertThat(this.stub.requests("0")).isEqualTo(2);
		assertThat(this.stub.requests("5")).isOne();
	}

	@Test
	void anInterruptedWriteCancelsItsCallsKeepsTheInterruptFlagAndThrows() throws Exception {
		Duration latency = Duration.ofMillis(400);
		this.stub.answeringAfter(latency);
		AtomicReference<Exception> failure = new AtomicReference<>();
		AtomicBoolean interruptFlag = new AtomicBoolean();
		Thread writing = new Thread(() -> {
			try {
				this.writer.write(new Chunk<>(Review.range(0, 40)));
			}
			catch (Exception ex) {
				failure.set(ex);
				interruptFlag.set(Thread.currentThread().isInterrupted());
			}
		});
		writing.start();
		await().atMost(BOUND).until(() -> this.stub.requests() > 0);
		int requestsBeforeTheInterrupt = this.stub.requests();

		writing.interrupt();
		writing.join(BOUND.toMillis());

		assertThat(writing.isAlive()).isFalse();
		assertThat(failure.get()).isInstanceOf(TuneTheModelException.class).hasMessageContaining("Interrupted");
		assertThat(interruptFlag).isTrue();
		// the calls in flight end after the latency: uncancelled, more would start then
		await().during(latency.multipliedBy(3))
			.atMost(BOUND)
			.until(() -> this.stub.requests() == requestsBeforeTheInterrupt);
		assertThat(this.delegate.getWrittenItems()).isEmpty();
	}

	@Test
	void writeRefusesToWaitOnANonBlockingThread() {
		Mono<Boolean> write = Mono.fromCallable(() -> {
			this.writer.write(new Chunk<>(Review.range(0, 3)));
			return true;
		}).subscribeOn(Schedulers.parallel());

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> write.block(BOUND))
			.withMessageContaining("non-blocking thread");
		assertThat(this.stub.requests()).isZero();
	}

	@Test
	void anItemWhoseTextTheClientRefusesFailsAsAnInputAfterTheOthersWereScored() {
		ClassifyingItemWriter<Review> blankForThirteen = new ClassifyingItemWriter<>(this.client, "classifier",
				(review) -> (review.id() == 13) ? " " : review.text(), this.delegate);

		CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
			try {
				blankForThirteen.write(new Chunk<>(Review.range(10, 20)));
			}
			catch (Exception ex) {
				throw new CompletionException(ex);
			}
		});

		// a new model's calls start one at a time: the blank text waits for a permit
		assertThat(write).failsWithin(BOUND)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(TuneTheModelInputFailedException.class)
			.withMessageContaining("position 3")
			.havingCause()
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(this.delegate.getWrittenItems()).isEmpty();
		assertThat(this.stub.requests()).isEqualTo(9);
		assertThat(this.stub.requests(" ")).isZero();
	}

	@Test
	void writeOfAnEmptyChunkHandsTheDelegateAnEmptyChunk() throws Exception {
		this.writer.write(new Chunk<>());

		assertThat(this.delegate.getWrittenItems()).isEmpty();
		assertThat(this.stub.requests()).isZero();
	}

	@Test
	void constructorRefusesMissingArgumentsWithClearMessages() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClassifyingItemWriter<Review>(null, "classifier", Review::text, this.delegate))
			.withMessage("The operations must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClassifyingItemWriter<>(this.client, null, Review::text, this.delegate))
			.withMessage("The model id must not be null or blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClassifyingItemWriter<>(this.client, " ", Review::text, this.delegate))
			.withMessage("The model id must not be null or blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClassifyingItemWriter<Review>(this.client, "classifier", null, this.delegate))
			.withMessage("The text function must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClassifyingItemWriter<>(this.client, "classifier", Review::text, null))
			.withMessage("The delegate writer must not be null");
	}

}
