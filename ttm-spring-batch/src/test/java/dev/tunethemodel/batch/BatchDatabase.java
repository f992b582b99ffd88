package dev.tunethemodel.batch;

import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.Step;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * An in-memory H2 database with Spring Batch's job repository and a table of scores, on
 * which steps run as in an application: each chunk in a transaction of the database.
 */
final class BatchDatabase implements AutoCloseable {

	private final EmbeddedDatabase dataSource = new EmbeddedDatabaseBuilder().generateUniqueName(true)
		.setType(EmbeddedDatabaseType.H2)
		.addScript("/org/springframework/batch/core/schema-h2.sql")
		.addScript("/scores.sql")
		.build();

	private final JdbcTransactionManager transactionManager = new JdbcTransactionManager(this.dataSource);

	private final JdbcTemplate jdbcTemplate = new JdbcTemplate(this.dataSource);

	private final JobRepository jobRepository;

	private final MapJobRegistry jobRegistry = new MapJobRegistry();

	private final TaskExecutorJobOperator jobOperator = new TaskExecutorJobOperator();

	BatchDatabase() throws Exception {
		JdbcJobRepositoryFactoryBean repository = new JdbcJobRepositoryFactoryBean();
		repository.setDataSource(this.dataSource);
		repository.setTransactionManager(this.transactionManager);
		repository.afterPropertiesSet();
		this.jobRepository = repository.getObject();
		this.jobOperator.setJobRepository(this.jobRepository);
		this.jobOperator.setJobRegistry(this.jobRegistry);
		this.jobOperator.afterPropertiesSet();
	}

	JobRepository jobRepository() {
		return this.jobRepository;
	}

	JdbcTransactionManager transactionManager() {
		return this.transactionManager;
	}

	JdbcTemplate jdbcTemplate() {
		return this.jdbcTemplate;
	}

	JobExecution run(Step step) throws Exception {
		Job job = new JobBuilder("scoring", this.jobRepository).start(step).build();
		this.jobRegistry.unregister(job.getName());
		this.jobRegistry.register(job);
		return this.jobOperator.start(job, new JobParameters());
	}

	JobExecution restart(JobExecution execution) throws Exception {
		return this.jobOperator.restart(execution);
	}

	@Override
	public void close() {
		this.dataSource.shutdown();
	}

}
