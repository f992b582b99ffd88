package dev.tunethemodel.client;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds the API key in a text and replaces it: as it was sent, JSON-escaped (any of its
 * characters written as <code>&#92;uXXXX</code> in either case, or with a backslash as
 * JSON allows for {@code "}, {@code \} and {@code /}), and cut at the end of the text, as
 * the start of a body read up to a limit may end with the first characters of the key.
 * The patterns are compiled once per key.
 */
final class KeyRedactor {

	/**
	 * The fewest first characters of the key that count as the key when a text ends with
	 * them.
	 */
	static final int MIN_CUT_KEY_LENGTH = 8;

	private static final String REDACTED = "[API key]";

	// what is left of an escape cut in two
	private static final String CUT_ESCAPE = "(?:\\\\(?:u[0-9a-fA-F]{0,3})?)?";

	// the longest a character of the key becomes, escaped
	private static final int MAX_ESCAPED_CHAR_LENGTH = 6;

	private final Pattern key;

	private final @Nullable Pattern cutKey;

	private final int maxCutKeyLength;

	/**
	 * Prepare the redaction of a key.
	 * @param apiKey the API key
	 */
	KeyRedactor(String apiKey) {
		List<String> characters = apiKey.codePoints().mapToObj(KeyRedactor::escapable).toList();
		this.key = Pattern.compile(String.join("", characters));
		this.cutKey = (characters.size() > MIN_CUT_KEY_LENGTH) ? Pattern.compile(cutAtTheEnd(characters)) : null;
		this.maxCutKeyLength = apiKey.length() * MAX_ESCAPED_CHAR_LENGTH;
	}

	/**
	 * Replace the key in a text.
	 * @param text the text
	 * @return the text with every occurrence of the key, and the start of the key at its
	 * end, replaced by {@value #REDACTED}
	 */
	String redact(String text) {
		String redacted = this.key.matcher(text).replaceAll(Matcher.quoteReplacement(REDACTED));
		Matcher cut = cutKeyAtTheEnd(redacted);
		return (cut != null) ? redacted.substring(0, cut.start()) + REDACTED : redacted;
	}

	/**
	 * Return whether a text contains the key, or ends with its start.
	 * @param text the text
	 * @return whether {@link #redact(String)} would change the text
	 */
	boolean isIn(String text) {
		return this.key.matcher(text).find() || cutKeyAtTheEnd(text) != null;
	}

	private @Nullable Matcher cutKeyAtTheEnd(String text) {
		if (this.cutKey == null) {
			return null;
		}
		// the cut key can only be among the last characters
		Matcher matcher = this.cutKey.matcher(text);
		matcher.region(Math.max(0, text.length() - this.maxCutKeyLength), text.length());
		return matcher.find() ? matcher : null;
	}

	// the first MIN_CUT_KEY_LENGTH characters, then each further one after the one before
	private static String cutAtTheEnd(List<String> characters) {
		StringBuilder further = new StringBuilder();
		for (int i = characters.size() - 1; i >= MIN_CUT_KEY_LENGTH; i--) {
			further.insert(0, "(?:" + characters.get(i)).append(")?");
		}
		return String.join("", characters.subList(0, MIN_CUT_KEY_LENGTH)) + further + CUT_ESCAPE + "\\z";
	}

	// one character of the key, as it is or as JSON may escape it
	private static String escapable(int codePoint) {
		String character = new String(Character.toChars(codePoint));
		StringBuilder pattern = new StringBuilder("(?:").append(Pattern.quote(character)).append('|');
		for (char c : character.toCharArray()) {
			pattern.append("\\\\u(?i:").append(String.format(Locale.ROOT, "%04x", (int) c)).append(')');
		}
		if (codePoint == '"' || codePoint == '\\' || codePoint == '/') {
			pattern.append("|\\\\").append(Pattern.quote(character));
		}
		return pattern.append(')').toString();
	}

}
