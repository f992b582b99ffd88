package dev.tunethemodel.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.jdbc.support.JdbcTransactionManager;
import reactor.core.publisher.Flux;

import dev.tunethemodel.batch.Classified;
import dev.tunethemodel.batch.ClassifyingItemWriter;
import dev.tunethemodel.benchmarks.BulkBenchmark.Counts;
import dev.tunethemodel.benchmarks.BulkBenchmark.Outcome;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.model.Classification;

/**
 * Spring Batch jobs that score inputs into a table with {@link ClassifyingItemWriter},
 * against the stub's model of 800 calls/s, beside one {@code classifyAll} of the same
 * inputs: chunks of 100 and 1,000, one step and a step of four partitions over threads.
 * The job repository and the table are in an in-memory H2 database, each chunk in a
 * transaction of it; each run scores a model the client has not learned.
 */
final class BatchBenchmark {

	private static final int INPUTS = 20_000;

	private static final int PARTITIONS = 4;

	private BatchBenchmark() {
	}

	static void run() throws Exception {
		List<String> rows = new ArrayList<>();
		try (RemoteStub server = RemoteStub.start(BulkStub.class);
				ConfigurableApplicationContext starter = Benchmarks.starter(server.baseUrl());
				ScoringJobs jobs = new ScoringJobs(starter.getBean(TuneTheModelOperations.class))) {
			TuneTheModelOperations operations = starter.getBean(TuneTheModelOperations.class);
			Counts stub = new Counts(server.baseUrl());
			// so that the JIT has compiled the client, the writer and the step first
			BulkBenchmark.classifyAll(operations, BulkStub.FAST, INPUTS);
			jobs.score(BulkStub.FAST, 100, PARTITIONS);
			stub.take(BulkStub.FAST);
			int run = 0;
			for (int round = 0; round < 2; round++) {
				String alone = BulkStub.LIMITED_PREFIX + run++;
				rows.add(BulkBenchmark.measure("classifyAll, one call", alone, INPUTS, BulkBenchmark.LIMITED_CAPACITY,
						stub, () -> BulkBenchmark.classifyAll(operations, alone, INPUTS)));
				String handWritten = BulkStub.LIMITED_PREFIX + run++;
				rows.add(BulkBenchmark.measure("job, chunks of 100, one step, one classifyAll a chunk", handWritten,
						INPUTS, BulkBenchmark.LIMITED_CAPACITY, stub,
						() -> jobs.score(handWritten, 100, 1, jobs.classifyAllOfEachChunk(handWritten))));
				for (int chunk : new int[] { 100, 1_000 }) {
					for (int partitions : new int[] { 1, PARTITIONS }) {
						String model = BulkStub.LIMITED_PREFIX + run++;
						String name = String.format("job, chunks of %,d, %s", chunk,
								(partitions == 1) ? "one step" : partitions + " partitions");
						rows.add(BulkBenchmark.measure(name, model, INPUTS, BulkBenchmark.LIMITED_CAPACITY, stub,
								() -> jobs.score(model, chunk, partitions)));
					}
				}
			}
		}
		System.out.println();
		System.out.printf("Spring Batch jobs scoring %,d inputs into a table, against 800 calls/s (16 at once, 20 ms "
				+ "each); two rounds; CPU in %% of one core%n%n", INPUTS);
		System.out.println("| client | stub model | inputs | wall time | rows/s | target | % of target | 429s "
				+ "| failed inputs | most at once, accepted / with refused | client CPU | stub CPU | other processes' CPU |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
	}

	/**
	 * Jobs on an in-memory job repository whose steps score the inputs into a table.
	 */
	private static final class ScoringJobs implements AutoCloseable {

		private final EmbeddedDatabase database = new EmbeddedDatabaseBuilder().generateUniqueName(true)
			.setType(EmbeddedDatabaseType.H2)
			.addScript("/org/springframework/batch/core/schema-h2.sql")
			.build();

		private final JdbcTransactionManager transactionManager = new JdbcTransactionManager(this.database);

		private final JdbcTemplate jdbcTemplate = new JdbcTemplate(this.database);

		private final AnnotationConfigApplicationContext steps = new AnnotationConfigApplicationContext();

		private final TuneTheModelOperations operations;

		private final JobRepository jobRepository;

		private final TaskExecutorJobOperator jobOperator = new TaskExecutorJobOperator();

		ScoringJobs(TuneTheModelOperations operations) throws Exception {
			this.operations = operations;
			this.jdbcTemplate.execute("create table scores (id int primary key, score double not null)");
			JdbcJobRepositoryFactoryBean repository = new JdbcJobRepositoryFactoryBean();
			repository.setDataSource(this.database);
			repository.setTransactionManager(this.transactionManager);
			repository.afterPropertiesSet();
			this.jobRepository = repository.getObject();
			this.jobOperator.setJobRepository(this.jobRepository);
			this.jobOperator.setJobRegistry(new MapJobRegistry());
			this.jobOperator.afterPropertiesSet();
			this.steps.register(StepScopedInputs.class);
			this.steps.refresh();
		}

		/**
		 * Run a job that scores the inputs with a model through
		 * {@link ClassifyingItemWriter}.
		 * @param model the model
		 * @param chunk the chunk size
		 * @param partitions 1 for one step, else the partitions of the step, each a
		 * thread
		 * @return the rows written, and the inputs without a row
		 */
		Outcome score(String model, int chunk, int partitions) {
			return score(model, chunk, partitions,
					new ClassifyingItemWriter<>(this.operations, model, BulkBenchmark::text, scores(this.database)));
		}

		/**
		 * The writer a user writes by hand: one {@code classifyAll} of each chunk's
		 * texts, then the rows.
		 * @param model the model
		 * @return the writer
		 */
		ItemWriter<Integer> classifyAllOfEachChunk(String model) {
			JdbcBatchItemWriter<Classified<Integer>> scores = scores(this.database);
			return (chunk) -> {
				List<? extends Integer> items = chunk.getItems();
				List<Classification> classifications = this.operations
					.classifyAll(model, Flux.fromIterable(items).map(BulkBenchmark::text))
					.collectList()
					.block();
				Chunk<Classified<Integer>> rows = new Chunk<>();
				for (int i = 0; i < items.size(); i++) {
					rows.add(new Classified<>(items.get(i), classifications.get(i)));
				}
				scores.write(rows);
			};
		}

		/**
		 * Run a job whose step writes the inputs with a writer.
		 * @param model the model, which names the job's instance
		 * @param chunk the chunk size
		 * @param partitions 1 for one step, else the partitions of the step
		 * @param writer what scores and writes each chunk
		 * @return the rows written, and the inputs without a row
		 */
		Outcome score(String model, int chunk, int partitions, ItemWriter<Integer> writer) {
			this.jdbcTemplate.execute("truncate table scores");
			Step step = (partitions == 1) ? worker("score", new Inputs(0, INPUTS), chunk, writer)
					: new StepBuilder("score", this.jobRepository).partitioner("worker", byRange(INPUTS / partitions))
						.step(worker("worker", stepScopedInputs(), chunk, writer))
						.gridSize(partitions)
						.taskExecutor(new SimpleAsyncTaskExecutor("partition-"))
						.build();
			Job job = new JobBuilder("scoring", this.jobRepository).start(step).build();
			try {
				JobExecution execution = this.jobOperator.start(job,
						new JobParametersBuilder().addString("model", model).toJobParameters());
				if (execution.getStatus() != BatchStatus.COMPLETED) {
					System.err.println("The job on " + model + " ended " + execution.getStatus() + ": "
							+ execution.getAllFailureExceptions());
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException("The job on " + model + " did not start", ex);
			}
			Long rows = this.jdbcTemplate.queryForObject("select count(*) from scores", Long.class);
			long written = (rows != null) ? rows : 0;
			return new Outcome(written, INPUTS - written);
		}

		@SuppressWarnings("unchecked")
		private ItemStreamReader<Integer> stepScopedInputs() {
			return this.steps.getBean("inputs", ItemStreamReader.class);
		}

		private Step worker(String name, ItemStreamReader<Integer> inputs, int chunk, ItemWriter<Integer> writer) {
			return new StepBuilder(name, this.jobRepository).<Integer, Integer>chunk(chunk)
				.transactionManager(this.transactionManager)
				.reader(inputs)
				.writer(writer)
				.build();
		}

		private static JdbcBatchItemWriter<Classified<Integer>> scores(DataSource dataSource) {
			JdbcBatchItemWriter<Classified<Integer>> scores = new JdbcBatchItemWriterBuilder<Classified<Integer>>()
				.dataSource(dataSource)
				.sql("insert into scores (id, score) values (?, ?)")
				.itemPreparedStatementSetter((classified, statement) -> {
					statement.setInt(1, classified.item());
					statement.setDouble(2, classified.classification().scores().get(1));
				})
				.build();
			scores.afterPropertiesSet();
			return scores;
		}

		private static Partitioner byRange(int size) {
			return (gridSize) -> {
				Map<String, ExecutionContext> partitions = new HashMap<>();
				for (int partition = 0; partition < gridSize; partition++) {
					ExecutionContext range = new ExecutionContext();
					range.putInt("first", partition * size);
					range.putInt("count", size);
					partitions.put("partition" + partition, range);
				}
				return partitions;
			};
		}

		@Override
		public void close() {
			this.steps.close();
			this.database.shutdown();
		}

	}

	/**
	 * The reader of each partition, made for its step from its range.
	 */
	@Configuration(proxyBeanMethods = false)
	static class StepScopedInputs {

		@Bean
		static org.springframework.batch.core.scope.StepScope stepScope() {
			return new org.springframework.batch.core.scope.StepScope();
		}

		@Bean
		@StepScope
		ItemStreamReader<Integer> inputs(@Value("#{stepExecutionContext['first']}") int first,
				@Value("#{stepExecutionContext['count']}") int count) {
			return new Inputs(first, count);
		}

	}

	/**
	 * The indexes of a range of inputs, whose texts are made as they are scored;
	 * restartable as a file reader is.
	 */
	static final class Inputs extends AbstractItemCountingItemStreamItemReader<Integer> {

		private final int first;

		Inputs(int first, int count) {
			this.first = first;
			setName("inputs");
			setMaxItemCount(count);
		}

		@Override
		protected Integer doRead() {
			// the count includes the item being read
			return this.first + getCurrentItemCount() - 1;
		}

		@Override
		protected void doOpen() {
		}

		@Override
		protected void doClose() {
		}

	}

}
