package dev.tunethemodel.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * The CPU time of this process, of the stub's, and of every other process of the machine
 * over one measurement, each in percent of one core: on a machine of few cores, other
 * processes' work slows a benchmark down, so its figures say how much there was.
 */
final class CpuUse {

	private static final com.sun.management.OperatingSystemMXBean system = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final long clientCpu;

	private final long stubCpu;

	private final long start;

	private CpuUse(long clientCpu, long stubCpu, long start) {
		this.clientCpu = clientCpu;
		this.stubCpu = stubCpu;
		this.start = start;
	}

	/**
	 * Start counting.
	 * @param stubCpu the CPU time of the stub's process so far, in nanoseconds
	 * @return the count
	 */
	static CpuUse start(long stubCpu) {
		// the machine's load is measured from one call to the next
		system.getCpuLoad();
		return new CpuUse(system.getProcessCpuTime(), stubCpu, System.nanoTime());
	}

	/**
	 * Stop counting.
	 * @param stubCpu the CPU time of the stub's process so far, in nanoseconds
	 * @return the table cells of this process's, the stub's and the other processes' CPU
	 */
	String end(long stubCpu) {
		double machine = system.getCpuLoad() * Runtime.getRuntime().availableProcessors() * 100;
		double nanos = System.nanoTime() - this.start;
		double client = 100 * (system.getProcessCpuTime() - this.clientCpu) / nanos;
		double stub = 100 * (stubCpu - this.stubCpu) / nanos;
		return String.format("%.0f%% | %.0f%% | %.0f%%", client, stub, Math.max(0, machine - client - stub));
	}

}
