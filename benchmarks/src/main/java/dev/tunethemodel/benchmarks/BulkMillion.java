package dev.tunethemodel.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;

import dev.tunethemodel.client.TuneTheModelOperations;

/**
 * A million inputs through {@code classifyAll} of the starter, made as they are asked for
 * and counted, not kept, in a JVM of 128 MiB of heap, against the fast model of a
 * {@link BulkStub} that refuses one call in 100,000 for two seconds, so that the window
 * of results waiting in order fills up ten times; prints its table row.
 */
final class BulkMillion {

	static final String HEADER = "| transport | inputs | results | wall time | results/s | heap after GC before | peak heap "
			+ "| peak heap after GC | old generation peak | heap after a full GC at the end | heap limit | GCs "
			+ "| client CPU | stub CPU " + "| other processes' CPU | most at once | 429s |";

	/**
	 * The JVM option that names the transport: {@code jdk} for the JDK's
	 * {@code HttpClient}, as in a Spring MVC application, else Reactor Netty.
	 */
	static final String TRANSPORT_PROPERTY = "-Dbenchmark.transport";

	private static final int INPUTS = 1_000_000;

	private BulkMillion() {
	}

	/**
	 * Return the transport this JVM was asked to run on.
	 * @return {@code jdk} or {@code reactor-netty}
	 */
	static String transport() {
		return "jdk".equals(System.getProperty(TRANSPORT_PROPERTY.substring(2))) ? "jdk" : "reactor-netty";
	}

	static void run() throws IOException {
		boolean jdk = transport().equals("jdk");
		try (RemoteStub server = RemoteStub.start(BulkStub.class);
				ConfigurableApplicationContext context = Benchmarks.starter(server.baseUrl(), jdk)) {
			TuneTheModelOperations starter = context.getBean(TuneTheModelOperations.class);
			BulkBenchmark.Counts stub = new BulkBenchmark.Counts(server.baseUrl());
			List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((pool) -> pool.getType() == MemoryType.HEAP)
				.toList();
			Set<String> heapPools = heap.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
			AtomicLong mostAfterGc = new AtomicLong();
			NotificationListener afterGc = (notification, handback) -> {
				if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
					Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo
						.from((CompositeData) notification.getUserData())
						.getGcInfo()
						.getMemoryUsageAfterGc();
					long used = after.entrySet()
						.stream()
						.filter((pool) -> heapPools.contains(pool.getKey()))
						.mapToLong((pool) -> pool.getValue().getUsed())
						.sum();
					mostAfterGc.accumulateAndGet(used, Math::max);
				}
			};
			List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
			System.gc();
			for (GarbageCollectorMXBean collector : collectors) {
				((NotificationEmitter) collector).addNotificationListener(afterGc, null, null);
			}
			heap.forEach(MemoryPoolMXBean::resetPeakUsage);
			long before = heap.stream().mapToLong((pool) -> pool.getUsage().getUsed()).sum();
			long collections = collections(collectors);
			CpuUse cpu = CpuUse.start(stub.take(BulkStub.FAST_REFUSING).cpuNanos());
			long start = System.nanoTime();
			Long results = starter.classifyAll(BulkStub.FAST_REFUSING, Flux.range(0, INPUTS).map(BulkBenchmark::text))
				.count()
				.block(Duration.ofMinutes(10));
			long nanos = System.nanoTime() - start;
			BulkBenchmark.StubCounts counts = stub.take(BulkStub.FAST_REFUSING);
			long peak = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
			long old = heap.stream()
				.filter((pool) -> pool.getName().contains("Old"))
				.mapToLong((pool) -> pool.getPeakUsage().getUsed())
				.sum();
			long count = (results != null) ? results : 0;
			long gcs = collections(collectors) - collections;
			String cpuUse = cpu.end(counts.cpuNanos());
			// young collections leave the garbage promoted to the old generation: what is
			// kept is what a full one leaves
			System.gc();
			long kept = heap.stream().mapToLong((pool) -> pool.getUsage().getUsed()).sum();
			System.out.printf(
					"| %s | %,d | %,d | %.1f s | %,.0f | %.1f MiB | %.1f MiB | %.1f MiB | %.1f MiB | %.1f MiB | %.0f MiB | %,d "
							+ "| %s | %d | %d |%n",
					transport(), INPUTS, count, nanos / 1e9, count / (nanos / 1e9), mib(before), mib(peak),
					mib(mostAfterGc.get()), mib(old), mib(kept), mib(Runtime.getRuntime().maxMemory()), gcs, cpuUse,
					counts.mostActive(), counts.rejected());
		}
	}

	private static long collections(List<GarbageCollectorMXBean> collectors) {
		return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
	}

	private static double mib(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

}
