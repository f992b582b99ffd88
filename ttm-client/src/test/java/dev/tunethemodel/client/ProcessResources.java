package dev.tunethemodel.client;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the test's process holds: its open sockets (read from {@code /proc/self/fd}, as on
 * Linux) and its live threads.
 *
 * @param sockets how many sockets are open, client and server ends alike
 * @param threads how many threads are alive
 */
record ProcessResources(long sockets, int threads) {

	private static final Path FILE_DESCRIPTORS = Path.of("/proc/self/fd");

	// a few pool threads of the clients may start, and idle for a while, during a test
	private static final int THREAD_SLACK = 8;

	private static final Duration SETTLED = Duration.ofSeconds(10);

	/**
	 * Return what the process holds now.
	 * @return the resources
	 */
	static ProcessResources now() {
		return new ProcessResources(countSockets(), countThreads());
	}

	/**
	 * Assert that the process holds no more sockets than it did, once the closes under
	 * way have settled, and at most a few threads more.
	 * @return what the process holds now
	 */
	ProcessResources assertNothingLeftSince() {
		await().atMost(SETTLED).until(() -> countSockets() <= this.sockets);
		assertThat(countThreads()).as("live threads").isLessThanOrEqualTo(this.threads + THREAD_SLACK);
		return now();
	}

	private static long countSockets() {
		try (Stream<Path> descriptors = Files.list(FILE_DESCRIPTORS)) {
			return descriptors.filter(ProcessResources::isSocket).count();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list " + FILE_DESCRIPTORS, ex);
		}
	}

	private static int countThreads() {
		return ManagementFactory.getThreadMXBean().getThreadCount();
	}

	private static boolean isSocket(Path descriptor) {
		try {
			return Files.readSymbolicLink(descriptor).toString().startsWith("socket:");
		}
		catch (IOException ex) {
			// closed while listed
			return false;
		}
	}

}
