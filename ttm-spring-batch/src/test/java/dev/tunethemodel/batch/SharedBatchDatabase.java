package dev.tunethemodel.batch;

import java.nio.file.Path;
import java.sql.SQLException;

import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.tools.Server;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * An H2 file database in a directory that a test serves to the processes it starts, on
 * loopback and a free port: Spring Batch's job repository, Spring Integration's channel
 * messages and a table of scores with the worker that wrote each.
 */
final class SharedBatchDatabase implements AutoCloseable {

	private static final String NAME = "batch";

	private final Server server;

	private final String url;

	private final JdbcConnectionPool dataSource;

	private final JobRepository jobRepository;

	SharedBatchDatabase(Path directory) throws Exception {
		create(directory);
		// H2 binds to the address of the h2.bindAddress property, which the build sets to
		// loopback, and refuses other hosts without -tcpAllowOthers; port 0 is a free
		// port
		this.server = Server.createTcpServer("-tcpPort", "0", "-baseDir", directory.toString()).start();
		this.url = "jdbc:h2:tcp://127.0.0.1:" + this.server.getPort() + "/" + NAME;
		this.dataSource = ReviewScoring.dataSource(this.url);
		try {
			this.jobRepository = ReviewScoring.jobRepository(this.dataSource,
					new JdbcTransactionManager(this.dataSource));
		}
		catch (Exception ex) {
			close();
			throw ex;
		}
	}

	/**
	 * The URL at which processes reach the database.
	 * @return the JDBC URL
	 */
	String url() {
		return this.url;
	}

	JobRepository jobRepository() {
		return this.jobRepository;
	}

	JdbcConnectionPool dataSource() {
		return this.dataSource;
	}

	JdbcTemplate jdbcTemplate() {
		return new JdbcTemplate(this.dataSource);
	}

	@Override
	public void close() {
		this.dataSource.dispose();
		this.server.stop();
	}

	// the database exists before it is served, as the server refuses to create one
	private static void create(Path directory) throws SQLException {
		SingleConnectionDataSource creating = new SingleConnectionDataSource(
				"jdbc:h2:file:" + directory.resolve(NAME).toAbsolutePath(), "sa", "", true);
		try {
			ResourceDatabasePopulator populator = new ResourceDatabasePopulator(
					new ClassPathResource("org/springframework/batch/core/schema-h2.sql"),
					new ClassPathResource("org/springframework/integration/jdbc/schema-h2.sql"));
			populator.execute(creating);
			new JdbcTemplate(creating).execute(
					"create table scores (id int primary key, score double not null, worker varchar(20) not null)");
		}
		finally {
			creating.destroy();
		}
	}

}
