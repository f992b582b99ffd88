package dev.tunethemodel.emulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.format.annotation.DurationFormat;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.util.unit.DataSize;
import reactor.netty.ChannelBindException;

import dev.tunethemodel.emulator.TuneTheModelEmulator.Builder;

/**
 * The emulator's command line: its options, as one table from which {@code --help} is
 * printed, and the run until stopped. A usage error is a message and the usage, never a
 * stack trace.
 */
final class EmulatorCommandLine {

	/**
	 * The exit status of a run that went as asked.
	 */
	static final int OK = 0;

	/**
	 * The exit status when the emulator could not start, such as on a port in use.
	 */
	static final int FAILED = 1;

	/**
	 * The exit status of a usage error: an unknown option, a missing or a bad value.
	 */
	static final int USAGE = 2;

	private static final int DEFAULT_PORT = 8089;

	private static final Option HELP = new Option("--help", "", "print this help and exit", (builder, value) -> {
	});

	static final List<Option> OPTIONS = List.of(
			new Option("--port", "<port>", "port to listen on, 0 for a free one (default " + DEFAULT_PORT + ")",
					(builder, value) -> builder.port(port(value))),
			new Option("--host", "<address>", "address to listen on (default 127.0.0.1, this machine only)",
					Builder::host),
			new Option("--api-key", "<key>", "API key to accept (default a random key, printed at start)",
					Builder::apiKey),
			new Option("--training-time", "<duration>",
					"how long a model takes from fit to ready (default "
							+ print(TuneTheModelEmulator.DEFAULT_TRAINING_TIME) + ")",
					(builder, value) -> builder.trainingTime(duration(value))),
			new Option("--processing-time", "<duration>",
					"how long an uploaded dataset takes to be processed (default "
							+ print(TuneTheModelEmulator.DEFAULT_PROCESSING_TIME) + ")",
					(builder, value) -> builder.processingTime(duration(value))),
			new Option("--max-upload-size", "<size>",
					"largest dataset upload accepted, as 1073741824, 512MB or 1GB (default "
							+ DataSize.ofBytes(EmulatorLimits.DEFAULT_MAX_UPLOAD_SIZE).toMegabytes() + "MB)",
					(builder, value) -> builder.maxUploadSize(size(value))),
			HELP);

	private EmulatorCommandLine() {
	}

	/**
	 * Run the command line: print the help, or start an emulator with the options and
	 * serve it.
	 * @param args the options, as {@code --name value} or {@code --name=value}
	 * @param out where the help and the emulator's address go
	 * @param err where a usage error goes
	 * @param serve given the started emulator; returns when it is to stop
	 * @return the exit status: {@link #OK}, {@link #FAILED} or {@link #USAGE}
	 */
	static int run(String[] args, PrintStream out, PrintStream err, Consumer<TuneTheModelEmulator> serve) {
		Builder builder = TuneTheModelEmulator.builder().port(DEFAULT_PORT);
		try {
			if (!configure(builder, args)) {
				printUsage(out);
				return OK;
			}
		}
		catch (UsageException ex) {
			err.println(ex.getMessage());
			err.println();
			printUsage(err);
			return USAGE;
		}
		TuneTheModelEmulator emulator;
		try {
			emulator = builder.start();
		}
		catch (RuntimeException ex) {
			err.println("The emulator could not start: " + ((ex.getCause() instanceof ChannelBindException bind)
					? TuneTheModelEmulator.bindFailure(bind, "--port 0") : ex.getMessage()));
			return FAILED;
		}
		out.println("Tune the Model emulator at " + emulator.baseUrl() + " with API key " + emulator.apiKey());
		out.println("  export TTM_API_URL=" + emulator.baseUrl() + " TTM_API_KEY=" + emulator.apiKey());
		serve.accept(emulator);
		return OK;
	}

	/**
	 * Serve the emulator until the JVM is stopped, such as with Ctrl+C.
	 * @param emulator the emulator, closed as the JVM stops
	 */
	static void serveUntilStopped(TuneTheModelEmulator emulator) {
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			emulator.close();
			stopped.countDown();
		}));
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// false when the help is asked for
	private static boolean configure(Builder builder, String[] args) {
		for (int i = 0; i < args.length; i++) {
			String argument = args[i];
			int equals = argument.indexOf('=');
			String name = (equals > 0) ? argument.substring(0, equals) : argument;
			Option option = OPTIONS.stream()
				.filter((candidate) -> candidate.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new UsageException(
						(name.startsWith("-") ? "Unknown option: " : "Unexpected argument: ") + name));
			if (option == HELP) {
				return false;
			}
			String value;
			if (equals > 0) {
				value = argument.substring(equals + 1);
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				value = args[++i];
			}
			else {
				throw new UsageException("Missing value for " + name + " " + option.argument());
			}
			option.apply(builder, value);
		}
		return true;
	}

	private static void printUsage(PrintStream stream) {
		stream.println("Usage: java -jar ttm-emulator-<version>-exec.jar [options]");
		stream.println();
		stream.println("Runs a local, in-memory Tune the Model API until stopped (Ctrl+C).");
		stream.println();
		stream.println("Options, as --name value or --name=value; a duration is such as 3s, 500ms, PT3S, or a");
		stream.println("number of milliseconds:");
		int width = OPTIONS.stream().mapToInt((option) -> option.usage().length()).max().orElse(0);
		for (Option option : OPTIONS) {
			stream.printf("  %-" + width + "s  %s%n", option.usage(), option.description());
		}
	}

	private static int port(String value) {
		int port = Integer.parseInt(value);
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("a port is from 0 to 65535, not " + port);
		}
		return port;
	}

	private static long size(String value) {
		long bytes = DataSize.parse(value).toBytes();
		if (bytes < 1) {
			throw new IllegalArgumentException("a size is at least 1 byte, not " + value);
		}
		return bytes;
	}

	private static Duration duration(String value) {
		return DurationFormatterUtils.detectAndParse(value);
	}

	private static String print(Duration duration) {
		return DurationFormatterUtils.print(duration, DurationFormat.Style.COMPOSITE);
	}

	/**
	 * An option of the command line.
	 *
	 * @param name its name, such as {@code --port}
	 * @param argument what its value is, such as {@code <port>}; empty for none
	 * @param description what it does, for the help
	 * @param setting applies its value to the emulator's builder
	 */
	record Option(String name, String argument, String description, BiConsumer<Builder, String> setting) {

		String usage() {
			return this.argument.isEmpty() ? this.name : this.name + " " + this.argument;
		}

		void apply(Builder builder, String value) {
			try {
				this.setting.accept(builder, value);
			}
			catch (RuntimeException ex) {
				throw new UsageException("Bad value for " + this.name + ": " + describe(ex, value));
			}
		}

		// the JDK's parse errors name neither the option nor, for numbers, the problem
		private static String describe(RuntimeException ex, String value) {
			if (ex instanceof NumberFormatException) {
				return "'" + value + "' is not a number";
			}
			String message = ex.getMessage();
			return (message != null) ? message : "'" + value + "' is not valid";
		}

	}

	/**
	 * A command line the emulator cannot run with; its message says why.
	 */
	private static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message, null, false, false);
		}

	}

}
