package dev.tunethemodel.benchmarks;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.RequestOptions;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.dataset.TrainingData;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.ModelType;

/**
 * Runs the benchmarks: {@code calls} (the starter against raw Reactor Netty),
 * {@code blocking} (the blocking API against the reactive one, on each transport),
 * {@code observations} (the client's observations, without and with a registry),
 * {@code upload} (a million examples in 128 MiB of heap), {@code startup} (context
 * startup with and without the starter), {@code bulk} (bulk inference against stubs of
 * known capacity, and a million inputs in 128 MiB of heap), {@code batch} (Spring Batch
 * jobs that score with the item writer, beside {@code classifyAll}), or {@code all}.
 *
 * @since 0.1.0
 */
public final class Benchmarks {

	static final String API_KEY = "benchmark-key";

	static final String MODEL_ID = "9323f9dbc976ea5dc6c8272eb90742f9";

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		String benchmark = (args.length > 0) ? args[0] : "all";
		switch (benchmark) {
			case "calls" -> calls();
			case "upload" -> {
				// the point is to upload in 128 MiB of heap
				if (Runtime.getRuntime().maxMemory() > 130L * 1024 * 1024) {
					fork("-Xmx128m", "upload");
				}
				else {
					upload();
				}
			}
			case "startup" -> StartupBenchmark.run();
			case "blocking" -> BlockingBenchmark.run();
			case "observations" -> ObservationBenchmark.run();
			case "bulk" -> BulkBenchmark.run();
			case "batch" -> BatchBenchmark.run();
			case "bulk-million" -> {
				// the point is to classify in 128 MiB of heap
				if (Runtime.getRuntime().maxMemory() > 130L * 1024 * 1024) {
					fork("-Xmx128m", BulkMillion.TRANSPORT_PROPERTY + "=" + BulkMillion.transport(), "bulk-million");
				}
				else {
					BulkMillion.run();
				}
			}
			case "all" -> {
				fork("-Xms1g", "-Xmx1g", "calls");
				fork("-Xms1g", "-Xmx1g", "blocking");
				fork("-Xms1g", "-Xmx1g", "observations");
				fork("-Xmx128m", "upload");
				fork("-Xms1g", "-Xmx1g", "bulk");
				fork("-Xms1g", "-Xmx1g", "batch");
				StartupBenchmark.run();
			}
			default -> throw new IllegalArgumentException("Unknown benchmark " + benchmark);
		}
	}

	private static void calls() throws IOException {
		try (RemoteStub server = RemoteStub.start();
				RawClient raw = new RawClient(server.baseUrl(), API_KEY);
				PlainWebClient webClient = new PlainWebClient(server.baseUrl(), API_KEY, MODEL_ID);
				ConfigurableApplicationContext context = starter(server.baseUrl())) {
			TuneTheModelOperations starter = context.getBean(TuneTheModelOperations.class);
			Map<String, Supplier<Mono<?>>[]> calls = new LinkedHashMap<>();
			calls.put("getModel", pair(() -> raw.getModel(MODEL_ID), () -> starter.getModel(MODEL_ID)));
			calls.put("getModel, plain WebClient", pair(() -> raw.getModel(MODEL_ID), webClient::getModel));
			calls.put("classify", pair(() -> raw.classify(MODEL_ID, "You are wonderful"),
					() -> starter.classify(MODEL_ID, "You are wonderful")));
			calls.put("listModels", pair(() -> raw.listModels(), () -> starter.listModels().collectList()));
			// the view and its options made for each call, as a request's tracing id
			// would be
			calls.put("getModel, through withOptions", pair(() -> raw.getModel(MODEL_ID),
					() -> starter
						.withOptions(RequestOptions.builder().header("X-Request-Id", "benchmark-request").build())
						.getModel(MODEL_ID)));
			System.out.println();
			System.out.println("| call | latency raw | latency starter | ratio | calls/s raw | calls/s starter | ratio "
					+ "| bytes/call raw | bytes/call starter | ratio | CPU/call raw | CPU/call starter | ratio |");
			System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
			for (Map.Entry<String, Supplier<Mono<?>>[]> call : calls.entrySet()) {
				report(call.getKey(), call.getValue()[0], call.getValue()[1]);
			}
		}
	}

	@SafeVarargs
	private static Supplier<Mono<?>>[] pair(Supplier<Mono<?>>... calls) {
		return calls;
	}

	private static void report(String name, Supplier<Mono<?>> raw, Supplier<Mono<?>> starter) {
		Measure.warmUp(raw, 20_000);
		Measure.warmUp(starter, 20_000);
		List<double[]> rawRuns = new ArrayList<>();
		List<double[]> starterRuns = new ArrayList<>();
		// alternate, seven rounds, medians: the machine's noise falls on both
		for (int round = 0; round < 7; round++) {
			rawRuns.add(run(raw));
			starterRuns.add(run(starter));
		}
		double[] r = medians(rawRuns);
		double[] s = medians(starterRuns);
		System.out.printf(
				"| %s | %.0f µs | %.0f µs | %.2f | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f | %.1f µs | %.1f µs | %.2f |%n",
				name, r[0], s[0], s[0] / r[0], r[2], s[2], s[2] / r[2], r[1], s[1], s[1] / r[1], r[3], s[3],
				s[3] / r[3]);
	}

	static double[] run(Supplier<Mono<?>> call) {
		double[] sequential = Measure.sequential(() -> call.get().block(), 5_000);
		double throughput = Measure.throughput(call, 20_000);
		return new double[] { sequential[0], sequential[1], throughput, sequential[2] };
	}

	static double[] medians(List<double[]> runs) {
		double[] medians = new double[runs.get(0).length];
		for (int i = 0; i < medians.length; i++) {
			int metric = i;
			double[] values = runs.stream().mapToDouble((run) -> run[metric]).sorted().toArray();
			medians[i] = values[values.length / 2];
		}
		return medians;
	}

	static ConfigurableApplicationContext starter(String baseUrl) {
		return starter(baseUrl, false);
	}

	/**
	 * Start an application with the starter.
	 * @param baseUrl the API's base URL
	 * @param jdk whether the application has no Reactor Netty, as a Spring MVC one, so
	 * that the starter uses the JDK's {@code HttpClient}
	 * @return the application's context
	 */
	static ConfigurableApplicationContext starter(String baseUrl, boolean jdk) {
		SpringApplication application = jdk
				? new SpringApplication(new DefaultResourceLoader(new WithoutReactorNetty()),
						BenchmarkApplication.class)
				: new SpringApplication(BenchmarkApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setLogStartupInfo(false);
		return application.run("--tunethemodel.base-url=" + baseUrl, "--tunethemodel.api-key=" + API_KEY,
				"--tunethemodel.pool.max-connections=64", "--spring.main.banner-mode=off", "--logging.level.root=warn");
	}

	private static void upload() throws IOException {
		Path directory = Files.createTempDirectory("ttm-upload-benchmark");
		try (StubServer server = new StubServer(); ConfigurableApplicationContext context = starter(server.baseUrl())) {
			TuneTheModelOperations starter = context.getBean(TuneTheModelOperations.class);
			System.out.println();
			System.out.println("| examples | wall time | peak heap | old generation | heap limit |");
			System.out.println("|---|---|---|---|---|");
			for (int count : new int[] { 100_000, 1_000_000, 100_000, 1_000_000 }) {
				Path file = dataset(directory, count);
				DatasetFile target = new DatasetFile("f_1", "benchmark", ModelType.GENERATOR, FileStatus.CREATED, null,
						URI.create(server.baseUrl() + "/upload"));
				System.gc();
				List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
					.stream()
					.filter((pool) -> pool.getType() == MemoryType.HEAP)
					.toList();
				heap.forEach(MemoryPoolMXBean::resetPeakUsage);
				long start = System.nanoTime();
				starter.upload(target, TrainingData.jsonLines(file).text("input").output("output").generator())
					.block(Duration.ofMinutes(5));
				long millis = (System.nanoTime() - start) / 1_000_000;
				long peak = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
				long old = heap.stream()
					.filter((pool) -> pool.getName().contains("Old"))
					.mapToLong((pool) -> pool.getPeakUsage().getUsed())
					.sum();
				System.out.printf("| %,d | %d ms | %.1f MiB | %.1f MiB | %.0f MiB |%n", count, millis, mib(peak),
						mib(old), mib(Runtime.getRuntime().maxMemory()));
				Files.delete(file);
			}
		}
		finally {
			Files.deleteIfExists(directory);
		}
	}

	private static Path dataset(Path directory, int count) throws IOException {
		Path file = directory.resolve("dataset-" + count + ".jsonl");
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < count; i++) {
				String input = ("i" + i + " ") + "x".repeat(100 - ("i" + i + " ").length());
				String output = ("o" + i + " ") + "y".repeat(100 - ("o" + i + " ").length());
				writer.write("{\"input\": \"" + input + "\", \"output\": \"" + output + "\"}\n");
			}
		}
		return file;
	}

	private static double mib(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

	static void fork(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(Arrays.asList(arguments).subList(0, arguments.length - 1));
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Benchmarks.class.getName());
		command.add(arguments[arguments.length - 1]);
		Process process = new ProcessBuilder(command).inheritIO().start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("The benchmark " + command + " failed");
		}
	}

	static String javaCommand() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	static String separator() {
		return File.pathSeparator;
	}

}
