package dev.tunethemodel.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelTemplate;

/**
 * The cost of the client's observations: the same calls by a template without a registry
 * and by one whose registry turns each observation into a timer, as an application with
 * Actuator does. The web client observes nothing in either, so that only the client's own
 * observations are measured.
 */
final class ObservationBenchmark {

	private ObservationBenchmark() {
	}

	static void run() throws IOException {
		ConnectionProvider connections = ConnectionProvider.builder("observation-benchmark").maxConnections(64).build();
		try (RemoteStub server = RemoteStub.start()) {
			ClientHttpConnector connector = ClientHttpConnectorBuilder.reactor()
				.withHttpClientFactory(() -> HttpClient.create(connections))
				.build(HttpClientSettings.defaults());
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig()
				.observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
			TuneTheModelOperations plain = template(server.baseUrl(), connector, ObservationRegistry.NOOP);
			TuneTheModelOperations observed = template(server.baseUrl(), connector, registry);
			System.out.println();
			System.out.println("| call | latency no registry → timers | ratio | CPU/call | ratio | bytes/call | ratio "
					+ "| calls/s, 64 in flight | ratio |");
			System.out.println("|---|---|---|---|---|---|---|---|---|");
			report("getModel", () -> plain.getModel(Benchmarks.MODEL_ID), () -> observed.getModel(Benchmarks.MODEL_ID));
			report("classify", () -> plain.classify(Benchmarks.MODEL_ID, "You are wonderful"),
					() -> observed.classify(Benchmarks.MODEL_ID, "You are wonderful"));
		}
		finally {
			connections.dispose();
		}
	}

	private static TuneTheModelOperations template(String baseUrl, ClientHttpConnector connector,
			ObservationRegistry registry) {
		return TuneTheModelTemplate.builder()
			.webClientBuilder(() -> WebClient.builder().clientConnector(connector))
			.baseUrl(baseUrl)
			.apiKey(Benchmarks.API_KEY)
			.observationRegistry(registry)
			.build();
	}

	private static void report(String name, Supplier<Mono<?>> plain, Supplier<Mono<?>> observed) {
		Measure.warmUp(plain, 20_000);
		Measure.warmUp(observed, 20_000);
		List<double[]> plainRuns = new ArrayList<>();
		List<double[]> observedRuns = new ArrayList<>();
		// seven rounds, each starting with the other one, medians: noise falls on both
		for (int round = 0; round < 7; round++) {
			if (round % 2 == 0) {
				plainRuns.add(Benchmarks.run(plain));
				observedRuns.add(Benchmarks.run(observed));
			}
			else {
				observedRuns.add(Benchmarks.run(observed));
				plainRuns.add(Benchmarks.run(plain));
			}
		}
		double[] p = Benchmarks.medians(plainRuns);
		double[] o = Benchmarks.medians(observedRuns);
		System.out.printf(
				"| %s | %.0f → %.0f µs | %.2f | %.1f → %.1f µs | %.2f | %.0f → %.0f | %.2f | %.0f → %.0f | %.2f |%n",
				name, p[0], o[0], o[0] / p[0], p[3], o[3], o[3] / p[3], p[1], o[1], o[1] / p[1], p[2], o[2],
				o[2] / p[2]);
	}

}
