package dev.tunethemodel.batch;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.error.TuneTheModelInputFailedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of a step partitioned over threads whose partitions score with one client, and
 * one writer: together they stay under the concurrency the account's calls learn.
 */
class PartitionedStepTests {

	private static final int PARTITIONS = 4;

	private static final int PER_PARTITION = 100;

	private static final int CHUNK = 10;

	private static final int LIMIT = 8;

	private final ScoringStub stub = new ScoringStub().answeringAfter(Duration.ofMillis(20));

	private final BatchDatabase database = new BatchDatabase();

	private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();

	PartitionedStepTests() throws Exception {
	}

	@AfterEach
	void stop() {
		this.context.close();
		this.stub.close();
		this.database.close();
	}

	@Test
	void partitionsOverThreadsTogetherStayUnderTheAccountsLimitAndScoreEachReviewOnce() throws Exception {
		JobExecution execution = this.database.run(partitionedStep(false));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(workerSteps(execution)).hasSize(PARTITIONS)
			.allSatisfy((worker) -> assertThat(worker.getWriteCount()).isEqualTo(PER_PARTITION));
		assertThat(rowIds()).containsExactlyElementsOf(ids(0, PARTITIONS * PER_PARTITION));
		assertThat(ids(0, PARTITIONS * PER_PARTITION))
			.allSatisfy((id) -> assertThat(this.stub.requests(Integer.toString(id))).isOne());
		// four partitions, each under a limit of its own, would have had 32 at once
		assertThat(this.stub.mostActive()).isEqualTo(LIMIT);
	}

	@Test
	void partitionsSharingOneWriterSkipTheirFailedInputsOnlyAndScoreNoOtherTwice() throws Exception {
		// one review of each partition fails for good, while the other partitions write
		List<Integer> refused = List.of(13, 157, 222, 391);
		this.stub.refusing((input) -> refused.contains(Integer.valueOf(input)));

		JobExecution execution = this.database.run(partitionedStep(true));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(workerSteps(execution)).allSatisfy((worker) -> assertThat(worker.getWriteSkipCount()).isOne());
		List<Integer> others = ids(0, PARTITIONS * PER_PARTITION).stream()
			.filter((id) -> !refused.contains(id))
			.toList();
		assertThat(rowIds()).containsExactlyElementsOf(others);
		assertThat(others).allSatisfy(
				(id) -> assertThat(this.stub.requests(Integer.toString(id))).as("requests for review %d", id).isOne());
		assertThat(refused).allSatisfy((id) -> assertThat(this.stub.requests(Integer.toString(id))).isEqualTo(2));
	}

	private Step partitionedStep(boolean skippingFailedInputs) {
		this.context.registerBean(BatchDatabase.class, () -> this.database);
		this.context.registerBean(TuneTheModelOperations.class,
				() -> this.stub.clientBuilder().bulkMaxConcurrency(LIMIT).build());
		this.context.register(WorkerConfiguration.class);
		this.context.refresh();
		Step worker = this.context.getBean(skippingFailedInputs ? "skippingWorker" : "worker", Step.class);
		return new StepBuilder("partitioned", this.database.jobRepository()).partitioner("worker", byRange())
			.step(worker)
			.gridSize(PARTITIONS)
			.taskExecutor(new SimpleAsyncTaskExecutor("partition-"))
			.build();
	}

	private static Partitioner byRange() {
		return (gridSize) -> {
			Map<String, ExecutionContext> partitions = new HashMap<>();
			for (int partition = 0; partition < gridSize; partition++) {
				ExecutionContext range = new ExecutionContext();
				range.putInt("first", partition * PER_PARTITION);
				partitions.put("partition" + partition, range);
			}
			return partitions;
		};
	}

	private static List<StepExecution> workerSteps(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().startsWith("worker"))
			.toList();
	}

	private List<Integer> rowIds() {
		return this.database.jdbcTemplate().queryForList("select id from scores order by id", Integer.class);
	}

	private static List<Integer> ids(int from, int to) {
		return IntStream.range(from, to).boxed().toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class WorkerConfiguration {

		@Bean
		static org.springframework.batch.core.scope.StepScope stepScope() {
			return new org.springframework.batch.core.scope.StepScope();
		}

		@Bean
		@StepScope
		ItemStreamReader<Review> reviews(@Value("#{stepExecutionContext['first']}") int first) {
			return new ReviewReader(first, PER_PARTITION);
		}

		@Bean
		ClassifyingItemWriter<Review> scores(TuneTheModelOperations operations, BatchDatabase database) {
			return new ClassifyingItemWriter<>(operations, "classifier", Review::text,
					(Chunk<? extends Classified<Review>> chunk) -> {
						for (Classified<Review> classified : chunk) {
							database.jdbcTemplate()
								.update("insert into scores (id, score) values (?, ?)", classified.item().id(),
										classified.classification().scores().get(0));
						}
					});
		}

		@Bean
		Step worker(BatchDatabase database, ItemStreamReader<Review> reviews, ClassifyingItemWriter<Review> scores) {
			return new StepBuilder("worker", database.jobRepository()).<Review, Review>chunk(CHUNK)
				.transactionManager(database.transactionManager())
				.reader(reviews)
				.writer(scores)
				.build();
		}

		@Bean
		Step skippingWorker(BatchDatabase database, ItemStreamReader<Review> reviews,
				ClassifyingItemWriter<Review> scores) {
			return new StepBuilder("worker", database.jobRepository()).<Review, Review>chunk(CHUNK)
				.transactionManager(database.transactionManager())
				.reader(reviews)
				.writer(scores)
				.faultTolerant()
				.skip(TuneTheModelInputFailedException.class)
				.build();
		}

	}

}
