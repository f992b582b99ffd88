package dev.tunethemodel.emulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link EmulatorCommandLine}: the help, the usage errors and their exit
 * statuses, and the start with the options.
 */
class EmulatorCommandLineTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final List<TuneTheModelEmulator> served = new ArrayList<>();

	private final List<Integer> uploadStatuses = new ArrayList<>();

	@Test
	void helpListsEveryOptionOfTheTableAndExitsWithZero() {
		assertThat(run("--help")).isEqualTo(EmulatorCommandLine.OK);
		assertThat(out()).startsWith("Usage: java -jar ttm-emulator-<version>-exec.jar [options]")
			.contains("  --port <port>  ", "  --api-key <key>  ", "(default 8089)", "(default 3s)", "(default 300ms)");
		EmulatorCommandLine.OPTIONS.forEach((option) -> assertThat(out()).contains(option.description()));
		assertThat(err()).isEmpty();
		assertThat(this.served).isEmpty();
	}

	@Test
	void unknownOptionPrintsTheUsageAndExitsWithTwoWithoutAStackTrace() {
		assertThat(run("--port", "0", "--verbose")).isEqualTo(EmulatorCommandLine.USAGE);
		assertThat(err()).startsWith("Unknown option: --verbose" + System.lineSeparator())
			.contains("Usage: ", "--processing-time <duration>")
			.doesNotContain("Exception", "\tat ");
		assertThat(out()).isEmpty();
		assertThat(this.served).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "--port|Missing value for --port <port>", "8089|Unexpected argument: 8089",
					"--port abc|Bad value for --port: 'abc' is not a number",
					"--port 70000|Bad value for --port: a port is from 0 to 65535, not 70000",
					"--api-key=|Bad value for --api-key: The API key must not be empty",
					"--api-key --port 0|Missing value for --api-key <key>",
					"--training-time soon|Bad value for --training-time: 'soon' is not a valid duration",
					"--processing-time=-1s|Bad value for --processing-time: The processing time must be zero or more",
					"--max-upload-size lots|Bad value for --max-upload-size: 'lots' is not a valid data size",
					"--max-upload-size 0|Bad value for --max-upload-size: a size is at least 1 byte, not 0" })
	void missingOrBadValueIsAUsageError(String args, String message) {
		assertThat(run(args.split(" "))).isEqualTo(EmulatorCommandLine.USAGE);
		assertThat(err()).startsWith(message).contains("Usage: ").doesNotContain("Exception");
		assertThat(this.served).isEmpty();
	}

	@Test
	void startsWithTheOptionsInEitherFormAndSaysHowToConnect() {
		assertThat(run("--port", "0", "--api-key=my-key", "--host", "127.0.0.1", "--training-time", "500",
				"--processing-time=PT0.1S"))
			.isEqualTo(EmulatorCommandLine.OK);
		assertThat(this.served).singleElement().satisfies((emulator) -> {
			assertThat(emulator.apiKey()).isEqualTo("my-key");
			assertThat(emulator.port()).isPositive();
			assertThat(out()).isEqualTo("Tune the Model emulator at " + emulator.baseUrl() + " with API key my-key"
					+ System.lineSeparator() + "  export TTM_API_URL=" + emulator.baseUrl() + " TTM_API_KEY=my-key"
					+ System.lineSeparator());
		});
		assertThat(err()).isEmpty();
	}

	@Test
	void maxUploadSizeRefusesALargerUpload() throws Exception {
		Consumer<TuneTheModelEmulator> upload = (emulator) -> {
			try {
				HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				String file = http
					.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v0/files"))
						.header("Authorization", emulator.apiKey())
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"f\", \"task_type\": \"classifier\"}"))
						.build(), HttpResponse.BodyHandlers.ofString())
					.body();
				String uploadUrl = file.replaceAll(".*\"upload_url\":\"([^\"]+)\".*", "$1");
				this.uploadStatuses.add(http.send(HttpRequest.newBuilder(URI.create(uploadUrl))
					.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[2048]))
					.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				emulator.close();
			}
		};
		assertThat(EmulatorCommandLine.run(new String[] { "--port", "0", "--max-upload-size", "1KB" }, print(this.out),
				print(this.err), upload))
			.isEqualTo(EmulatorCommandLine.OK);
		assertThat(this.uploadStatuses).containsExactly(413);
	}

	@Test
	void portInUseFailsWithOneAndAMessageThatSuggestsAFreePort() {
		try (TuneTheModelEmulator running = TuneTheModelEmulator.start()) {
			assertThat(run("--port", String.valueOf(running.port()))).isEqualTo(EmulatorCommandLine.FAILED);
			assertThat(err())
				.startsWith("The emulator could not start: port " + running.port() + " of 127.0.0.1 is in use")
				.contains("--port 0")
				.doesNotContain("\tat ");
			assertThat(this.served).isEmpty();
		}
	}

	private int run(String... args) {
		Consumer<TuneTheModelEmulator> serve = (emulator) -> {
			this.served.add(emulator);
			emulator.close();
		};
		return EmulatorCommandLine.run(args, print(this.out), print(this.err), serve);
	}

	private static PrintStream print(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
