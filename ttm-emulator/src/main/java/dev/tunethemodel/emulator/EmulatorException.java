package dev.tunethemodel.emulator;

/**
 * An error response of the emulator: a status and a plain-text reason.
 */
final class EmulatorException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String reason;

	EmulatorException(int status, String reason) {
		super(reason, null, false, false);
		this.status = status;
		this.reason = reason;
	}

	int status() {
		return this.status;
	}

	String reason() {
		return this.reason;
	}

	static EmulatorException badRequest(String reason) {
		return new EmulatorException(400, reason);
	}

	static EmulatorException notFound(String reason) {
		return new EmulatorException(404, reason);
	}

}
