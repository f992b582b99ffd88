package dev.tunethemodel.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilder;

import dev.tunethemodel.batch.JavaProcesses.JavaProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of a step partitioned over two worker processes by a manager in the test, which
 * sends the partitions' requests through a table of the shared database and waits for the
 * workers by polling the job repository: no broker.
 */
class RemotePartitioningTests {

	private static final int REVIEWS = 300;

	private static final int PARTITIONS = 6;

	private static final Duration STARTED = Duration.ofSeconds(30);

	// a partition takes its worker long enough for the other one to take the next
	private static final Duration LATENCY = Duration.ofMillis(100);

	@TempDir
	Path directory;

	private final ScoringStub stub = new ScoringStub().answeringAfter(LATENCY);

	private JavaProcesses processes;

	private SharedBatchDatabase database;

	@BeforeEach
	void start() throws Exception {
		this.processes = new JavaProcesses(this.directory);
		this.database = new SharedBatchDatabase(this.directory);
	}

	@AfterEach
	void stop() {
		this.processes.close();
		this.stub.close();
		if (this.database != null) {
			this.database.close();
		}
	}

	@Test
	void twoWorkerProcessesScoreEachReviewOfTheFileOnce() throws Exception {
		Path reviews = this.directory.resolve("reviews.txt");
		ReviewScoring.writeReviews(reviews, REVIEWS);
		List<String> workers = List.of("worker-a", "worker-b");
		List<JavaProcess> started = new ArrayList<>();
		for (String worker : workers) {
			started.add(this.processes.start(worker, PartitionWorkerProcess.class, worker, this.stub.port(),
					this.database.url(), reviews));
		}
		started.forEach((worker) -> worker.awaitOutput(PartitionWorkerProcess.READY, STARTED));

		JobExecution execution = run(manager());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getStepExecutions()).hasSize(1 + PARTITIONS);
		assertThat(this.database.jdbcTemplate().queryForList("select id from scores order by id", Integer.class))
			.containsExactlyElementsOf(IntStream.range(0, REVIEWS).boxed().toList());
		assertThat(IntStream.range(0, REVIEWS))
			.allSatisfy((review) -> assertThat(this.stub.requests(Integer.toString(review)))
				.as("requests for review %d", review)
				.isOne());
		List<Map<String, Object>> rowsByWorker = this.database.jdbcTemplate()
			.queryForList("select worker, count(*) as scored from scores group by worker order by worker");
		System.out.printf("Rows scored by each worker: %s%n", rowsByWorker);
		assertThat(rowsByWorker).extracting((rows) -> rows.get("WORKER")).containsExactlyElementsOf(workers);
	}

	private Step manager() {
		return new RemotePartitioningManagerStepBuilder("manager", this.database.jobRepository())
			.partitioner(PartitionWorkerProcess.STEP, byLines())
			.gridSize(PARTITIONS)
			.outputChannel(ReviewScoring.partitionRequests(this.database.dataSource()))
			.pollInterval(100)
			.timeout(Duration.ofSeconds(30).toMillis())
			.build();
	}

	// ranges of the file's lines of one size
	private static Partitioner byLines() {
		return (gridSize) -> {
			int lines = REVIEWS / gridSize;
			Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
			for (int partition = 0; partition < gridSize; partition++) {
				ExecutionContext range = new ExecutionContext();
				range.putInt("from", partition * lines);
				range.putInt("to", (partition + 1) * lines);
				partitions.put("lines" + partition, range);
			}
			return partitions;
		};
	}

	private JobExecution run(Step manager) throws Exception {
		Job job = new JobBuilder("remoteScoring", this.database.jobRepository()).start(manager).build();
		TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
		operator.setJobRepository(this.database.jobRepository());
		operator.setJobRegistry(new MapJobRegistry());
		operator.afterPropertiesSet();
		return operator.start(job, new JobParameters());
	}

}
