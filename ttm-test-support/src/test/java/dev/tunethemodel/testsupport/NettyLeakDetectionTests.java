package dev.tunethemodel.testsupport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests that {@link NettyLeakDetection} fails a test that leaks a buffer, and only such a
 * test.
 */
class NettyLeakDetectionTests {

	private final NettyLeakDetection detection = new NettyLeakDetection();

	@Test
	void leakedBufferFailsTheTest() throws Exception {
		this.detection.beforeAll(null);
		this.detection.beforeEach(null);
		leak();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.detection.afterEach(null))
			.withMessageContaining("LEAK:");
	}

	@Test
	void releasedBufferPasses() {
		this.detection.beforeAll(null);
		this.detection.beforeEach(null);
		PooledByteBufAllocator.DEFAULT.buffer(64).writeLong(1).release();
		assertThatNoException().isThrownBy(() -> this.detection.afterEach(null));
	}

	private static void leak() {
		ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(64);
		buffer.writeLong(1);
	}

}
