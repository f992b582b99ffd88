package dev.tunethemodel.sample.plain;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link ListModels} as a user would, in a JVM of its own, against the emulator:
 * with nothing but {@code ttm-client} and its dependencies on the class path (on the
 * JDK's HTTP client), then with Reactor Netty added.
 */
class ListModelsTests {

	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

	private static TuneTheModelEmulator emulator;

	private static List<Model> models;

	@TempDir
	Path temporaryDirectory;

	@BeforeAll
	static void startEmulatorWithTwoModels() {
		emulator = TuneTheModelEmulator.start();
		TuneTheModelTemplate template = TuneTheModelTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.apiKey(emulator.apiKey())
			.build();
		models = List.of(template.createModel(CreateModelRequest.classifier("sentiment", 2)).block(RUN_TIMEOUT),
				template.createModel(CreateModelRequest.generator("poet")).block(RUN_TIMEOUT));
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@Test
	void runtimeClassPathIsTtmClientWithoutSpringBootOrNetty() throws IOException {
		List<String> jars = classPath("runtime.txt");
		assertThat(jars).anySatisfy((jar) -> assertThat(jar).contains("ttm-client"))
			.anySatisfy((jar) -> assertThat(jar).contains("spring-webflux"))
			.noneSatisfy((jar) -> assertThat(jar).contains("spring-boot"))
			.noneSatisfy((jar) -> assertThat(jar).contains("netty"));
	}

	@Test
	void listsTheModelsWithNothingButTtmClientOnTheJdkHttpClient() throws Exception {
		Run run = run(classPath("runtime.txt"));
		assertListsTheModels(run);
		assertThat(run.loadedClasses()).contains("jdk.internal.net.http.HttpClientImpl")
			.doesNotContain("reactor.netty");
	}

	@Test
	void listsTheModelsOnReactorNettyWhenItIsOnTheClassPath() throws Exception {
		List<String> classPath = new ArrayList<>(classPath("runtime.txt"));
		classPath.addAll(classPath("reactor-netty.txt"));
		Run run = run(classPath);
		assertListsTheModels(run);
		assertThat(run.loadedClasses()).contains("reactor.netty.http.client.HttpClient");
	}

	@Test
	void refusesToSendTheKeyWhenTheJdkHttpClientLogsHeaders() throws Exception {
		Run run = run(classPath("runtime.txt"), "-Djdk.httpclient.HttpClient.log=headers");
		assertThat(run.exitCode()).isNotZero();
		assertThat(run.output()).contains("TuneTheModelConfigurationException")
			.contains("jdk.httpclient.HttpClient.log=headers")
			.doesNotContain(emulator.apiKey());
		assertThat(run.loadedClasses()).doesNotContain("jdk.internal.net.http.HttpClientImpl");
	}

	private static void assertListsTheModels(Run run) {
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("2 models at " + emulator.baseUrl());
		for (Model model : models) {
			assertThat(run.output()).contains(model.id() + "  " + model.name() + "  " + model.type());
		}
		assertThat(run.output()).doesNotContain(emulator.apiKey());
	}

	private Run run(List<String> classPath, String... options) throws IOException, InterruptedException {
		Path classLog = this.temporaryDirectory.resolve("classes.log");
		List<String> entries = new ArrayList<>();
		entries.add(System.getProperty("sample.classes"));
		entries.addAll(classPath);
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xlog:class+load=info:file=" + classLog);
		command.addAll(List.of(options));
		command.addAll(List.of("-cp", String.join(File.pathSeparator, entries), ListModels.class.getName()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.temporaryDirectory.resolve("output.txt").toFile());
		builder.environment().put("TTM_API_URL", emulator.baseUrl());
		builder.environment().put("TTM_API_KEY", emulator.apiKey());
		Process process = builder.start();
		if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new IllegalStateException("ListModels did not end within " + RUN_TIMEOUT);
		}
		return new Run(process.exitValue(),
				Files.readString(this.temporaryDirectory.resolve("output.txt"), StandardCharsets.UTF_8),
				Files.readString(classLog, StandardCharsets.UTF_8));
	}

	private static List<String> classPath(String file) throws IOException {
		Path path = Path.of(System.getProperty("sample.classpath.directory"), file);
		String classPath = Files.readString(path, StandardCharsets.UTF_8).trim();
		return classPath.isEmpty() ? List.of() : List.of(classPath.split(File.pathSeparator));
	}

	private record Run(int exitCode, String output, String loadedClasses) {

	}

}
