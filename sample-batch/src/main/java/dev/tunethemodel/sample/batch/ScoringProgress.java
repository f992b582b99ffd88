package dev.tunethemodel.sample.batch;

import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemProcessListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import dev.tunethemodel.client.error.TuneTheModelInputFailedException;

/**
 * The progress of the scoring step in the log: at most one line per interval and one at
 * the end, each with the reviews written, the rate and the reviews left, and a line per
 * skipped review: blank, or refused by the API. The total is counted from the file at the
 * start of the step; a rerun starts from the reviews its reader had passed.
 */
class ScoringProgress implements ChunkListener<Review, Review>, ItemProcessListener<Review, Review>,
		SkipListener<Review, Review>, StepExecutionListener {

	private static final Log logger = LogFactory.getLog(ScoringProgress.class);

	private final ResourceLoader resources;

	private final Duration interval;

	private long total;

	private long passedBefore;

	private long written;

	private long skipped;

	private Instant start = Instant.EPOCH;

	private Instant lastLine = Instant.EPOCH;

	ScoringProgress(ResourceLoader resources, Duration interval) {
		this.resources = resources;
		this.interval = interval;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		Resource reviews = this.resources
			.getResource(stepExecution.getJobParameters().getString(ScoringJobConfiguration.REVIEWS_PARAMETER, ""));
		this.total = ReviewsFile.count(reviews);
		// what the reader of a failed run had passed, restored for this run
		this.passedBefore = stepExecution.getExecutionContext()
			.getInt(ScoringJobConfiguration.READER + ".read.count", 0);
		this.written = 0;
		this.skipped = 0;
		this.start = Instant.now();
		this.lastLine = this.start;
		logger
			.info(String.format("Scoring %,d of the %,d reviews of %s", left(), this.total, reviews.getDescription()));
	}

	@Override
	public void afterChunk(Chunk<Review> chunk) {
		this.written += chunk.size();
		Instant now = Instant.now();
		if (!now.isBefore(this.lastLine.plus(this.interval))) {
			this.lastLine = now;
			log("Scored");
		}
	}

	@Override
	public void afterProcess(Review review, @Nullable Review result) {
		if (result == null) {
			this.skipped++;
			logger.warn("Skipped the review of line " + review.line() + ", which has no text");
		}
	}

	@Override
	public void onSkipInWrite(Review review, Throwable failure) {
		this.skipped++;
		Throwable reason = (failure instanceof TuneTheModelInputFailedException && failure.getCause() != null)
				? failure.getCause() : failure;
		logger.warn("Skipped the review of line " + review.line() + ", which the API refused: " + reason.getMessage());
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		log("Done (" + stepExecution.getStatus() + "):");
		return null;
	}

	private void log(String what) {
		double seconds = Math.max(Duration.between(this.start, Instant.now()).toMillis(), 1) / 1000.0;
		logger.info(String.format("%s %,d reviews in %.1f s, %,.0f/s, %,d skipped, %,d left", what, this.written,
				seconds, this.written / seconds, this.skipped, left()));
	}

	private long left() {
		return Math.max(0, this.total - this.passedBefore - this.written - this.skipped);
	}

}
