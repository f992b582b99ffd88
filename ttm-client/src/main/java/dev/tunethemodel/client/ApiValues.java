package dev.tunethemodel.client;

import java.time.DateTimeException;
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
	 * Parse the API's own form, {@code 2022-06-10 17:52:35.81619}, without a formatter:
	 * it is in every model of every response.
	 * @param text the timestamp as the API sends it
	 * @return the timestamp, or {@code null} when the text has another form
	 */
	private static @Nullable LocalDateTime parseUsualTimestamp(String text) {
		int length = text.length();
		if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != ' '
				|| text.charAt(13) != ':' || text.charAt(16) != ':' || (length > 19 && text.charAt(19) != '.')
				|| length == 20 || length > 29) {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int nanos = 0;
		if (length > 19) {
			int fraction = digits(text, 20, length);
			nanos = (fraction < 0) ? -1 : fraction * POWERS_OF_TEN[9 - (length - 20)];
		}
		if ((year | month | day | hour | minute | second | nanos) < 0) {
			return null;
		}
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
			1_000_000_000 };

	// the number the characters spell, -1 when one is not a digit
	private static int digits(String text, int start, int end) {
		int value = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/**
	 * Parse a timestamp of the API. It has no zone; one that has an offset is converted
	 * to UTC.
	 * @param value the timestamp text, may be {@code null}
	 * @return the timestamp, or {@code null} when it is missing or cannot be read
	 */
	static @Nullable LocalDateTime parseTimestamp(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		LocalDateTime usual = parseUsualTimestamp(value);
		if (usual != null) {
			return usual;
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
