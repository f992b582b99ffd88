package dev.tunethemodel.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;

import dev.tunethemodel.batch.JavaProcesses.JavaProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of a job whose process is killed, as {@code kill -9} does, and which another
 * process recovers and restarts, on a database and a stub that the test serves to both.
 */
class KilledProcessRestartTests {

	private static final int REVIEWS = 200;

	// the stub leaves the reviews from this one on unanswered, so the kill finds the
	// chunks before committed and the next in flight
	private static final int FIRST_HELD = 6 * ReviewScoring.CHUNK;

	private static final Duration PROCESS = Duration.ofSeconds(45);

	@TempDir
	Path directory;

	private final ScoringStub stub = new ScoringStub();

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
	void aJobRestartedAfterItsProcessWasKilledScoresEachReviewOnceButThoseOfTheChunkInFlight() throws Exception {
		Path reviews = this.directory.resolve("reviews.txt");
		ReviewScoring.writeReviews(reviews, REVIEWS);
		this.stub.holding((input) -> Integer.parseInt(input) >= FIRST_HELD);

		JavaProcess first = this.processes.start("first", ScoringJobProcess.class, "start", this.stub.port(),
				this.database.url(), reviews);
		await().atMost(PROCESS)
			.pollInterval(Duration.ofMillis(50))
			.failFast("The first process exited", () -> !first.isAlive())
			.until(() -> rowCount() == FIRST_HELD && inFlight().size() > 0);
		first.kill();
		Map<Integer, Integer> requestsWhenKilled = requestsByReview();
		List<Integer> inFlight = inFlight();

		assertThat(rowCount()).isEqualTo(FIRST_HELD);
		assertThat(this.database.jobRepository().findRunningJobExecutions(ScoringJobProcess.JOB)).hasSize(1);

		this.stub.holding((input) -> false);
		JavaProcess second = this.processes.start("second", ScoringJobProcess.class, "restart", this.stub.port(),
				this.database.url(), reviews);
		assertThat(second.awaitExit(PROCESS)).as(second::output).isZero();

		JobInstance instance = this.database.jobRepository().getLastJobInstance(ScoringJobProcess.JOB);
		assertThat(this.database.jobRepository().getJobExecutions(instance)).extracting(JobExecution::getStatus)
			.containsExactlyInAnyOrder(BatchStatus.FAILED, BatchStatus.COMPLETED);
		assertThat(this.database.jdbcTemplate().queryForList("select id from scores order by id", Integer.class))
			.containsExactlyElementsOf(IntStream.range(0, REVIEWS).boxed().toList());
		assertThat(this.database.jdbcTemplate()
			.queryForList("select id from scores where worker = 'start' order by id", Integer.class))
			.as("rows of the killed process")
			.containsExactlyElementsOf(IntStream.range(0, FIRST_HELD).boxed().toList());
		Map<Integer, Integer> requests = requestsByReview();
		List<Integer> scoredAgain = requests.entrySet()
			.stream()
			.filter((review) -> review.getValue() > 1)
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		System.out.printf("Reviews scored again after the restart: %d of %d %s%n", scoredAgain.size(), REVIEWS,
				scoredAgain);
		assertThat(scoredAgain).hasSizeLessThanOrEqualTo(ReviewScoring.CHUNK)
			.containsExactlyElementsOf(inFlight)
			.allSatisfy(
					(review) -> assertThat(review / ReviewScoring.CHUNK).isEqualTo(FIRST_HELD / ReviewScoring.CHUNK));
		assertThat(requests).allSatisfy((review, count) -> assertThat(count).as("requests for review %d", review)
			.isEqualTo(inFlight.contains(review) ? requestsWhenKilled.get(review) + 1 : 1));
	}

	private int rowCount() {
		return this.database.jdbcTemplate().queryForObject("select count(*) from scores", Integer.class);
	}

	// the held reviews whose requests the stub received
	private List<Integer> inFlight() {
		return IntStream.range(FIRST_HELD, REVIEWS)
			.filter((review) -> this.stub.requests(Integer.toString(review)) > 0)
			.boxed()
			.toList();
	}

	private Map<Integer, Integer> requestsByReview() {
		return IntStream.range(0, REVIEWS)
			.boxed()
			.collect(Collectors.toMap(Function.identity(), (review) -> this.stub.requests(Integer.toString(review))));
	}

}
