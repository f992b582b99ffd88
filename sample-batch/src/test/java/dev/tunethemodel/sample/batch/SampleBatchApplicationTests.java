package dev.tunethemodel.sample.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.tunethemodel.batch.Classified;
import dev.tunethemodel.client.BlockingTuneTheModelTemplate;
import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.dataset.TrainingData;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.emulator.EmulatorRequest;
import dev.tunethemodel.emulator.TuneTheModelEmulator;
import dev.tunethemodel.sample.demo.SentimentDemoScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests of the sample, run as a user runs it, on a file database of its own: offline
 * without a key, and, for the runs that fail and continue, with the key of an emulator
 * the test starts, whose requests show what was scored, and a classifier it trained.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleBatchApplicationTests {

	private static final int BUNDLED_REVIEWS = 330;

	private static final int CHUNK = 50;

	// longer than the emulator takes in a request, which it refuses with a 413
	private static final String TOO_LONG = "Long ".repeat(60_000);

	@TempDir
	Path directory;

	private TuneTheModelEmulator emulator;

	private String modelId;

	@BeforeEach
	void startTheEmulatorWithAClassifier() {
		this.emulator = TuneTheModelEmulator.builder()
			.trainingTime(Duration.ofMillis(200))
			.processingTime(Duration.ofMillis(50))
			.start();
		BlockingTuneTheModelTemplate tuneTheModel = new BlockingTuneTheModelTemplate(
				TuneTheModelTemplate.builder().baseUrl(this.emulator.baseUrl()).apiKey(this.emulator.apiKey()).build());
		TrainingData.Split<ClassifierExample> reviews = SentimentDemoScript.reviews();
		this.modelId = tuneTheModel
			.train(SentimentDemoScript.model(), TrainingData.iterable(reviews.training()),
					TrainingData.iterable(reviews.validation()))
			.id();
		tuneTheModel.awaitReady(this.modelId, Duration.ofMinutes(1));
	}

	@AfterEach
	void stopTheEmulator() {
		this.emulator.close();
	}

	@Test
	void scoresTheBundledReviewsOfflineWithAClassifierItTrains(CapturedOutput output) throws IOException {
		String emulatorKey;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleBatchApplication.class)
			.run(database(), "--tunethemodel.api-key=")) {
			emulatorKey = context.getBean(TuneTheModelEmulator.class).apiKey();
			assertThat(SpringApplication.exit(context)).isZero();
		}
		Map<Long, String> sentiments = bundledSentiments();
		List<Map<String, Object>> rows = rows();
		assertThat(rows).extracting((row) -> ((Number) row.get("LINE")).longValue())
			.containsExactlyElementsOf(sentiments.keySet().stream().sorted().toList());
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.get("LABEL")).isIn("negative", "positive");
			assertThat(((Number) row.get("SCORE")).doubleValue()).isBetween(0.5, 1.0);
		});
		long agreeing = rows.stream()
			.filter((row) -> row.get("LABEL").equals(sentiments.get(((Number) row.get("LINE")).longValue())))
			.count();
		assertThat(agreeing).isGreaterThan(BUNDLED_REVIEWS * 8L / 10);
		assertThat(output.getAll()).contains("Done (COMPLETED): 330 reviews")
			.contains("Job scoreReviews completed")
			.doesNotContain(emulatorKey);
	}

	@Test
	void logsItsProgressAfterEachChunkWhenToldToWithTheReviewsLeft(CapturedOutput output) {
		run("--scoring.progress-interval=0");

		assertThat(output.getAll()).contains("Scoring 330 of the 330 reviews of class path resource")
			.contains("Scored 50 reviews in ", ", 280 left")
			.contains("Scored 300 reviews in ", ", 30 left")
			.contains("Done (COMPLETED): 330 reviews in ", ", 0 skipped, 0 left")
			.doesNotContain(this.emulator.apiKey());
	}

	@Test
	void aFailedRunContinuesFromItsLastCommittedChunkAndScoresNoReviewTwiceButThoseOfTheFailedChunk(
			CapturedOutput output) {
		assertThat(run(new Class<?>[] { SampleBatchApplication.class, FailingTableOnTheThirdChunk.class })).isOne();
		assertThat(rowLines()).containsExactlyElementsOf(lines(2, 2 + 2 * CHUNK));
		assertThat(scoringRequests()).isEqualTo(3 * CHUNK);

		assertThat(run()).isZero();

		assertThat(rowLines()).containsExactlyElementsOf(lines(2, 2 + BUNDLED_REVIEWS));
		assertThat(scoringRequests()).isEqualTo(BUNDLED_REVIEWS + CHUNK);
		assertThat(output.getAll()).contains("ended FAILED: run the same command again")
			.contains("from its last committed chunk")
			.contains("Scoring 230 of the 330 reviews");
	}

	@Test
	void aRunLeftStartedByAKilledProcessIsContinuedWithRestartOnly(CapturedOutput output) {
		assertThat(run(new Class<?>[] { SampleBatchApplication.class, FailingTableOnTheThirdChunk.class })).isOne();
		leaveTheLastRunStarted();

		assertThatException().isThrownBy(this::run)
			.satisfies((ex) -> assertThat(NestedExceptionUtils.getMostSpecificCause(ex))
				.hasMessageContaining("is STARTED: its process was killed, or it still runs elsewhere")
				.hasMessageContaining("run again with --restart"));
		assertThat(rowLines()).hasSize(2 * CHUNK);
		assertThat(scoringRequests()).isEqualTo(3 * CHUNK);

		assertThat(run("--restart")).isZero();

		assertThat(rowLines()).containsExactlyElementsOf(lines(2, 2 + BUNDLED_REVIEWS));
		assertThat(scoringRequests()).isEqualTo(BUNDLED_REVIEWS + CHUNK);
		assertThat(output.getAll()).contains("left STARTED by a run that was killed");
	}

	@Test
	void aCompletedFileIsScoredAgainAsANewRun() {
		assertThat(run()).isZero();
		assertThat(run()).isZero();

		assertThat(rowLines()).hasSize(BUNDLED_REVIEWS);
		assertThat(scoringRequests()).isEqualTo(2 * BUNDLED_REVIEWS);
		assertThat(jdbcTemplate().queryForObject("select count(*) from batch_job_instance", Integer.class))
			.isEqualTo(2);
	}

	@Test
	void skipsAndLogsTheReviewsTheApiRefusesAndScoresTheOthers(CapturedOutput output) throws IOException {
		Path reviews = this.directory.resolve("reviews.csv");
		Files.write(reviews, List.of("text,sentiment", "The room was wonderful.,positive", TOO_LONG + ",negative",
				"The soup was cold.,negative", "\" \",positive", "The staff were friendly.,positive"));

		assertThat(run("--reviews.file=" + reviews)).isZero();

		assertThat(rowLines()).containsExactly(2L, 4L, 6L);
		assertThat(output.getAll()).contains("Skipped the review of line 3, which the API refused: ")
			.contains("Skipped the review of line 5, which has no text")
			.contains("Done (COMPLETED): 3 reviews in ", ", 2 skipped, 0 left")
			.doesNotContain(this.emulator.apiKey());
	}

	@Test
	void failsWhenTheApiRefusesMoreReviewsThanTheSkipLimit(CapturedOutput output) throws IOException {
		Path reviews = this.directory.resolve("reviews.csv");
		Files.write(reviews,
				List.of("text,sentiment", TOO_LONG + ",negative", TOO_LONG + ",negative", "Fine.,positive"));

		assertThat(run("--reviews.file=" + reviews, "--scoring.skip-limit=1")).isOne();

		assertThat(output.getAll()).contains("SkipLimitExceededException").contains("ended FAILED");
	}

	@Test
	void generatesTheReviewsAskedForOnceAndScoresThem(CapturedOutput output) throws IOException {
		Path generated = this.directory.resolve("generated.csv");

		assertThat(run("--reviews.generate=500", "--reviews.file=" + generated)).isZero();

		try (var lines = Files.lines(generated)) {
			assertThat(lines.count()).isEqualTo(501);
		}
		assertThat(rowLines()).containsExactlyElementsOf(lines(2, 502));
		assertThat(run("--reviews.generate=500", "--reviews.file=" + generated)).isZero();
		assertThat(output.getAll()).containsOnlyOnce("Generated 500 reviews into " + generated)
			.contains("Scoring the 500 generated reviews of " + generated + ", written before");
	}

	@Test
	void stopsAtStartupAndSaysWhichPropertyToSetWithAnApiKeyAndNoModelId(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(SampleBatchApplication.class).run(database(),
					"--tunethemodel.api-key=" + this.emulator.apiKey(),
					"--tunethemodel.base-url=" + this.emulator.baseUrl()))
			.havingRootCause()
			.withMessageContaining("set --scoring.model-id=<the id of a ready classifier>");
		assertThat(output.getAll()).doesNotContain(this.emulator.apiKey());
	}

	private int run(String... args) {
		return run(new Class<?>[] { SampleBatchApplication.class }, args);
	}

	// the application's exit code, as its main method would exit with
	private int run(Class<?>[] sources, String... args) {
		List<String> all = new ArrayList<>(List.of(database(), "--tunethemodel.api-key=" + this.emulator.apiKey(),
				"--tunethemodel.base-url=" + this.emulator.baseUrl(), "--scoring.model-id=" + this.modelId,
				"--scoring.chunk-size=" + CHUNK));
		all.addAll(List.of(args));
		return SpringApplication.exit(new SpringApplicationBuilder(sources).run(all.toArray(String[]::new)));
	}

	private String database() {
		return "--spring.datasource.url=" + databaseUrl();
	}

	private String databaseUrl() {
		return "jdbc:h2:file:" + this.directory.resolve("db").toAbsolutePath();
	}

	private JdbcTemplate jdbcTemplate() {
		return new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), databaseUrl()));
	}

	private List<Map<String, Object>> rows() {
		return jdbcTemplate().queryForList("select line, label, score from review_scores order by line");
	}

	private List<Long> rowLines() {
		return jdbcTemplate().queryForList("select line from review_scores order by line", Long.class);
	}

	// what a killed process leaves: the job and the step STARTED, with no end
	private void leaveTheLastRunStarted() {
		JdbcTemplate jdbcTemplate = jdbcTemplate();
		Long execution = jdbcTemplate.queryForObject("select max(job_execution_id) from batch_job_execution",
				Long.class);
		jdbcTemplate.update("update batch_job_execution set status = 'STARTED', exit_code = 'UNKNOWN', end_time = null "
				+ "where job_execution_id = ?", execution);
		jdbcTemplate.update("update batch_step_execution set status = 'STARTED', exit_code = 'EXECUTING', "
				+ "end_time = null where job_execution_id = ? and step_name = 'scoreReviews'", execution);
	}

	private long scoringRequests() {
		String path = "/v0/models/" + this.modelId + "/classify";
		return this.emulator.requests().stream().map(EmulatorRequest::path).filter(path::equals).count();
	}

	private static List<Long> lines(long from, long to) {
		return LongStream.range(from, to).boxed().toList();
	}

	// the sentiment of each line of the bundled reviews, the header being line 1
	private static Map<Long, String> bundledSentiments() throws IOException {
		List<String> lines = new ClassPathResource("datasets/reviews.csv").getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.toList();
		return IntStream.range(1, lines.size())
			.boxed()
			.collect(Collectors.toMap((index) -> index + 1L,
					(index) -> lines.get(index).substring(lines.get(index).lastIndexOf(',') + 1)));
	}

	/**
	 * The table refuses the third chunk, after its rows were inserted, as a database that
	 * fails in the middle of a run does.
	 */
	@Configuration(proxyBeanMethods = false)
	static class FailingTableOnTheThirdChunk {

		@Bean
		static BeanPostProcessor failingOnTheThirdChunk() {
			return new BeanPostProcessor() {

				@Override
				@SuppressWarnings("unchecked")
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!beanName.equals("reviewScoreWriter")) {
						return bean;
					}
					ItemWriter<Classified<Review>> table = (ItemWriter<Classified<Review>>) bean;
					int[] chunks = new int[1];
					return (ItemWriter<Classified<Review>>) (chunk) -> {
						table.write(chunk);
						if (++chunks[0] == 3) {
							throw new DataAccessResourceFailureException("The database refused the third chunk");
						}
					};
				}

			};
		}

	}

}
