package dev.tunethemodel.emulator;

import java.util.function.DoublePredicate;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the typed, bounded fields of a request body, refusing with a reason any value of
 * the wrong type or out of bounds; a field that is missing or {@code null} is absent.
 */
final class JsonFields {

	private static final int MOST_QUOTED_CHARS = 40;

	private JsonFields() {
	}

	/**
	 * Return a whole number, refusing a fraction rather than rounding it.
	 * @param object the object that holds the field
	 * @param field the name of the field
	 * @param min the least value
	 * @param max the greatest value
	 * @return the value, {@code null} when absent
	 */
	static @Nullable Long wholeNumber(JsonNode object, String field, long min, long max) {
		JsonNode value = present(object, field);
		if (value == null) {
			return null;
		}
		if (!value.isNumber() || !value.canConvertToExactIntegral()) {
			throw EmulatorException.badRequest(field + " must be a whole number, but is " + quote(value));
		}
		if (!value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
			throw EmulatorException
				.badRequest(field + " must be between " + min + " and " + max + ", but is " + quote(value));
		}
		return value.asLong();
	}

	/**
	 * Return a whole number that fits an {@code int}.
	 * @param object the object that holds the field
	 * @param field the name of the field
	 * @param min the least value
	 * @param max the greatest value
	 * @return the value, {@code null} when absent
	 */
	static @Nullable Integer wholeInt(JsonNode object, String field, int min, int max) {
		Long value = wholeNumber(object, field, (long) min, max);
		return (value != null) ? value.intValue() : null;
	}

	/**
	 * Return a number.
	 * @param object the object that holds the field
	 * @param field the name of the field
	 * @param valid which values are valid
	 * @param rule what a valid value is, as in {@code a number from 0 to 1}
	 * @return the value, {@code null} when absent
	 */
	static @Nullable Double number(JsonNode object, String field, DoublePredicate valid, String rule) {
		JsonNode value = present(object, field);
		if (value == null) {
			return null;
		}
		if (!value.isNumber() || !valid.test(value.asDouble())) {
			throw EmulatorException.badRequest(field + " must be " + rule + ", but is " + quote(value));
		}
		return value.asDouble();
	}

	/**
	 * Check that a field is a boolean when present.
	 * @param object the object that holds the field
	 * @param field the name of the field
	 * @return the value, {@code false} when absent
	 */
	static boolean bool(JsonNode object, String field) {
		JsonNode value = present(object, field);
		if (value != null && !value.isBoolean()) {
			throw EmulatorException.badRequest(field + " must be true or false, but is " + quote(value));
		}
		return value != null && value.asBoolean();
	}

	/**
	 * Return a text.
	 * @param object the object that holds the field
	 * @param field the name of the field
	 * @return the value, {@code null} when absent
	 */
	static @Nullable String text(JsonNode object, String field) {
		JsonNode value = present(object, field);
		if (value != null && !value.isString()) {
			throw EmulatorException.badRequest(field + " must be a text, but is " + quote(value));
		}
		return (value != null) ? value.asString() : null;
	}

	/**
	 * Return an object.
	 * @param object the object that holds the field
	 * @param field the name of the field
	 * @return the value, {@code null} when absent
	 */
	static @Nullable JsonNode object(JsonNode object, String field) {
		JsonNode value = present(object, field);
		if (value != null && !value.isObject()) {
			throw EmulatorException.badRequest(field + " must be a JSON object, but is " + quote(value));
		}
		return value;
	}

	private static @Nullable JsonNode present(JsonNode object, String field) {
		JsonNode value = object.get(field);
		return (value != null && !value.isNull()) ? value : null;
	}

	// a reason echoes what was sent, but not a whole body of it
	private static String quote(JsonNode value) {
		String json = value.toString();
		return (json.length() <= MOST_QUOTED_CHARS) ? json : json.substring(0, MOST_QUOTED_CHARS) + "...";
	}

}
