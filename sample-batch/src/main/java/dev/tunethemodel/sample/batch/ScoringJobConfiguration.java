package dev.tunethemodel.sample.batch;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.batch.infrastructure.item.file.transform.DelimitedLineTokenizer;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import dev.tunethemodel.batch.Classified;
import dev.tunethemodel.batch.ClassifyingItemWriter;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.model.ClassLabels;

/**
 * The job {@value #JOB}: a step that empties the table {@code review_scores}, run once
 * per file, then a fault-tolerant chunk step that reads the reviews, scores each chunk
 * with a {@link ClassifyingItemWriter} and inserts the scores with a
 * {@link JdbcBatchItemWriter}, in the chunk's transaction.
 */
@Configuration(proxyBeanMethods = false)
class ScoringJobConfiguration {

	/**
	 * The job's name.
	 */
	static final String JOB = "scoreReviews";

	/**
	 * The name of the reader, which keys its position in the step's execution context.
	 */
	static final String READER = "reviewReader";

	/**
	 * The identifying job parameter of the reviews' location, {@code classpath:} or
	 * {@code file:}.
	 */
	static final String REVIEWS_PARAMETER = "reviews";

	/**
	 * The identifying job parameter that tells runs of one file apart.
	 */
	static final String RUN_PARAMETER = "run";

	/**
	 * The job parameter of the classifier's id, not identifying: a rerun may score with
	 * another id of the same classifier, such as one trained again on the emulator.
	 */
	static final String MODEL_PARAMETER = "model.id";

	@Bean
	Job scoreReviews(JobRepository jobRepository, Step clearScores, Step scoreReviewsStep) {
		return new JobBuilder(JOB, jobRepository).start(clearScores).next(scoreReviewsStep).build();
	}

	@Bean
	Step clearScores(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcTemplate jdbcTemplate) {
		return new StepBuilder("clearScores", jobRepository).tasklet((contribution, chunkContext) -> {
			jdbcTemplate.update("delete from review_scores");
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step scoreReviewsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			FlatFileItemReader<Review> reviewReader, ClassifyingItemWriter<Review> reviewScorer,
			ScoringProperties properties, ResourceLoader resourceLoader) {
		return new StepBuilder("scoreReviews", jobRepository).<Review, Review>chunk(properties.getChunkSize())
			.transactionManager(transactionManager)
			.reader(reviewReader)
			.processor(ScoringJobConfiguration::withText)
			.writer(reviewScorer)
			.faultTolerant()
			.skipPolicy(new RefusedInputSkipPolicy(properties.getSkipLimit()))
			.listener(new ScoringProgress(resourceLoader, properties.getProgressInterval()))
			.build();
	}

	// a blank review is not sent: the client refuses it before any request
	private static @Nullable Review withText(Review review) {
		return review.text().isBlank() ? null : review;
	}

	@Bean
	@StepScope
	FlatFileItemReader<Review> reviewReader(@Value("#{jobParameters['" + REVIEWS_PARAMETER + "']}") String reviews,
			ResourceLoader resourceLoader) {
		DelimitedLineTokenizer firstColumn = new DelimitedLineTokenizer();
		firstColumn.setIncludedFields(0);
		firstColumn.setStrict(false);
		return new FlatFileItemReaderBuilder<Review>().name(READER)
			.resource(resourceLoader.getResource(reviews))
			.encoding("UTF-8")
			.linesToSkip(1)
			.lineMapper((line, lineNumber) -> new Review(lineNumber, firstColumn.tokenize(line).readString(0)))
			.build();
	}

	@Bean
	@StepScope
	ClassifyingItemWriter<Review> reviewScorer(@Value("#{jobParameters['" + MODEL_PARAMETER + "']}") String modelId,
			TuneTheModelOperations tuneTheModel, ItemWriter<Classified<Review>> reviewScoreWriter) {
		return new ClassifyingItemWriter<>(tuneTheModel, modelId, Review::text, reviewScoreWriter);
	}

	@Bean
	JdbcBatchItemWriter<Classified<Review>> reviewScoreWriter(DataSource dataSource, ScoringProperties properties) {
		ClassLabels labels = ClassLabels.of(properties.getLabels().toArray(String[]::new));
		return new JdbcBatchItemWriterBuilder<Classified<Review>>().dataSource(dataSource)
			.sql("insert into review_scores (line, text, label, score) values (?, ?, ?, ?)")
			.itemPreparedStatementSetter((scored, statement) -> {
				statement.setLong(1, scored.item().line());
				statement.setString(2, scored.item().text());
				statement.setString(3, scored.classification().bestLabel(labels));
				statement.setDouble(4, scored.classification().scores().get(scored.classification().bestClass()));
			})
			.build();
	}

}
