package dev.tunethemodel.autoconfigure;

/**
 * Thrown when the {@code tunethemodel.*} properties hold a mistake that would otherwise
 * pass silently; its message says what is wrong, never a property's value.
 */
final class TuneTheModelPropertiesException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String action;

	/**
	 * Create an exception.
	 * @param description what is wrong
	 * @param action what to do about it
	 */
	TuneTheModelPropertiesException(String description, String action) {
		super(description);
		this.action = action;
	}

	/**
	 * Create an exception.
	 * @param description what is wrong
	 * @param action what to do about it
	 * @param cause what found the mistake
	 */
	TuneTheModelPropertiesException(String description, String action, Throwable cause) {
		super(description, cause);
		this.action = action;
	}

	/**
	 * Return what to do about the mistake.
	 * @return the action
	 */
	String action() {
		return this.action;
	}

}
