package dev.tunethemodel.client;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import dev.tunethemodel.client.dataset.TrainingData;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.ModelType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The large-data check, kept out of the default build: 100,000 and then 1,000,000
 * generator examples with 100-character inputs and outputs, read from a JSON Lines file
 * and uploaded to a local server, in a JVM of 128 MiB of heap. Run it with
 * {@code ./mvnw -pl ttm-client -am -P large-data test}; it prints the wall time and the
 * peak heap of each size.
 */
@Tag("large-data")
class LargeDataTests {

	private static final int TEXT_LENGTH = 100;

	@TempDir
	Path directory;

	@Test
	void memoryStaysFlatFromOneHundredThousandToOneMillionExamples() throws IOException {
		Measurement small = measure(100_000);
		Measurement large = measure(1_000_000);
		System.out.println(small);
		System.out.println(large);
		assertThat(large.bytesReceived()).isGreaterThan(200L * 1_000_000);
		// what survives collections, the dataset would be, does not grow tenfold with it
		assertThat(large.peakOldGenerationBytes()).isLessThan(small.peakOldGenerationBytes() + 16 * 1024 * 1024);
	}

	private Measurement measure(int count) throws IOException {
		Path file = writeDataset(count);
		AtomicLong received = new AtomicLong();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.put("/bucket/data",
					(request, response) -> request.receive()
						.doOnNext((buffer) -> received.addAndGet(buffer.readableBytes()))
						.then(response.status(200).send())))
			.bindNow();
		try {
			TuneTheModelTemplate template = TuneTheModelTemplate.builder()
				.baseUrl("http://127.0.0.1:" + server.port())
				.apiKey("large-data-check")
				.temporaryDirectory(this.directory)
				.timeout(Duration.ofMinutes(10))
				.build();
			DatasetFile target = new DatasetFile("f_1", "large", ModelType.GENERATOR, FileStatus.CREATED, null,
					URI.create("http://127.0.0.1:" + server.port() + "/bucket/data"));
			System.gc();
			List<MemoryPoolMXBean> heap = heapPools();
			heap.forEach(MemoryPoolMXBean::resetPeakUsage);
			long start = System.nanoTime();
			Mono<Void> upload = template.upload(target,
					TrainingData.jsonLines(file).text("input").output("output").generator());
			upload.block(Duration.ofMinutes(10));
			Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
			long peakHeap = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
			long peakOld = heap.stream()
				.filter((pool) -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
				.mapToLong((pool) -> pool.getPeakUsage().getUsed())
				.sum();
			return new Measurement(count, wallTime, peakHeap, peakOld, received.get(),
					Runtime.getRuntime().maxMemory());
		}
		finally {
			server.disposeNow();
			Files.delete(file);
		}
	}

	private Path writeDataset(int count) throws IOException {
		Path file = this.directory.resolve("dataset-" + count + ".jsonl");
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < count; i++) {
				writer.write("{\"input\": \"" + text('i', i) + "\", \"output\": \"" + text('o', i) + "\"}\n");
			}
		}
		return file;
	}

	private static String text(char kind, int number) {
		String prefix = kind + String.valueOf(number) + " ";
		return prefix + "x".repeat(TEXT_LENGTH - prefix.length());
	}

	private static List<MemoryPoolMXBean> heapPools() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
	}

	record Measurement(int examples, Duration wallTime, long peakHeapBytes, long peakOldGenerationBytes,
			long bytesReceived, long maxHeapBytes) {

		@Override
		public String toString() {
			return String.format(
					"%,d examples: %d ms, %,d bytes sent, peak heap %.1f MiB (old generation %.1f MiB) of %.0f MiB",
					this.examples, this.wallTime.toMillis(), this.bytesReceived, mib(this.peakHeapBytes),
					mib(this.peakOldGenerationBytes), mib(this.maxHeapBytes));
		}

		private static double mib(long bytes) {
			return bytes / (1024.0 * 1024.0);
		}

	}

}
