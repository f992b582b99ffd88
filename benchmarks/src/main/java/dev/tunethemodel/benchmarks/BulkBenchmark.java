package dev.tunethemodel.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.error.TuneTheModelException;

/**
 * Bulk inference against a stub API whose capacity is known ({@link BulkStub}, in a
 * process of its own): {@code classifyAll} of the starter against the 800 calls/s of the
 * rate-limited model with a {@code Retry-After} of 1, 2, 5 and 10 s, in 200 calls of 100
 * inputs after one another, and against the 1600 calls/s that 32 calls at once get from
 * the unlimited one, the loop of {@code classify(...).block()} a user would write
 * otherwise, a {@code flatMap} of 32 calls at once with the default retry settings, raw
 * Reactor Netty with exactly the calls at once each stub takes, and then a million inputs
 * in 128 MiB of heap ({@link BulkMillion}).
 */
final class BulkBenchmark {

	private static final int INPUTS = 20_000;

	private static final int SEQUENTIAL_INPUTS = 250;

	private static final int NAIVE_INPUTS = 4_000;

	private static final int NAIVE_CONCURRENCY = 32;

	private static final int RAW_INPUTS = 5_000;

	private static final int LONG_WAIT_INPUTS = 20_000;

	// long enough that the waits of the probes past the limit are a tenth of the run
	private static final int LONGER_WAIT_INPUTS = 40_000;

	private static final int CHUNKS = 200;

	private static final int CHUNK_INPUTS = 100;

	private static final int BUILDER_INPUTS = 10_000;

	// the client's default bulk-max-concurrency
	private static final int CLIENT_MAX_CONCURRENCY = 32;

	static final double LIMITED_CAPACITY = BulkStub.CAPACITY * 1000.0 / BulkStub.LATENCY.toMillis();

	private static final double UNLIMITED_TARGET = CLIENT_MAX_CONCURRENCY * 1000.0 / BulkStub.LATENCY.toMillis();

	private BulkBenchmark() {
	}

	static void run() throws IOException, InterruptedException {
		List<String> rows = new ArrayList<>();
		try (RemoteStub server = RemoteStub.start(BulkStub.class);
				ConfigurableApplicationContext context = Benchmarks.starter(server.baseUrl())) {
			TuneTheModelOperations starter = context.getBean(TuneTheModelOperations.class);
			Counts stub = new Counts(server.baseUrl());
			// so that the JIT has compiled the client before anything is measured
			classifyAll(starter, BulkStub.FAST, INPUTS);
			stub.take(BulkStub.FAST);
			rows.add(measure("classifyAll, starter", BulkStub.LIMITED, INPUTS, LIMITED_CAPACITY, stub,
					() -> classifyAll(starter, BulkStub.LIMITED, INPUTS)));
			rows.add(measure("classifyAll, starter", BulkStub.UNLIMITED, INPUTS, UNLIMITED_TARGET, stub,
					() -> classifyAll(starter, BulkStub.UNLIMITED, INPUTS)));
			for (String model : List.of(BulkStub.LIMITED_LONG_WAIT, BulkStub.LIMITED_5S, BulkStub.LIMITED_10S)) {
				int inputs = model.equals(BulkStub.LIMITED_LONG_WAIT) ? LONG_WAIT_INPUTS : LONGER_WAIT_INPUTS;
				rows.add(measure("classifyAll, starter", model, inputs, LIMITED_CAPACITY, stub,
						() -> classifyAll(starter, model, inputs)));
			}
			rows.add(measure("classifyAll, starter, " + CHUNKS + " calls of " + CHUNK_INPUTS, BulkStub.LIMITED_CHUNKS,
					CHUNKS * CHUNK_INPUTS, LIMITED_CAPACITY, stub,
					() -> inChunks(() -> classifyAll(starter, BulkStub.LIMITED_CHUNKS, CHUNK_INPUTS))));
			rows.add(measure("classify().block() loop", BulkStub.LIMITED, SEQUENTIAL_INPUTS, LIMITED_CAPACITY, stub,
					() -> sequential(starter, BulkStub.LIMITED, SEQUENTIAL_INPUTS)));
			rows.add(measure("classify().block() loop", BulkStub.UNLIMITED, SEQUENTIAL_INPUTS, UNLIMITED_TARGET, stub,
					() -> sequential(starter, BulkStub.UNLIMITED, SEQUENTIAL_INPUTS)));
			rows.add(measure("flatMap(classify, 32), default retries", BulkStub.LIMITED, NAIVE_INPUTS, LIMITED_CAPACITY,
					stub, () -> inFlight((i) -> starter.classify(BulkStub.LIMITED, text(i)), NAIVE_INPUTS,
							NAIVE_CONCURRENCY)));
			rows.add(measure("flatMap(classify, 32), default retries", BulkStub.LIMITED_10S, NAIVE_INPUTS,
					LIMITED_CAPACITY, stub, () -> inFlight((i) -> starter.classify(BulkStub.LIMITED_10S, text(i)),
							NAIVE_INPUTS, NAIVE_CONCURRENCY)));
			// the ceiling of a client that sends as many calls at once as each stub takes
			try (RawClient raw = new RawClient(server.baseUrl(), Benchmarks.API_KEY)) {
				rows.add(measure("raw Reactor Netty, 16 in flight", BulkStub.LIMITED, RAW_INPUTS, LIMITED_CAPACITY,
						stub,
						() -> inFlight((i) -> raw.classify(BulkStub.LIMITED, text(i)), RAW_INPUTS, BulkStub.CAPACITY)));
				rows.add(measure("raw Reactor Netty, 16 in flight, " + CHUNKS + " calls of " + CHUNK_INPUTS,
						BulkStub.LIMITED_CHUNKS, CHUNKS * CHUNK_INPUTS, LIMITED_CAPACITY, stub,
						() -> inChunks(() -> inFlight((i) -> raw.classify(BulkStub.LIMITED_CHUNKS, text(i)),
								CHUNK_INPUTS, BulkStub.CAPACITY))));
				rows.add(measure("raw Reactor Netty, 32 in flight", BulkStub.UNLIMITED, RAW_INPUTS, UNLIMITED_TARGET,
						stub, () -> inFlight((i) -> raw.classify(BulkStub.UNLIMITED, text(i)), RAW_INPUTS,
								CLIENT_MAX_CONCURRENCY)));
			}
			// without Spring Boot: WebClient.builder(), on Reactor Netty's shared pool
			TuneTheModelOperations plain = TuneTheModelTemplate.builder()
				.baseUrl(server.baseUrl())
				.apiKey(Benchmarks.API_KEY)
				.build();
			rows.add(measure("classifyAll, TuneTheModelTemplate.builder()", BulkStub.UNLIMITED, BUILDER_INPUTS,
					UNLIMITED_TARGET, stub, () -> classifyAll(plain, BulkStub.UNLIMITED, BUILDER_INPUTS)));
		}
		List<String> million = new ArrayList<>(forkMillion("reactor-netty"));
		million.addAll(forkMillion("jdk"));
		System.out.println();
		System.out.printf(
				"Bulk calls on %d cores; 429s and most at once as the stub counted them; CPU in %% of one "
						+ "core, the other processes' from the machine's load%n%n",
				Runtime.getRuntime().availableProcessors());
		System.out.println("| client | stub model | inputs | wall time | results/s | target | % of target | 429s "
				+ "| failed inputs | most at once, accepted / with refused | client CPU | stub CPU | other processes' CPU |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
		System.out.println();
		System.out.println("A million inputs through classifyAll in 128 MiB of heap, fast model (1 ms a call, "
				+ "one call in 100,000 refused for 2 s), on each transport");
		System.out.println();
		System.out.println(BulkMillion.HEADER);
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		million.forEach(System.out::println);
	}

	/**
	 * Return the text of an input, about 70 characters, made when it is asked for.
	 * @param index the position of the input
	 * @return the text
	 */
	static String text(int index) {
		return "Benchmark input " + index + ": the quick brown fox jumps over the lazy dog.";
	}

	/**
	 * Classify inputs with {@code classifyAll}, counting the results without keeping
	 * them.
	 * @param operations the client
	 * @param model the model of the stub
	 * @param inputs how many inputs
	 * @return how many results came back, and how many inputs failed or never got a
	 * response
	 */
	static Outcome classifyAll(TuneTheModelOperations operations, String model, int inputs) {
		AtomicLong results = new AtomicLong();
		try {
			operations.classifyAll(model, Flux.range(0, inputs).map(BulkBenchmark::text))
				.doOnNext((classification) -> results.incrementAndGet())
				.blockLast();
		}
		catch (TuneTheModelException ex) {
			System.err.println("classifyAll on " + model + " failed: " + ex.getMessage());
		}
		return new Outcome(results.get(), inputs - results.get());
	}

	// the chunks of a batch job: each call scores a few inputs and ends before the next
	private static Outcome inChunks(Supplier<Outcome> chunk) {
		long results = 0;
		long failed = 0;
		for (int i = 0; i < CHUNKS; i++) {
			Outcome outcome = chunk.get();
			results += outcome.results();
			failed += outcome.failed();
		}
		return new Outcome(results, failed);
	}

	private static Outcome sequential(TuneTheModelOperations operations, String model, int inputs) {
		long results = 0;
		for (int i = 0; i < inputs; i++) {
			try {
				operations.classify(model, text(i)).block();
				results++;
			}
			catch (TuneTheModelException ex) {
				System.err.println("classify on " + model + " failed: " + ex.getMessage());
			}
		}
		return new Outcome(results, inputs - results);
	}

	// a fixed number of calls at once, as a user who guesses it writes; failures counted
	private static Outcome inFlight(IntFunction<Mono<?>> call, int inputs, int concurrency) {
		Long results = Flux.range(0, inputs)
			.flatMap((i) -> call.apply(i).thenReturn(1L).onErrorResume((ex) -> Mono.just(0L)), concurrency)
			.reduce(0L, Long::sum)
			.block();
		long ok = (results != null) ? results : 0;
		return new Outcome(ok, inputs - ok);
	}

	static String measure(String client, String model, int inputs, double target, Counts stub, Supplier<Outcome> run) {
		CpuUse cpu = CpuUse.start(stub.take(model).cpuNanos());
		long start = System.nanoTime();
		Outcome outcome = run.get();
		long nanos = System.nanoTime() - start;
		StubCounts counts = stub.take(model);
		double rate = outcome.results() / (nanos / 1e9);
		String row = String.format("| %s | %s | %,d | %.1f s | %,.0f | %,.0f | %.1f%% | %,d | %,d | %d / %d | %s |",
				client, model, inputs, nanos / 1e9, rate, target, 100 * rate / target, counts.rejected(),
				outcome.failed(), counts.mostActive(), counts.mostArrived(), cpu.end(counts.cpuNanos()));
		System.out.println(row);
		return row;
	}

	// its table rows are kept for the end, the rest of its output passed on
	private static List<String> forkMillion(String transport) throws IOException, InterruptedException {
		List<String> command = List.of(Benchmarks.javaCommand(), "-Xmx128m",
				BulkMillion.TRANSPORT_PROPERTY + "=" + transport, "-cp", System.getProperty("java.class.path"),
				Benchmarks.class.getName(), "bulk-million");
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		List<String> rows = new ArrayList<>();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				System.out.println(line);
				if (line.startsWith("| ")) {
					rows.add(line);
				}
			}
		}
		if (process.waitFor() != 0) {
			throw new IllegalStateException("The benchmark " + command + " failed");
		}
		return rows;
	}

	/**
	 * What a run got.
	 *
	 * @param results how many results came back
	 * @param failed how many inputs failed or never got a response
	 */
	record Outcome(long results, long failed) {
	}

	/**
	 * What the stub counted for a model since it was last asked.
	 *
	 * @param accepted the calls it responded to with scores
	 * @param rejected the calls it responded to with a 429
	 * @param mostActive the maximum number of calls accepted at once
	 * @param mostArrived the maximum number of calls at once, refused ones included
	 * @param cpuNanos the CPU time of the stub's process so far
	 */
	record StubCounts(long accepted, long rejected, int mostActive, int mostArrived, long cpuNanos) {
	}

	/**
	 * Reads what the stub counted.
	 */
	static final class Counts {

		private final HttpClient client = HttpClient.newHttpClient();

		private final String baseUrl;

		Counts(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		/**
		 * Read and reset what the stub counted for a model.
		 * @param model the model
		 * @return what it counted
		 */
		StubCounts take(String model) {
			try {
				String body = this.client
					.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/stub/" + model)).build(),
							HttpResponse.BodyHandlers.ofString())
					.body();
				String[] fields = body.split(" ");
				return new StubCounts(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Integer.parseInt(fields[2]),
						Integer.parseInt(fields[3]), Long.parseLong(fields[4]));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
