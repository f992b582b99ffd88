package dev.tunethemodel.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Java processes that a test starts on its own class path, each running a main class of
 * the test sources with its output in a file of a directory, all of them destroyed on
 * close, whatever state they are in.
 */
final class JavaProcesses implements AutoCloseable {

	private static final Duration DESTROYED = Duration.ofSeconds(10);

	private final Path directory;

	private final List<JavaProcess> started = new ArrayList<>();

	JavaProcesses(Path directory) {
		this.directory = directory;
	}

	/**
	 * Start a Java process on the test's class path.
	 * @param name the name of the process, which names its output file
	 * @param main the class whose {@code main} method the process runs
	 * @param arguments the arguments of the {@code main} method
	 * @return the process
	 * @throws IOException when the process cannot be started
	 */
	JavaProcess start(String name, Class<?> main, Object... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// a short-lived process starts faster with the first compiler only
		command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				main.getName()));
		for (Object argument : arguments) {
			command.add(argument.toString());
		}
		Path output = this.directory.resolve(name + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		JavaProcess started = new JavaProcess(name, process, output);
		this.started.add(started);
		return started;
	}

	@Override
	public void close() {
		this.started.forEach(JavaProcess::kill);
	}

	/**
	 * A Java process that a test started, and the file its output goes to.
	 */
	static final class JavaProcess {

		private final String name;

		private final Process process;

		private final Path output;

		private JavaProcess(String name, Process process, Path output) {
			this.name = name;
			this.process = process;
			this.output = output;
		}

		/**
		 * Wait for the process to exit.
		 * @param timeout how long to wait at most
		 * @return its exit code
		 * @throws InterruptedException when the test is interrupted while waiting
		 * @throws AssertionError when the process is still running after the timeout
		 */
		int awaitExit(Duration timeout) throws InterruptedException {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError(
						"The process '" + this.name + "' still runs after " + timeout + ":\n" + output());
			}
			return this.process.exitValue();
		}

		/**
		 * Wait until the process has written a line to its output.
		 * @param line the line
		 * @param timeout how long to wait at most
		 */
		void awaitOutput(String line, Duration timeout) {
			await().atMost(timeout)
				.pollInterval(Duration.ofMillis(50))
				.failFast("The process '" + this.name + "' exited", () -> !isAlive())
				.until(() -> output().lines().anyMatch(line::equals));
		}

		boolean isAlive() {
			return this.process.isAlive();
		}

		/**
		 * Kill the process at once, as {@code kill -9} does on Linux, and wait until it
		 * is gone.
		 */
		void kill() {
			this.process.destroyForcibly();
			try {
				if (!this.process.waitFor(DESTROYED.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new IllegalStateException("The process '" + this.name + "' survived being killed");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/**
		 * Return what the process has written so far.
		 * @return its output and error output
		 */
		String output() {
			try {
				return new String(Files.readAllBytes(this.output), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "(no output: " + ex.getMessage() + ")";
			}
		}

	}

}
