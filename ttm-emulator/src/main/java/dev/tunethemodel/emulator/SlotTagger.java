package dev.tunethemodel.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's slot detection generator: it returns the prompt with the slot values it
 * learned from annotated examples marked as MASSIVE marks them,
 * {@code wake me up at [time : five am]}.
 */
final class SlotTagger implements TextGenerator {

	private static final Pattern ANNOTATION = Pattern.compile("\\[(\\w+) : ([^\\]]+)]");

	// the words as Words splits them, with their place in the text
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{Nd}]+");

	private final Map<List<String>, String> slots = new HashMap<>();

	private final int longestValue;

	/**
	 * Learn the slots of annotated utterances.
	 * @param annotated utterances such as {@code call [person : anna] [date : today]}
	 */
	SlotTagger(List<String> annotated) {
		int longest = 0;
		for (String utterance : annotated) {
			Matcher annotation = ANNOTATION.matcher(utterance);
			while (annotation.find()) {
				List<String> value = Words.of(annotation.group(2));
				this.slots.putIfAbsent(value, annotation.group(1));
				longest = Math.max(longest, value.size());
			}
		}
		this.longestValue = longest;
	}

	@Override
	public List<String> generate(String prompt, GenerationParameters parameters) {
		return Collections.nCopies(parameters.numHypos(), parameters.withinTokens(tag(prompt)));
	}

	/**
	 * Mark the slot values in a text, longest first.
	 * @param text the text
	 * @return the text with each value it knows as {@code [slot : value]}
	 */
	String tag(String text) {
		List<int[]> spans = new ArrayList<>();
		List<String> words = new ArrayList<>();
		Matcher word = WORD.matcher(text);
		while (word.find()) {
			spans.add(new int[] { word.start(), word.end() });
			words.add(word.group().toLowerCase(Locale.ROOT));
		}
		StringBuilder tagged = new StringBuilder();
		int copied = 0;
		int i = 0;
		while (i < words.size()) {
			int length = Math.min(this.longestValue, words.size() - i);
			String slot = null;
			while (length > 0 && (slot = this.slots.get(words.subList(i, i + length))) == null) {
				length--;
			}
			if (slot == null) {
				i++;
				continue;
			}
			int start = spans.get(i)[0];
			int end = spans.get(i + length - 1)[1];
			tagged.append(text, copied, start)
				.append('[')
				.append(slot)
				.append(" : ")
				.append(text, start, end)
				.append(']');
			copied = end;
			i += length;
		}
		return tagged.append(text, copied, text.length()).toString();
	}

}
