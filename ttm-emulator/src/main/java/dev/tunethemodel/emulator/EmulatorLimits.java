package dev.tunethemodel.emulator;

import java.time.Duration;

/**
 * The bounds of what the emulator accepts. A request beyond one is refused with a 4xx
 * status and a plain-text reason, so that no request makes it run out of memory or hang:
 * <ul>
 * <li>{@code num_classes}: {@value #MIN_NUM_CLASSES} to {@value #MAX_NUM_CLASSES}, and a
 * dataset's labels below {@value #MAX_NUM_CLASSES};</li>
 * <li>{@code train_iters}: 1 to {@value #MAX_TRAIN_ITERS};</li>
 * <li>{@code num_hypos}: 1 to {@value #MAX_NUM_HYPOS};</li>
 * <li>{@code max_tokens}: 1 to {@value #MAX_TOKENS}, {@code min_tokens}: 0 to
 * {@code max_tokens};</li>
 * <li>a fault's {@code status}: 0 or {@value #MIN_FAULT_STATUS} to
 * {@value #MAX_FAULT_STATUS}, its {@code count}: at least 1, its {@code delay_ms}: 0 to
 * {@link #MAX_FAULT_DELAY} (5 minutes, more than any timeout of the starter), its
 * {@code retry_after}: 0 to {@link #MAX_RETRY_AFTER} (a day);</li>
 * <li>a JSON request body: {@value #MAX_JSON_BODY_BYTES} bytes (413 above);</li>
 * <li>an upload: {@link TuneTheModelEmulator.Builder#maxUploadSize(long) a maximum size}
 * ({@value #DEFAULT_MAX_UPLOAD_SIZE} bytes, 1 GiB, by default; 413 above, checked from
 * {@code Content-Length} before the body is read), and a text in a dataset
 * {@value #MAX_TEXT_LENGTH} characters (the file fails above);</li>
 * <li>a request line: {@value #MAX_REQUEST_LINE_LENGTH} bytes (414 above), and its
 * headers together {@value #MAX_HEADER_SIZE} bytes (431 above); the connection is closed
 * after either response;</li>
 * <li>the head of a request, its line and headers, must arrive whole within
 * {@link #REQUEST_HEAD_TIMEOUT} (a minute) of the connection or of the previous response,
 * or the connection is closed; the body of a request has no such bound, so that a large
 * upload may take its time;</li>
 * <li>requests sent on a connection ahead of their responses (HTTP/1.1 pipelining):
 * {@value #MAX_PIPELINED_REQUESTS}, and without a body but for the first; the connection
 * is closed beyond.</li>
 * </ul>
 * A request without the right key gets a 401 before its body is read, and the body is
 * discarded as it arrives. {@link TuneTheModelEmulator#requests()} keeps the latest
 * {@value #MAX_RECORDED_REQUESTS} requests, and at most {@value #MAX_RECORDED_BYTES}
 * bytes of their paths and bodies, dropping the oldest first. Numbers must be whole where
 * the API counts something: {@code 2.9} is refused, not rounded. The models learn from
 * the first {@value #MAX_LEARNT_EXAMPLES} examples of a dataset, and from at most its
 * first {@value #MAX_LEARNT_CHARS} characters of inputs and of outputs; the rest is
 * checked, not learnt.
 *
 * @since 0.1.0
 */
public final class EmulatorLimits {

	/**
	 * The fewest classes of a classifier.
	 */
	public static final int MIN_NUM_CLASSES = 2;

	/**
	 * The maximum number of classes of a classifier.
	 */
	public static final int MAX_NUM_CLASSES = 10_000;

	/**
	 * The maximum number of training iterations a model may ask for.
	 */
	public static final int MAX_TRAIN_ITERS = 1_000_000;

	/**
	 * The maximum number of texts one generation may ask for.
	 */
	public static final int MAX_NUM_HYPOS = 16;

	/**
	 * The maximum number of tokens (words, for the emulator) a generated text may have.
	 */
	public static final int MAX_TOKENS = 4096;

	/**
	 * The lowest status of an injected fault, other than 0.
	 */
	public static final int MIN_FAULT_STATUS = 400;

	/**
	 * The highest status of an injected fault.
	 */
	public static final int MAX_FAULT_STATUS = 599;

	/**
	 * The longest delay of an injected fault.
	 */
	public static final Duration MAX_FAULT_DELAY = Duration.ofMinutes(5);

	/**
	 * The longest {@code Retry-After} of an injected fault.
	 */
	public static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

	/**
	 * The maximum number of bytes of a JSON request body.
	 */
	public static final int MAX_JSON_BODY_BYTES = 256 * 1024;

	/**
	 * The maximum number of bytes of an upload, unless the builder sets another maximum.
	 */
	public static final long DEFAULT_MAX_UPLOAD_SIZE = 1024L * 1024 * 1024;

	/**
	 * The maximum number of characters of one text of a dataset.
	 */
	public static final int MAX_TEXT_LENGTH = 4 * 1024 * 1024;

	/**
	 * The maximum number of examples of a dataset that a model learns from.
	 */
	public static final int MAX_LEARNT_EXAMPLES = 10_000;

	/**
	 * The maximum number of characters of a dataset's inputs, and of its outputs, that a
	 * model learns from.
	 */
	public static final int MAX_LEARNT_CHARS = 1024 * 1024;

	/**
	 * The maximum number of bytes of a request line: its method, its path with its query,
	 * and its version.
	 */
	public static final int MAX_REQUEST_LINE_LENGTH = 4096;

	/**
	 * The maximum number of bytes of the headers of a request, together.
	 */
	public static final int MAX_HEADER_SIZE = 8192;

	/**
	 * How long the emulator waits for the head of a request, from the connection or the
	 * previous response on it, before it closes the connection: longer than the starter's
	 * pool keeps a connection idle (20 seconds, checked every 10), so that the emulator
	 * does not close one the client is about to reuse.
	 */
	public static final Duration REQUEST_HEAD_TIMEOUT = Duration.ofMinutes(1);

	/**
	 * The maximum number of requests a client may send on a connection ahead of their
	 * responses; no usual client sends a second one before the first response.
	 */
	public static final int MAX_PIPELINED_REQUESTS = 16;

	/**
	 * The maximum number of requests {@link TuneTheModelEmulator#requests()} keeps.
	 */
	public static final int MAX_RECORDED_REQUESTS = 1000;

	/**
	 * The maximum number of bytes the paths and bodies of the requests
	 * {@link TuneTheModelEmulator#requests()} keeps take together, counting two a
	 * character, the maximum a Java string takes: 1,000 JSON bodies of the largest size
	 * would take 500 MiB, 8 MiB holds 16 of them or the latest 1,000 of an application's
	 * usual requests, and fits a 128 MiB heap many times over.
	 */
	public static final long MAX_RECORDED_BYTES = 8L * 1024 * 1024;

	private EmulatorLimits() {
	}

}
