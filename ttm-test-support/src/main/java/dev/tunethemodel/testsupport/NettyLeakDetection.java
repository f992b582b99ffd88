package dev.tunethemodel.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a test after which Netty reports a leaked buffer: leak detection is paranoid, and
 * after each test the garbage is collected and buffers are allocated so that the detector
 * reports what it found, which this extension reads from the log.
 */
class NettyLeakDetection implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

	private static final int COLLECTIONS = 3;

	private static final LeakReports reports = new LeakReports();

	@Override
	public void beforeAll(ExtensionContext context) {
		ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
		Logger detector = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
		synchronized (reports) {
			if (!reports.isStarted()) {
				reports.setContext(detector.getLoggerContext());
				reports.start();
				detector.addAppender(reports);
			}
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		LeakReports.leaks.clear();
	}

	@Override
	public void afterEach(ExtensionContext context) throws InterruptedException {
		for (int i = 0; i < COLLECTIONS; i++) {
			System.gc();
			Thread.sleep(20);
			// the detector reports leaks when a tracked buffer is allocated
			ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(1);
			buffer.release();
		}
		assertThat(LeakReports.leaks).as("Netty's leak reports").isEmpty();
	}

	private static final class LeakReports extends AppenderBase<ILoggingEvent> {

		static final List<String> leaks = new CopyOnWriteArrayList<>();

		@Override
		protected void append(ILoggingEvent event) {
			if (event.getFormattedMessage().contains("LEAK:")) {
				leaks.add(event.getFormattedMessage());
			}
		}

	}

}
