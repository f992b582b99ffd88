package dev.tunethemodel.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.file.FlatFileItemWriter;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemWriterBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.FileSystemResource;

import dev.tunethemodel.client.error.TuneTheModelInputFailedException;
import dev.tunethemodel.testsupport.TraceLogging;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link ClassifyingItemWriter} in steps of Spring Batch on a JDBC job
 * repository, whose delegate inserts each scored item into a table in the chunk's
 * transaction.
 */
@ExtendWith(OutputCaptureExtension.class)
class ItemWriterStepTests {

	private static final int CHUNK = 10;

	@RegisterExtension
	final TraceLogging logging = new TraceLogging("dev.tunethemodel", "org.springframework.batch");

	private final ScoringStub stub = new ScoringStub();

	private final BatchDatabase database = new BatchDatabase();

	// how many times the delegate was handed each review
	private final Map<Integer, AtomicInteger> delegated = new ConcurrentHashMap<>();

	ItemWriterStepTests() throws Exception {
	}

	@AfterEach
	void stop() {
		this.stub.close();
		this.database.close();
	}

	@Test
	void aChunkWhoseDelegateFailsLeavesNoRowAndTheChunksBeforeStayCommitted() throws Exception {
		ItemWriter<Classified<Review>> failingOnTheThirdChunk = (chunk) -> {
			insert(chunk);
			if (chunk.getItems().get(0).item().id() == 2 * CHUNK) {
				throw new IllegalStateException("The table refuses the third chunk");
			}
		};

		JobExecution execution = this.database.run(step(failingOnTheThirdChunk).build());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(rowIds()).containsExactlyElementsOf(Review.range(0, 2 * CHUNK).stream().map(Review::id).toList());
		assertThat(this.delegated.get(2 * CHUNK)).hasValue(1);
	}

	@Test
	void aFaultTolerantStepSkipsTheInputThatFailsForGoodOnlyAndScoresNoOtherTwice(CapturedOutput output)
			throws Exception {
		this.stub.refusing("13"::equals);

		JobExecution execution = this.database
			.run(step(this::insert).faultTolerant().skip(TuneTheModelInputFailedException.class).build());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		StepExecution step = execution.getStepExecutions().iterator().next();
		assertThat(step.getSkipCount()).isOne();
		assertThat(step.getWriteSkipCount()).isOne();
		List<Integer> others = Review.range(0, 3 * CHUNK).stream().map(Review::id).filter((id) -> id != 13).toList();
		assertThat(rowIds()).containsExactlyElementsOf(others);
		assertThat(this.delegated).doesNotContainKey(13);
		assertThat(others).allSatisfy((id) -> {
			assertThat(this.delegated.get(id)).as("review %d handed to the delegate", id).hasValue(1);
			assertThat(this.stub.requests(Integer.toString(id))).as("requests for review %d", id).isOne();
		});
		assertThat(this.stub.requests("13")).isEqualTo(2);
		// Spring Batch did log the failure, so a leak would have been seen
		assertThat(output.getAll()).contains("The input at position 3").doesNotContain(ScoringStub.API_KEY);
	}

	@Test
	void rateLimitsNeverReachTheStep() throws Exception {
		this.stub.rateLimitingFirst(3);

		JobExecution execution = this.database
			.run(step(this::insert).faultTolerant().skip(TuneTheModelInputFailedException.class).build());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		StepExecution step = execution.getStepExecutions().iterator().next();
		assertThat(step.getSkipCount()).isZero();
		assertThat(step.getRollbackCount()).isZero();
		assertThat(rowIds()).hasSize(3 * CHUNK);
		assertThat(this.stub.rateLimited()).isEqualTo(3);
	}

	@Test
	void aDelegateThatIsAStreamIsOpenedAndClosedWithTheWriter(@TempDir Path directory) throws Exception {
		Path scores = directory.resolve("scores.csv");
		FlatFileItemWriter<Classified<Review>> file = new FlatFileItemWriterBuilder<Classified<Review>>().name("scores")
			.resource(new FileSystemResource(scores))
			.lineAggregator((classified) -> classified.item().id() + "," + classified.classification().scores().get(0))
			.build();

		JobExecution execution = this.database.run(step(file).build());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Files.readAllLines(scores)).hasSize(3 * CHUNK).startsWith("0,0.0", "1,1.0").endsWith("29,29.0");
	}

	private ChunkOrientedStepBuilder<Review, Review> step(ItemWriter<Classified<Review>> delegate) {
		return new StepBuilder("classify", this.database.jobRepository()).<Review, Review>chunk(CHUNK)
			.transactionManager(this.database.transactionManager())
			.reader(new ListItemReader<>(Review.range(0, 3 * CHUNK)))
			.writer(new ClassifyingItemWriter<>(this.stub.client(), "classifier", Review::text, delegate));
	}

	private void insert(Chunk<? extends Classified<Review>> chunk) {
		for (Classified<Review> classified : chunk) {
			this.delegated.computeIfAbsent(classified.item().id(), (id) -> new AtomicInteger()).incrementAndGet();
			this.database.jdbcTemplate()
				.update("insert into scores (id, score) values (?, ?)", classified.item().id(),
						classified.classification().scores().get(0));
		}
	}

	private List<Integer> rowIds() {
		return this.database.jdbcTemplate().queryForList("select id from scores order by id", Integer.class);
	}

}
