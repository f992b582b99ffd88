package dev.tunethemodel.batch;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.support.ListItemWriter;

import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;
import dev.tunethemodel.client.model.GenerateRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link GeneratingItemWriter} writing chunks itself, as a step would.
 */
class GeneratingItemWriterTests {

	private final ScoringStub stub = new ScoringStub();

	private final TuneTheModelTemplate client = this.stub.client();

	private final ListItemWriter<Generated<Review>> delegate = new ListItemWriter<>();

	private final GeneratingItemWriter<Review> writer = new GeneratingItemWriter<>(this.client, "generator",
			(review) -> GenerateRequest.of(review.text()), this.delegate);

	@AfterEach
	void stopStub() {
		this.stub.close();
	}

	@Test
	void writeHandsTheDelegateEachItemWithItsGenerationInChunkOrder() throws Exception {
		List<Review> reviews = Review.range(0, 60);

		this.writer.write(new Chunk<>(reviews));

		assertThat(this.delegate.getWrittenItems()).extracting(Generated::item).containsExactlyElementsOf(reviews);
		assertThat(this.delegate.getWrittenItems()).allSatisfy((generated) -> assertThat(generated.generation().texts())
			.containsExactly("about " + generated.item().text()));
	}

	@Test
	void aRequestThatFailsIsThrownAfterTheOthersAndTheirGenerationsAnswerTheScan() {
		this.stub.refusing("2"::equals);
		List<Review> reviews = Review.range(0, 5);
		assertThatExceptionOfType(TuneTheModelInputFailedException.class)
			.isThrownBy(() -> this.writer.write(new Chunk<>(reviews)))
			.satisfies((ex) -> assertThat(ex.position()).isEqualTo(2));
		int requestsBeforeTheScan = this.stub.requests();

		for (Review review : reviews) {
			try {
				this.writer.write(new Chunk<>(review));
			}
			catch (TuneTheModelInputFailedException ex) {
				assertThat(review.id()).isEqualTo(2);
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		}

		assertThat(this.delegate.getWrittenItems()).extracting(Generated::item)
			.containsExactly(reviews.get(0), reviews.get(1), reviews.get(3), reviews.get(4));
		assertThat(this.stub.requests() - requestsBeforeTheScan).isOne();
		assertThat(this.stub.requests("2")).isEqualTo(2);
	}

	@Test
	void constructorRefusesMissingArgumentsWithClearMessages() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GeneratingItemWriter<Review>(null, "generator",
					(review) -> GenerateRequest.of(review.text()), this.delegate))
			.withMessage("The operations must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GeneratingItemWriter<Review>(this.client, "",
					(review) -> GenerateRequest.of(review.text()), this.delegate))
			.withMessage("The model id must not be null or blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GeneratingItemWriter<Review>(this.client, "generator", null, this.delegate))
			.withMessage("The request function must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new GeneratingItemWriter<Review>(this.client, "generator",
					(review) -> GenerateRequest.of(review.text()), null))
			.withMessage("The delegate writer must not be null");
	}

}
