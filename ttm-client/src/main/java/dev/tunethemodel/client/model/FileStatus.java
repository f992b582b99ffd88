package dev.tunethemodel.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Where a dataset file stands: the API processes an uploaded dataset asynchronously, from
 * {@link #CREATED} to {@link #READY} or {@link #FAILED}.
 *
 * @since 0.1.0
 */
public enum FileStatus {

	/**
	 * Created, nothing uploaded yet.
	 */
	CREATED("filecreated"),

	/**
	 * Uploaded and waiting to be processed.
	 */
	IN_QUEUE("fileinqueue"),

	/**
	 * Being loaded.
	 */
	LOADING("fileloading"),

	/**
	 * Loaded, being checked.
	 */
	LOADED("fileloaded"),

	/**
	 * Processed and ready to be bound to a model.
	 */
	READY("fileready"),

	/**
	 * Could not be processed.
	 */
	FAILED("filefailed"),

	/**
	 * A status this client does not know; {@link DatasetFile#rawStatus()} holds the API's
	 * text.
	 */
	UNKNOWN("");

	private static final String PREFIX = "file";

	private final String apiValue;

	FileStatus(String apiValue) {
		this.apiValue = apiValue;
	}

	/**
	 * Return the status the API names, compared without case, spaces, dashes or
	 * underscores, with or without its {@code file} prefix.
	 * @param apiValue the API's status text, may be {@code null}
	 * @return the status, {@link #UNKNOWN} when the text is missing or not known
	 */
	public static FileStatus fromApiValue(@Nullable String apiValue) {
		String normalized = ApiSpellings.normalize(apiValue);
		String prefixed = normalized.startsWith(PREFIX) ? normalized : PREFIX + normalized;
		for (FileStatus status : values()) {
			if (status != UNKNOWN && status.apiValue.equals(prefixed)) {
				return status;
			}
		}
		return UNKNOWN;
	}

}
