package dev.tunethemodel.sample.batch;

import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Runs the job {@value ScoringJobConfiguration#JOB} once the application has started: a
 * failed run of the same file is continued from its last committed chunk, a completed one
 * scored again as a new run. A run left {@code STARTED}, as a killed process leaves it,
 * is recovered and continued only with {@code --restart}: the repository cannot tell it
 * from a run still going on in another process, which would score the same reviews. The
 * application's exit code is 0 when the job completed, else 1.
 */
@Component
class ScoringJobRunner implements ApplicationRunner, ExitCodeGenerator {

	/**
	 * The option that recovers a run left {@code STARTED} before continuing it.
	 */
	static final String RESTART_OPTION = "restart";

	private static final Log logger = LogFactory.getLog(ScoringJobRunner.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job job;

	private final ReviewsFile reviewsFile;

	private final ScoringModel scoringModel;

	private volatile BatchStatus status = BatchStatus.UNKNOWN;

	ScoringJobRunner(JobOperator jobOperator, JobRepository jobRepository, Job job, ReviewsFile reviewsFile,
			ScoringModel scoringModel) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.job = job;
		this.reviewsFile = reviewsFile;
		this.scoringModel = scoringModel;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		String reviews = this.reviewsFile.prepare();
		JobParameters run = runOf(reviews, args.containsOption(RESTART_OPTION));
		JobParameters parameters = new JobParametersBuilder(run)
			.addString(ScoringJobConfiguration.MODEL_PARAMETER, this.scoringModel.id(), false)
			.toJobParameters();
		JobExecution execution = this.jobOperator.start(this.job, parameters);
		this.status = execution.getStatus();
		if (this.status == BatchStatus.COMPLETED) {
			logger.info("Job " + this.job.getName() + " completed: the scores are in the table review_scores");
		}
		else {
			logger.error("Job " + this.job.getName() + " ended " + this.status + ": run the same command again to "
					+ "continue from the last committed chunk");
		}
	}

	@Override
	public int getExitCode() {
		return (this.status == BatchStatus.COMPLETED) ? 0 : 1;
	}

	// the identifying parameters: those of the file's last run when it can be continued
	private JobParameters runOf(String reviews, boolean restart) {
		JobExecution last = lastExecution();
		if (last != null
				&& reviews.equals(last.getJobParameters().getString(ScoringJobConfiguration.REVIEWS_PARAMETER))) {
			if (last.getStatus().isRunning()) {
				if (!restart) {
					throw new IllegalStateException("The last run of " + this.job.getName() + " on " + reviews
							+ " (execution " + last.getId() + ") is " + last.getStatus()
							+ ": its process was killed, or it still runs elsewhere. Once no process runs it, run "
							+ "again with --" + RESTART_OPTION + " to continue it from its last committed chunk");
				}
				logger.info("Recovering execution " + last.getId() + ", left " + last.getStatus() + " by a run that "
						+ "was killed, to continue it");
				this.jobOperator.recover(last);
				return last.getJobParameters();
			}
			if (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED) {
				logger.info("Continuing execution " + last.getId() + ", which ended " + last.getStatus()
						+ ", from its last committed chunk");
				return last.getJobParameters();
			}
		}
		long previousRun = (last != null)
				? Objects.requireNonNullElse(last.getJobParameters().getLong(ScoringJobConfiguration.RUN_PARAMETER), 0L)
				: 0L;
		return new JobParametersBuilder().addString(ScoringJobConfiguration.REVIEWS_PARAMETER, reviews)
			.addLong(ScoringJobConfiguration.RUN_PARAMETER, previousRun + 1)
			.toJobParameters();
	}

	private @Nullable JobExecution lastExecution() {
		JobInstance instance = this.jobRepository.getLastJobInstance(this.job.getName());
		return (instance != null) ? this.jobRepository.getLastJobExecution(instance) : null;
	}

}
