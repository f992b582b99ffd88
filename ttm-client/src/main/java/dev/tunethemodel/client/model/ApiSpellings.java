package dev.tunethemodel.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Compares the names the API sends in its own spellings.
 */
final class ApiSpellings {

	private ApiSpellings() {
	}

	/**
	 * Return a name in the one form used for comparison: lower case, without spaces,
	 * dashes or underscores, so that {@code "Ready"}, {@code "READY"} and {@code "ready"}
	 * are one.
	 * @param value the API's text, may be {@code null}
	 * @return the normalized text, empty when {@code value} is {@code null}
	 */
	static String normalize(@Nullable String value) {
		if (value == null) {
			return "";
		}
		StringBuilder normalized = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '_' && c != '-' && !Character.isWhitespace(c)) {
				normalized.append(Character.toLowerCase(c));
			}
		}
		return normalized.toString();
	}

}
