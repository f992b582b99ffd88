package dev.tunethemodel.batch;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of a job whose scoring step failed, restarted: it goes on from the last committed
 * chunk, and scores again the chunk in flight at most.
 */
class RestartTests {

	private static final int CHUNK = 10;

	private static final int REVIEWS = 100;

	private final ScoringStub stub = new ScoringStub();

	private final BatchDatabase database = new BatchDatabase();

	RestartTests() throws Exception {
	}

	@AfterEach
	void stop() {
		this.stub.close();
		this.database.close();
	}

	@Test
	void aStepThatFailedOnTheApiRestartsAfterItsLastCommittedChunkAndScoresAgainOneChunkAtMost() throws Exception {
		// the API refuses review 45 until it is fixed; the step has no skip
		this.stub.refusing("45"::equals);
		JobExecution failed = this.database.run(step());
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(rowIds()).containsExactlyElementsOf(ids(0, 40));

		this.stub.refusing((input) -> false);
		JobExecution restarted = this.database.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
		assertThat(rowIds()).containsExactlyElementsOf(ids(0, REVIEWS));
		List<Integer> scoredTwice = ids(0, REVIEWS).stream()
			.filter((id) -> this.stub.requests(Integer.toString(id)) > 1)
			.toList();
		assertThat(scoredTwice).containsExactlyElementsOf(ids(40, 50));
		assertThat(ids(0, REVIEWS))
			.allSatisfy((id) -> assertThat(this.stub.requests(Integer.toString(id))).as("requests for review %d", id)
				.isEqualTo(scoredTwice.contains(id) ? 2 : 1));
	}

	@Test
	void aStepThatFailedOnItsDelegateRestartsAfterItsLastCommittedChunk() throws Exception {
		boolean[] tableRefuses = { true };
		JobExecution failed = this.database.run(step((chunk) -> {
			insert(chunk);
			if (tableRefuses[0] && chunk.getItems().get(0).item().id() == 7 * CHUNK) {
				throw new IllegalStateException("The table refuses the eighth chunk");
			}
		}));
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(rowIds()).containsExactlyElementsOf(ids(0, 7 * CHUNK));

		tableRefuses[0] = false;
		JobExecution restarted = this.database.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rowIds()).containsExactlyElementsOf(ids(0, REVIEWS));
		assertThat(this.stub.requests()).isEqualTo(REVIEWS + CHUNK);
	}

	private Step step() {
		return step(this::insert);
	}

	private Step step(ItemWriter<Classified<Review>> delegate) {
		return new StepBuilder("classify", this.database.jobRepository()).<Review, Review>chunk(CHUNK)
			.transactionManager(this.database.transactionManager())
			.reader(new ReviewReader(0, REVIEWS))
			.writer(new ClassifyingItemWriter<>(this.stub.client(), "classifier", Review::text, delegate))
			.build();
	}

	private void insert(Chunk<? extends Classified<Review>> chunk) {
		for (Classified<Review> classified : chunk) {
			this.database.jdbcTemplate()
				.update("insert into scores (id, score) values (?, ?)", classified.item().id(),
						classified.classification().scores().get(0));
		}
	}

	private List<Integer> rowIds() {
		return this.database.jdbcTemplate().queryForList("select id from scores order by id", Integer.class);
	}

	private static List<Integer> ids(int from, int to) {
		return IntStream.range(from, to).boxed().toList();
	}

}
