package dev.tunethemodel.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link SecretRedactor}: the key as sent, JSON-escaped, and cut at the end of a
 * text.
 */
class SecretRedactorTests {

	private static final String API_KEY = "ttm-redact-key-3e8a";

	private final SecretRedactor redactor = new SecretRedactor(API_KEY, "[API key]");

	@Test
	void keyIsReplacedWhereverItAppears() {
		assertThat(this.redactor.redact(API_KEY + " and " + API_KEY + "!")).isEqualTo("[API key] and [API key]!");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ttm\\u002dredact\\u002dkey\\u002d3e8a", "ttm\\u002Dredact\\u002Dkey\\u002D3e8a",
			"\\u0074\\u0074\\u006d\\u002D\\u0072\\u0065\\u0064\\u0061\\u0063\\u0074\\u002d\\u006B\\u0065\\u0079"
					+ "\\u002d\\u0033\\u0065\\u0038\\u0061",
			"t\\u0074m-redact-key-3e8\\u0061" })
	void jsonEscapedKeyIsReplacedWithAnyOfItsCharactersEscapedInEitherCase(String escaped) {
		assertThat(this.redactor.redact("{\"error\": \"bad key " + escaped + "\"}"))
			.isEqualTo("{\"error\": \"bad key [API key]\"}");
		assertThat(this.redactor.isIn(escaped)).isTrue();
	}

	@Test
	void hexDigitsOfAnEscapedKeyAreCaseInsensitiveButItsCharactersAreNot() {
		assertThat(this.redactor.redact("TTM-REDACT-KEY-3E8A")).isEqualTo("TTM-REDACT-KEY-3E8A");
	}

	@Test
	void keyWithCharactersThatJsonEscapesWithABackslashIsReplacedEscapedThatWay() {
		SecretRedactor redactor = new SecretRedactor("ab/cd\"ef\\gh", "[API key]");
		assertThat(redactor.redact("key: ab\\/cd\\\"ef\\\\gh.")).isEqualTo("key: [API key].");
		assertThat(redactor.redact("key: ab/cd\"ef\\gh.")).isEqualTo("key: [API key].");
	}

	@Test
	void keyOutsideTheBasicPlaneIsReplacedEscapedAsASurrogatePair() {
		SecretRedactor redactor = new SecretRedactor("key-\uD83D\uDD11-0123", "[API key]");
		assertThat(redactor.redact("key-\\ud83d\\uDD11-0123 and key-\uD83D\uDD11-0123"))
			.isEqualTo("[API key] and [API key]");
	}

	@Test
	void startOfTheKeyAtTheEndIsReplacedFromEightCharacters() {
		for (int length = SecretRedactor.MIN_CUT_LENGTH; length < API_KEY.length(); length++) {
			String text = "body " + API_KEY.substring(0, length);
			assertThat(this.redactor.redact(text)).isEqualTo("body [API key]");
			assertThat(this.redactor.isIn(text)).isTrue();
		}
		String sevenCharacters = "body " + API_KEY.substring(0, SecretRedactor.MIN_CUT_LENGTH - 1);
		assertThat(this.redactor.redact(sevenCharacters)).isEqualTo(sevenCharacters);
		assertThat(this.redactor.isIn(sevenCharacters)).isFalse();
	}

	@Test
	void escapedStartOfTheKeyAtTheEndIsReplacedWithAnEscapeCutInTwo() {
		assertThat(this.redactor.redact("body ttm\\u002dredact\\u002D")).isEqualTo("body [API key]");
		assertThat(this.redactor.redact("body ttm\\u002dredact\\u002")).isEqualTo("body [API key]");
		assertThat(this.redactor.redact("body ttm\\u002dredact\\")).isEqualTo("body [API key]");
	}

	@Test
	void startOfTheKeyElsewhereIsKept() {
		String text = API_KEY.substring(0, 12) + " is not the key";
		assertThat(this.redactor.redact(text)).isEqualTo(text);
		assertThat(this.redactor.isIn(text)).isFalse();
	}

	@Test
	void keyAndItsStartAtTheEndAreBothReplaced() {
		assertThat(this.redactor.redact(API_KEY + " then " + API_KEY.substring(0, 10)))
			.isEqualTo("[API key] then [API key]");
	}

	@Test
	void shortKeyIsReplacedOnlyWhole() {
		SecretRedactor redactor = new SecretRedactor("k-12345", "[API key]");
		assertThat(redactor.redact("k-12345 and k-1234")).isEqualTo("[API key] and k-1234");
	}

	@Test
	void textWithoutTheKeyIsKept() {
		String text = "\\u0074".repeat(64 * 1024) + "tm-redact-kez";
		assertThat(this.redactor.redact(text)).isEqualTo(text);
		assertThat(this.redactor.isIn(text)).isFalse();
	}

}
