package dev.tunethemodel.batch;

import java.nio.file.Path;
import java.util.Set;

import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * A process that runs the job that scores a file of reviews, chunk by chunk, on the
 * shared database and the test's stub: {@code start} starts it, {@code restart} recovers
 * the execution that a killed process left running and restarts it. Its rows name the
 * mode that wrote them. It exits with 0 once the job completed.
 * <p>
 * Arguments: {@code start|restart <stub port> <database URL> <file of reviews>}.
 */
public final class ScoringJobProcess {

	/** The name of the job. */
	static final String JOB = "scoring";

	private ScoringJobProcess() {
	}

	/**
	 * Run or restart the job, and exit.
	 * @param arguments the mode, the stub's port, the database's URL and the file
	 * @throws Exception when the job cannot be run
	 */
	public static void main(String[] arguments) throws Exception {
		String mode = arguments[0];
		int stubPort = Integer.parseInt(arguments[1]);
		JdbcConnectionPool dataSource = ReviewScoring.dataSource(arguments[2]);
		Path reviews = Path.of(arguments[3]);
		JdbcTransactionManager transactionManager = new JdbcTransactionManager(dataSource);
		JobRepository repository = ReviewScoring.jobRepository(dataSource, transactionManager);
		Job job = new JobBuilder(JOB, repository)
			.start(new StepBuilder("classify", repository).<Review, Review>chunk(ReviewScoring.CHUNK)
				.transactionManager(transactionManager)
				.reader(ReviewScoring.reader(reviews, 0, Integer.MAX_VALUE))
				.writer(ReviewScoring.writer(stubPort, dataSource, mode))
				.build())
			.build();
		MapJobRegistry registry = new MapJobRegistry();
		registry.register(job);
		TaskExecutorJobOperator operator = new TaskExecutorJobOperator();
		operator.setJobRepository(repository);
		operator.setJobRegistry(registry);
		operator.afterPropertiesSet();
		JobExecution execution = switch (mode) {
			case "start" -> operator.start(job,
					new JobParametersBuilder().addString("reviews", reviews.toString()).toJobParameters());
			case "restart" -> operator.restart(operator.recover(killed(repository)));
			default -> throw new IllegalArgumentException("Unknown mode " + mode);
		};
		dataSource.dispose();
		System.exit((execution.getStatus() == BatchStatus.COMPLETED) ? 0 : 1);
	}

	// the execution still marked as running in the repository, which no process runs any
	// more
	private static JobExecution killed(JobRepository repository) {
		Set<JobExecution> running = repository.findRunningJobExecutions(JOB);
		if (running.size() != 1) {
			throw new IllegalStateException("Expected one execution left running, found " + running);
		}
		return running.iterator().next();
	}

}
