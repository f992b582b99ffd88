package dev.tunethemodel.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.BlockingTuneTheModelTemplate;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelTemplate;

/**
 * The blocking API against the reactive one, on each transport: the same call, waited for
 * by {@link BlockingTuneTheModelOperations} or subscribed to, one at a time and 64 at a
 * time (64 threads for the blocking one, 64 in flight for the reactive one).
 */
final class BlockingBenchmark {

	private BlockingBenchmark() {
	}

	static void run() throws IOException {
		try (RemoteStub server = RemoteStub.start()) {
			System.out.println();
			System.out
				.println("| transport | call | latency reactive → blocking | ratio | CPU/call reactive → blocking "
						+ "| ratio | calls/s, 64 in flight → 64 threads blocking | ratio "
						+ "| calls/s, 64 threads: block() → blocking | ratio |");
			System.out.println("|---|---|---|---|---|---|---|---|---|---|");
			ConnectionProvider connections = ConnectionProvider.builder("blocking-benchmark")
				.maxConnections(64)
				.build();
			try {
				// built as the starter builds its connectors
				compare("Reactor Netty", server.baseUrl(),
						ClientHttpConnectorBuilder.reactor()
							.withHttpClientFactory(() -> HttpClient.create(connections))
							.build(HttpClientSettings.defaults()));
				compare("JDK HttpClient", server.baseUrl(),
						ClientHttpConnectorBuilder.jdk().build(HttpClientSettings.defaults()));
			}
			finally {
				connections.dispose();
			}
		}
	}

	private static void compare(String transport, String baseUrl, ClientHttpConnector connector) {
		TuneTheModelOperations reactive = TuneTheModelTemplate.builder()
			.webClientBuilder(() -> WebClient.builder().clientConnector(connector))
			.baseUrl(baseUrl)
			.apiKey(Benchmarks.API_KEY)
			.build();
		BlockingTuneTheModelOperations blocking = new BlockingTuneTheModelTemplate(reactive);
		report(transport, "getModel", () -> reactive.getModel(Benchmarks.MODEL_ID),
				() -> blocking.getModel(Benchmarks.MODEL_ID));
		report(transport, "classify", () -> reactive.classify(Benchmarks.MODEL_ID, "You are wonderful"),
				() -> blocking.classify(Benchmarks.MODEL_ID, "You are wonderful"));
	}

	private static void report(String transport, String name, Supplier<Mono<?>> reactive, Runnable blocking) {
		Runnable reactiveBlocked = () -> reactive.get().block();
		Measure.warmUp(reactive, 20_000);
		Measure.warmUpOnThreads(reactiveBlocked, 20_000);
		Measure.warmUpOnThreads(blocking, 20_000);
		List<double[]> reactiveRuns = new ArrayList<>();
		List<double[]> blockingRuns = new ArrayList<>();
		// seven rounds, each starting with the other one, medians: noise falls on both
		for (int round = 0; round < 7; round++) {
			if (round % 2 == 0) {
				reactiveRuns.add(measureReactive(reactive, reactiveBlocked));
				blockingRuns.add(measureBlocking(blocking));
			}
			else {
				blockingRuns.add(measureBlocking(blocking));
				reactiveRuns.add(measureReactive(reactive, reactiveBlocked));
			}
		}
		double[] r = Benchmarks.medians(reactiveRuns);
		double[] b = Benchmarks.medians(blockingRuns);
		System.out.printf(
				"| %s | %s | %.0f → %.0f µs | %.2f | %.1f → %.1f µs | %.2f | %,.0f → %,.0f | %.2f | %,.0f → %,.0f | %.2f |%n",
				transport, name, r[0], b[0], b[0] / r[0], r[1], b[1], b[1] / r[1], r[2], b[2], b[2] / r[2], r[3], b[2],
				b[2] / r[3]);
	}

	// latency, CPU per call, calls/s with 64 in flight, calls/s of block() on 64 threads
	private static double[] measureReactive(Supplier<Mono<?>> reactive, Runnable reactiveBlocked) {
		double[] sequential = Measure.sequential(reactiveBlocked, 5_000);
		return new double[] { sequential[0], sequential[2], Measure.throughput(reactive, 20_000),
				Measure.throughputOnThreads(reactiveBlocked, 20_000) };
	}

	private static double[] measureBlocking(Runnable blocking) {
		double[] sequential = Measure.sequential(blocking, 5_000);
		return new double[] { sequential[0], sequential[2], Measure.throughputOnThreads(blocking, 20_000) };
	}

}
