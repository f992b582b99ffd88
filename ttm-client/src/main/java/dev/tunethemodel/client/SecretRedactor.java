package dev.tunethemodel.client;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds a secret, such as the API key, in a text and replaces it: as it was sent,
 * JSON-escaped (any of its characters written as <code>&#92;uXXXX</code> in either case,
 * or with a backslash as JSON allows for {@code "}, {@code \} and {@code /}), and cut at
 * the end of the text, as the start of a body read up to a limit may end with the first
 * characters of the secret. The patterns are compiled once per secret.
 */
final class SecretRedactor {

	/**
	 * The fewest first characters of the secret that count as the secret when a text ends
	 * with them.
	 */
	static final int MIN_CUT_LENGTH = 8;

	// what is left of an escape cut in two
	private static final String CUT_ESCAPE = "(?:\\\\(?:u[0-9a-fA-F]{0,3})?)?";

	// the longest a character of the secret becomes, escaped
	private static final int MAX_ESCAPED_CHAR_LENGTH = 6;

	private final Pattern secret;

	private final @Nullable Pattern cutSecret;

	private final int maxCutLength;

	private final String replacement;

	/**
	 * Prepare the redaction of a secret.
	 * @param secret the secret
	 * @param replacement what replaces it, such as {@code [API key]}
	 */
	SecretRedactor(String secret, String replacement) {
		List<String> characters = secret.codePoints().mapToObj(SecretRedactor::escapable).toList();
		this.secret = Pattern.compile(String.join("", characters));
		this.cutSecret = (characters.size() > MIN_CUT_LENGTH) ? Pattern.compile(cutAtTheEnd(characters)) : null;
		this.maxCutLength = secret.length() * MAX_ESCAPED_CHAR_LENGTH;
		this.replacement = replacement;
	}

	/**
	 * Replace the secret in a text.
	 * @param text the text
	 * @return the text with every occurrence of the secret, and the start of the secret
	 * at its end, replaced
	 */
	String redact(String text) {
		String redacted = this.secret.matcher(text).replaceAll(Matcher.quoteReplacement(this.replacement));
		Matcher cut = cutSecretAtTheEnd(redacted);
		return (cut != null) ? redacted.substring(0, cut.start()) + this.replacement : redacted;
	}

	/**
	 * Return whether a text contains the secret, or ends with its start.
	 * @param text the text
	 * @return whether {@link #redact(String)} would change the text
	 */
	boolean isIn(String text) {
		return this.secret.matcher(text).find() || cutSecretAtTheEnd(text) != null;
	}

	private @Nullable Matcher cutSecretAtTheEnd(String text) {
		if (this.cutSecret == null) {
			return null;
		}
		// the cut secret can only be among the last characters
		Matcher matcher = this.cutSecret.matcher(text);
		matcher.region(Math.max(0, text.length() - this.maxCutLength), text.length());
		return matcher.find() ? matcher : null;
	}

	// the first MIN_CUT_LENGTH characters, then each further one after the one before
	private static String cutAtTheEnd(List<String> characters) {
		StringBuilder further = new StringBuilder();
		for (int i = characters.size() - 1; i >= MIN_CUT_LENGTH; i--) {
			further.insert(0, "(?:" + characters.get(i)).append(")?");
		}
		return String.join("", characters.subList(0, MIN_CUT_LENGTH)) + further + CUT_ESCAPE + "\\z";
	}

	// one character of the secret, as it is or as JSON may escape it
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
