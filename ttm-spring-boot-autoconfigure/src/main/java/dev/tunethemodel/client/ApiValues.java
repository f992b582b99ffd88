package dev.tunethemodel.client;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads the values the API sends in its own spellings.
 */
final class ApiValues {

	// "2022-06-10 17:52:35.81619": no zone, 0 to 9 fractional digits, 'T' accepted too
	private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.optionalStart()
		.appendLiteral(' ')
		.optionalEnd()
		.optionalStart()
		.appendLiteral('T')
		.optionalEnd()
		.appendValue(ChronoField.HOUR_OF_DAY, 2)
		.appendLiteral(':')
		.appendValue(ChronoField.MINUTE_OF_HOUR, 2)
		.optionalStart()
		.appendLiteral(':')
		.appendValue(ChronoField.SECOND_OF_MINUTE, 2)
		.optionalEnd()
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HH:MM", "Z")
		.optionalEnd()
		.toFormatter(Locale.ROOT);

	private ApiValues() {
	}

	/**
	 * Return a name in the one form used for comparison: lower case, without spaces, dashes or
	 * underscores, so that {@code "Ready"}, {@code "READY"} and {@code "ready"} are one.
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

	/**
	 * Parse a timestamp of the API. It has no zone; one that has an offset is converted to
	 * UTC.
	 * @param value the timestamp text, may be {@code null}
	 * @return the timestamp, or {@code null} when it is missing or cannot be read
	 */
	static @Nullable LocalDateTime parseTimestamp(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			var parsed = TIMESTAMP.parseBest(value.trim(), OffsetDateTime::from, LocalDateTime::from);
			if (parsed instanceof OffsetDateTime withOffset) {
				return withOffset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
			}
			return (LocalDateTime) parsed;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
