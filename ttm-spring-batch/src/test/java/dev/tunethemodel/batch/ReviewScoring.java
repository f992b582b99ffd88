package dev.tunethemodel.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.H2ChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The parts of a job that scores a file of reviews, one id a line, into the table of
 * scores, which a test and the processes it starts build alike: the database's
 * connections and job repository, the reader of a range of lines, the writer, and the
 * channel of the partitions' requests.
 */
final class ReviewScoring {

	/** The items of a chunk. */
	static final int CHUNK = 10;

	private ReviewScoring() {
	}

	/**
	 * Write a file of reviews, one id a line.
	 * @param file the file
	 * @param reviews how many reviews, numbered from 0
	 * @throws IOException when the file cannot be written
	 */
	static void writeReviews(Path file, int reviews) throws IOException {
		Files.writeString(file,
				IntStream.range(0, reviews).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
	}

	static JdbcConnectionPool dataSource(String url) {
		return JdbcConnectionPool.create(url, "sa", "");
	}

	static JobRepository jobRepository(DataSource dataSource, PlatformTransactionManager transactionManager)
			throws Exception {
		JdbcJobRepositoryFactoryBean repository = new JdbcJobRepositoryFactoryBean();
		repository.setDataSource(dataSource);
		repository.setTransactionManager(transactionManager);
		repository.afterPropertiesSet();
		return repository.getObject();
	}

	/**
	 * A reader of the reviews of a range of the file's lines, which keeps its position in
	 * the step's execution context, so that a restarted step reads on after the last
	 * committed chunk.
	 * @param file the file of reviews
	 * @param from the first line, from 0
	 * @param to the line after the last
	 * @return the reader
	 */
	static FlatFileItemReader<Review> reader(Path file, int from, int to) {
		return new FlatFileItemReaderBuilder<Review>().name("reviews")
			.resource(new FileSystemResource(file))
			.linesToSkip(from)
			.maxItemCount(to - from)
			.lineMapper((line, number) -> new Review(Integer.parseInt(line)))
			.build();
	}

	/**
	 * A writer that classifies the reviews on the stub and inserts each with its score
	 * and the worker's name in the chunk's transaction.
	 * @param stubPort the port of the stub
	 * @param dataSource the database
	 * @param worker the name of the worker
	 * @return the writer
	 */
	static ClassifyingItemWriter<Review> writer(int stubPort, DataSource dataSource, String worker) {
		JdbcBatchItemWriter<Classified<Review>> insert = new JdbcBatchItemWriterBuilder<Classified<Review>>()
			.dataSource(dataSource)
			.sql("insert into scores (id, score, worker) values (?, ?, ?)")
			.itemPreparedStatementSetter((classified, statement) -> {
				statement.setInt(1, classified.item().id());
				statement.setDouble(2, classified.classification().scores().get(0));
				statement.setString(3, worker);
			})
			.build();
		return new ClassifyingItemWriter<>(ScoringStub.client(stubPort), "classifier", Review::text, insert);
	}

	/**
	 * The channel that carries the partitions' requests from the manager to the workers,
	 * a queue in a table of the database.
	 * @param dataSource the database
	 * @return the channel
	 */
	static QueueChannel partitionRequests(DataSource dataSource) {
		JdbcChannelMessageStore messages = new JdbcChannelMessageStore(dataSource);
		messages.setChannelMessageStoreQueryProvider(new H2ChannelMessageStoreQueryProvider());
		// a request is a message of Spring's with a StepExecutionRequest, and nothing
		// else
		messages.addAllowedPatterns("java.util.*", "org.springframework.messaging.*",
				"org.springframework.batch.integration.partition.StepExecutionRequest");
		messages.afterPropertiesSet();
		return new QueueChannel(new MessageGroupQueue(messages, "partition-requests"));
	}

}
