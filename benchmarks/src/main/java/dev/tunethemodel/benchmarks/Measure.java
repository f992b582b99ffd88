package dev.tunethemodel.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Measures one kind of call: sequential latency, throughput with 64 calls in flight (or
 * on 64 threads), and the bytes allocated and CPU time per call of every thread but the
 * stub server's.
 */
final class Measure {

	private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private static final int IN_FLIGHT = 64;

	private Measure() {
	}

	static void warmUp(Supplier<Mono<?>> call, int calls) {
		Flux.range(0, calls).concatMap((i) -> call.get(), 1).then().block();
		Flux.range(0, calls).flatMap((i) -> call.get(), IN_FLIGHT).then().block();
	}

	static void warmUpOnThreads(Runnable call, int calls) {
		sequential(call, calls);
		throughputOnThreads(call, calls);
	}

	/**
	 * Measure calls made one after the other.
	 * @param call makes one call and waits for its end
	 * @param calls how many calls to make
	 * @return the median latency in microseconds, the mean bytes allocated per call and
	 * the mean CPU time per call in microseconds
	 */
	static double[] sequential(Runnable call, int calls) {
		long[] nanos = new long[calls];
		long allocatedBefore = allocatedBytes();
		long cpuBefore = cpuNanos();
		for (int i = 0; i < calls; i++) {
			long start = System.nanoTime();
			call.run();
			nanos[i] = System.nanoTime() - start;
		}
		long cpu = cpuNanos() - cpuBefore;
		long allocated = allocatedBytes() - allocatedBefore;
		Arrays.sort(nanos);
		return new double[] { nanos[calls / 2] / 1000.0, (double) allocated / calls, cpu / 1000.0 / calls };
	}

	// CPU time of every thread of this process: steadier than wall time on a busy machine
	private static long cpuNanos() {
		long total = 0;
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			long cpu = threads.getThreadCpuTime(thread.getId());
			total += Math.max(cpu, 0);
		}
		return total;
	}

	/**
	 * Measure calls made 64 at a time.
	 * @param call makes one call
	 * @param calls how many calls to make
	 * @return the calls per second
	 */
	static double throughput(Supplier<Mono<?>> call, int calls) {
		long start = System.nanoTime();
		Flux.range(0, calls).flatMap((i) -> call.get(), IN_FLIGHT).then().block();
		return calls / ((System.nanoTime() - start) / 1e9);
	}

	/**
	 * Measure calls made by 64 threads, each waiting for its call.
	 * @param call makes one call and waits for its end
	 * @param calls how many calls to make
	 * @return the calls per second
	 */
	static double throughputOnThreads(Runnable call, int calls) {
		ExecutorService threads = Executors.newFixedThreadPool(IN_FLIGHT);
		try {
			List<Callable<Void>> shares = new ArrayList<>();
			for (int i = 0; i < IN_FLIGHT; i++) {
				shares.add(() -> {
					for (int n = 0; n < calls / IN_FLIGHT; n++) {
						call.run();
					}
					return null;
				});
			}
			long start = System.nanoTime();
			for (Future<Void> share : threads.invokeAll(shares)) {
				share.get();
			}
			return (calls / IN_FLIGHT) * IN_FLIGHT / ((System.nanoTime() - start) / 1e9);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static long allocatedBytes() {
		long total = 0;
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (!thread.getName().startsWith("stub")) {
				total += threads.getThreadAllocatedBytes(thread.getId());
			}
		}
		return total;
	}

}
