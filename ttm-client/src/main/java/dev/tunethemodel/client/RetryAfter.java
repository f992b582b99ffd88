package dev.tunethemodel.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code Retry-After} header: a number of seconds, or an HTTP date in any of the
 * three formats that RFC 9110 requires recipients to accept.
 */
final class RetryAfter {

	/**
	 * The wait asked by a number of seconds too large for a {@code long}: longer than any
	 * limit.
	 */
	static final Duration LONGEST = Duration.ofSeconds(Long.MAX_VALUE);

	private static final Pattern SECONDS = Pattern.compile("[+-]?[0-9]+");

	// Sun Nov 6 08:49:37 1994, in GMT, the day padded by a space
	private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US)
		.withZone(ZoneOffset.UTC);

	// RFC 9110: a two-digit year more than 50 years ahead is in the century before
	private static final int YEARS_AHEAD_OF_A_TWO_DIGIT_YEAR = 50;

	private RetryAfter() {
	}

	/**
	 * Read the value of a {@code Retry-After} header.
	 * @param value the value, {@code null} when the header is absent
	 * @param now the current time, from which a date is counted
	 * @return how long to wait: zero for a date in the past, {@link #LONGEST} for a
	 * number of seconds too large for a {@code long}; {@code null} when the header is
	 * absent, negative or cannot be read
	 */
	static @Nullable Duration parse(@Nullable String value, Instant now) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (SECONDS.matcher(trimmed).matches()) {
			return seconds(trimmed);
		}
		for (DateTimeFormatter format : List.of(DateTimeFormatter.RFC_1123_DATE_TIME, rfc850(now), ASCTIME)) {
			try {
				Duration wait = Duration.between(now, format.parse(trimmed, Instant::from));
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException ex) {
				// not in this format
			}
		}
		return null;
	}

	private static @Nullable Duration seconds(String value) {
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			// only its size can make a number of digits unreadable
			return value.startsWith("-") ? null : LONGEST;
		}
	}

	// Sunday, 06-Nov-94 08:49:37 GMT, its year read in the 100 years up to 50 years ahead
	private static DateTimeFormatter rfc850(Instant now) {
		int latestYear = now.atZone(ZoneOffset.UTC).getYear() + YEARS_AHEAD_OF_A_TWO_DIGIT_YEAR;
		return new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
			.appendValueReduced(ChronoField.YEAR, 2, 2, latestYear - 99)
			.appendPattern(" HH:mm:ss 'GMT'")
			.toFormatter(Locale.US)
			.withZone(ZoneOffset.UTC);
	}

}
