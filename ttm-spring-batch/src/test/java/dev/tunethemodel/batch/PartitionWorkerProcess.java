package dev.tunethemodel.batch;

import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.scheduling.PollerMetadata;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.scheduling.support.PeriodicTrigger;

/**
 * A process that works on the partitions of a remote partitioned step: it takes their
 * requests from the channel in the shared database, one at a time, and scores the lines
 * of each on the test's stub into the table of scores under its name. It runs until it is
 * destroyed, once it has written {@link #READY}.
 * <p>
 * Arguments: {@code <worker name> <stub port> <database URL> <file of reviews>}.
 */
public final class PartitionWorkerProcess {

	/** The name of the workers' step. */
	static final String STEP = "classifyPartition";

	/** What the process writes once it takes requests. */
	static final String READY = "Taking partition requests";

	private PartitionWorkerProcess() {
	}

	/**
	 * Take partition requests until destroyed.
	 * @param arguments the worker's name, the stub's port, the database's URL and the
	 * file
	 */
	public static void main(String[] arguments) {
		Worker worker = new Worker(arguments[0], Integer.parseInt(arguments[1]), arguments[2], Path.of(arguments[3]));
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.registerBean(Worker.class, () -> worker);
		context.register(WorkerConfiguration.class);
		context.registerShutdownHook();
		context.refresh();
		System.out.println(READY);
	}

	/**
	 * What a worker is told.
	 *
	 * @param name its name, which it writes into its rows
	 * @param stubPort the port of the stub
	 * @param databaseUrl the URL of the database
	 * @param reviews the file of reviews
	 */
	record Worker(String name, int stubPort, String databaseUrl, Path reviews) {

	}

	/**
	 * The worker's step and the channel it takes the requests from.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableBatchProcessing
	@EnableJdbcJobRepository
	@EnableBatchIntegration
	static class WorkerConfiguration {

		@Bean(destroyMethod = "dispose")
		JdbcConnectionPool dataSource(Worker worker) {
			return ReviewScoring.dataSource(worker.databaseUrl());
		}

		@Bean
		JdbcTransactionManager transactionManager(DataSource dataSource) {
			return new JdbcTransactionManager(dataSource);
		}

		@Bean
		QueueChannel partitionRequests(DataSource dataSource) {
			return ReviewScoring.partitionRequests(dataSource);
		}

		// the poller of the step's endpoint, which takes one request at a time
		@Bean(PollerMetadata.DEFAULT_POLLER)
		PollerMetadata poller() {
			PollerMetadata poller = new PollerMetadata();
			poller.setTrigger(new PeriodicTrigger(Duration.ofMillis(100)));
			poller.setMaxMessagesPerPoll(1);
			return poller;
		}

		@Bean(STEP)
		Step classifyPartition(RemotePartitioningWorkerStepBuilderFactory steps, QueueChannel partitionRequests,
				FlatFileItemReader<Review> partitionReviews, JdbcTransactionManager transactionManager,
				DataSource dataSource, Worker worker) {
			return steps.get(STEP)
				.inputChannel(partitionRequests)
				.<Review, Review>chunk(ReviewScoring.CHUNK)
				.transactionManager(transactionManager)
				.reader(partitionReviews)
				.writer(ReviewScoring.writer(worker.stubPort(), dataSource, worker.name()))
				.build();
		}

		@Bean
		@StepScope
		FlatFileItemReader<Review> partitionReviews(Worker worker, @Value("#{stepExecutionContext['from']}") int from,
				@Value("#{stepExecutionContext['to']}") int to) {
			return ReviewScoring.reader(worker.reviews(), from, to);
		}

	}

}
