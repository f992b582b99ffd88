package dev.tunethemodel.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link RetryAfter}: seconds and the three HTTP date formats.
 */
class RetryAfterTests {

	private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

	private static final DateTimeFormatter RFC_850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'",
			Locale.US);

	private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu",
			Locale.US);

	@Test
	void secondsAreRead() {
		assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofMinutes(2));
		assertThat(RetryAfter.parse(" 5 ", NOW)).isEqualTo(Duration.ofSeconds(5));
		assertThat(RetryAfter.parse("0", NOW)).isZero();
		assertThat(RetryAfter.parse("9223372036854775807", NOW)).isEqualTo(Duration.ofSeconds(Long.MAX_VALUE));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "9223372036854775808", "99999999999999999999",
			"123456789012345678901234567890123456789012345678901234567890" })
	void secondsTooLargeForALongAreTheLongestWait(String value) {
		assertThat(RetryAfter.parse(value, NOW)).isEqualTo(RetryAfter.LONGEST);
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "-1", "-99999999999999999999", "soon", "1.5", "", " ", "Mon, 10 Mar 2025",
			"Monday, 10-Mar-25 12:00:30 PST", "Mon Mar 10 12:00:30" })
	void negativeOrUnreadableValuesAreAbsent(String value) {
		assertThat(RetryAfter.parse(value, NOW)).isNull();
	}

	@Test
	void absentHeaderIsAbsent() {
		assertThat(RetryAfter.parse(null, NOW)).isNull();
	}

	@Test
	void imfFixdateIsRead() {
		assertThat(RetryAfter.parse("Mon, 10 Mar 2025 12:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void rfc850DateIsRead() {
		assertThat(RetryAfter.parse("Monday, 10-Mar-25 13:00:00 GMT", NOW)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void asctimeDateWithASpacePaddedDayIsRead() {
		Instant now = Instant.parse("1994-11-06T08:49:00Z");
		assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", now)).isEqualTo(Duration.ofSeconds(37));
		assertThat(RetryAfter.parse("Mon Mar 10 12:00:02 2025", NOW)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void everyFormatOfTheSameTimeGivesTheSameWait() {
		Instant until = NOW.plusSeconds(90);
		for (DateTimeFormatter format : new DateTimeFormatter[] { DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850,
				ASCTIME }) {
			assertThat(RetryAfter.parse(format.format(until.atZone(ZoneOffset.UTC)), NOW))
				.isEqualTo(Duration.ofSeconds(90));
		}
	}

	@Test
	void twoDigitYearMoreThanFiftyYearsAheadIsInTheCenturyBefore() {
		Instant now = Instant.parse("2040-06-01T00:00:00Z");
		Instant in2090 = Instant.parse("2090-06-01T00:00:00Z");
		assertThat(RetryAfter.parse(RFC_850.format(in2090.atZone(ZoneOffset.UTC)), now))
			.isEqualTo(Duration.between(now, in2090));
		// 91 as 2091 would be more than 50 years ahead: it is 1991, in the past
		assertThat(RetryAfter.parse(RFC_850.format(Instant.parse("1991-06-01T00:00:00Z").atZone(ZoneOffset.UTC)), now))
			.isZero();
		assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).isZero();
	}

	@Test
	void dateInThePastIsNoWait() {
		assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).isZero();
		assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", NOW)).isZero();
	}

}
