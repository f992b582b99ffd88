package dev.tunethemodel.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * How much the starter adds to the startup of an application context: minimal
 * applications run in fresh JVMs, with and without the starter's jars, ten times each,
 * alternating.
 */
final class StartupBenchmark {

	private static final int RUNS = 20;

	// the starter's own jars
	private static final Pattern STARTER = Pattern.compile(".*/ttm-[^/]*\\.jar");

	// what the starter brings with it besides: WebClient, Reactor Netty, Jackson, codecs
	private static final Pattern TRANSITIVE = Pattern.compile(
			".*/(spring-boot-(webclient|http-[a-z]+|jackson|reactor|starter-[a-z]+)|spring-web(flux)?|reactor-netty-[a-z]+|netty-[^/]*|jackson-[^/]*|reactor-core|reactive-streams|micrometer-[a-z]+)-[0-9][^/]*\\.jar");

	private StartupBenchmark() {
	}

	static void run() throws IOException, InterruptedException {
		List<String> classpath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
		List<String> withStarter = expand(classpath);
		List<String> withoutStarter = withStarter.stream().filter(Predicate.not(STARTER.asMatchPredicate())).toList();
		List<String> bare = withoutStarter.stream().filter(Predicate.not(TRANSITIVE.asMatchPredicate())).toList();
		List<Double> bareTimes = new ArrayList<>();
		List<Double> withoutTimes = new ArrayList<>();
		List<Double> withTimes = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			bareTimes.add(start(bare));
			withoutTimes.add(start(withoutStarter));
			withTimes.add(start(withStarter));
		}
		double bareMedian = median(bareTimes);
		double withoutMedian = median(withoutTimes);
		double withMedian = median(withTimes);
		System.out.println();
		System.out.println("| application | context startup (median of " + RUNS + " fresh JVMs) |");
		System.out.println("|---|---|");
		System.out.printf("| Spring Boot alone | %.0f ms |%n", bareMedian);
		System.out.printf("| with WebClient, Reactor Netty and Jackson | %.0f ms |%n", withoutMedian);
		System.out.printf("| with the starter | %.0f ms |%n", withMedian);
		System.out.printf("The starter adds %.0f ms to an application with WebClient, %.0f ms to Spring Boot alone%n",
				withMedian - withoutMedian, withMedian - bareMedian);
	}

	// target/lib/* as Java expands it
	private static List<String> expand(List<String> classpath) {
		List<String> expanded = new ArrayList<>();
		for (String entry : classpath) {
			if (entry.endsWith("*")) {
				File[] jars = new File(entry.substring(0, entry.length() - 1))
					.listFiles((dir, name) -> name.endsWith(".jar"));
				for (File jar : (jars != null) ? jars : new File[0]) {
					expanded.add(jar.getPath());
				}
			}
			else {
				expanded.add(entry);
			}
		}
		return expanded;
	}

	private static double start(List<String> classpath) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(Benchmarks.javaCommand(), "-cp",
				String.join(File.pathSeparator, classpath), MinimalApplication.class.getName())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("The application failed to start: " + output);
		}
		String line = output.lines()
			.filter((text) -> text.startsWith(MinimalApplication.STARTED))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No startup time in " + output));
		return Double.parseDouble(line.substring(MinimalApplication.STARTED.length()));
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(Double::compare);
		return sorted.get(sorted.size() / 2);
	}

}
