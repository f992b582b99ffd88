package dev.tunethemodel.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a text into lower-cased words: runs of letters and digits.
 */
final class Words {

	private Words() {
	}

	static List<String> of(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		text.codePoints().forEach((codePoint) -> {
			if (Character.isLetterOrDigit(codePoint)) {
				word.appendCodePoint(codePoint);
			}
			else if (!word.isEmpty()) {
				words.add(word.toString().toLowerCase(Locale.ROOT));
				word.setLength(0);
			}
		});
		if (!word.isEmpty()) {
			words.add(word.toString().toLowerCase(Locale.ROOT));
		}
		return words;
	}

}
