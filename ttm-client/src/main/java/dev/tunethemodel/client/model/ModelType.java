package dev.tunethemodel.client.model;

import org.jspecify.annotations.Nullable;

/**
 * The kind of task a model is trained for.
 *
 * @since 0.1.0
 */
public enum ModelType {

	/**
	 * Assigns one of a fixed number of classes to a text.
	 */
	CLASSIFIER("classifier"),

	/**
	 * Continues a text.
	 */
	GENERATOR("generator");

	private static final ModelType[] VALUES = values();

	private final String apiValue;

	ModelType(String apiValue) {
		this.apiValue = apiValue;
	}

	/**
	 * Return the name the API uses for this type, such as {@code classifier}.
	 * @return the API's name of this type
	 */
	public String apiValue() {
		return this.apiValue;
	}

	/**
	 * Return the type the API names, compared without case, spaces, dashes or
	 * underscores.
	 * @param apiValue the API's name of a type, may be {@code null}
	 * @return the type, or {@code null} when the name is missing or unknown
	 */
	public static @Nullable ModelType fromApiValue(@Nullable String apiValue) {
		// the API's own spelling, looked up first: every response has it
		for (ModelType type : VALUES) {
			if (type.apiValue.equals(apiValue)) {
				return type;
			}
		}
		String normalized = ApiSpellings.normalize(apiValue);
		for (ModelType type : VALUES) {
			if (type.apiValue.equals(normalized)) {
				return type;
			}
		}
		return null;
	}

}
