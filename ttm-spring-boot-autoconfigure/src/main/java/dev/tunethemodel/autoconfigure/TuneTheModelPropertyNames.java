package dev.tunethemodel.autoconfigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;

/**
 * The names of the {@code tunethemodel.*} properties: the top-level property that a named
 * client's property stands for, and the known property nearest to a mistyped one.
 */
final class TuneTheModelPropertyNames {

	private static final ConfigurationPropertyName PREFIX = ConfigurationPropertyName.of("tunethemodel");

	private static final ConfigurationPropertyName CLIENTS = ConfigurationPropertyName.of(TuneTheModelClients.PREFIX);

	// tunethemodel, clients and the client's name
	private static final int CLIENT_PREFIX_LENGTH = 3;

	// the top-level properties that a named client does not have
	private static final Set<String> TOP_LEVEL_ONLY = Set.of("clients", "health", "chat");

	// a suggestion further than this from the mistyped name would mislead
	private static final int MAX_SUGGESTION_DISTANCE = 3;

	private TuneTheModelPropertyNames() {
	}

	/**
	 * Return the top-level property that a named client's property stands for, as
	 * {@code tunethemodel.api-key} for {@code tunethemodel.clients.tenant.api-key}.
	 * @param name the name of a named client's property
	 * @return the top-level property, or {@code null} for one that a named client does
	 * not have
	 */
	static @Nullable ConfigurationPropertyName inherited(ConfigurationPropertyName name) {
		String first = name.getElement(CLIENT_PREFIX_LENGTH, Form.UNIFORM);
		return TOP_LEVEL_ONLY.contains(first) ? null : PREFIX.append(name.subName(CLIENT_PREFIX_LENGTH));
	}

	static boolean isNamedClientProperty(ConfigurationPropertyName name) {
		return CLIENTS.isAncestorOf(name) && name.getNumberOfElements() > CLIENT_PREFIX_LENGTH;
	}

	// a named client's suggestion is the nearest top-level property, under its name
	static @Nullable ConfigurationPropertyName suggestion(ConfigurationPropertyName name,
			Set<ConfigurationPropertyName> known) {
		if (!isNamedClientProperty(name)) {
			return nearest(name, known);
		}
		Set<ConfigurationPropertyName> clientProperties = known.stream()
			.filter((candidate) -> !TOP_LEVEL_ONLY.contains(candidate.getElement(1, Form.UNIFORM)))
			.collect(Collectors.toSet());
		ConfigurationPropertyName nearest = nearest(PREFIX.append(name.subName(CLIENT_PREFIX_LENGTH)),
				clientProperties);
		return (nearest != null) ? name.chop(CLIENT_PREFIX_LENGTH).append(nearest.subName(1)) : null;
	}

	/**
	 * Return the known property nearest to a mistyped name: the one fewest edits away,
	 * else one whose last element holds the mistyped one's (as {@code base-url} holds
	 * {@code url}).
	 * @param name the mistyped name
	 * @param known the known names
	 * @return the nearest name, {@code null} when none is near
	 */
	static @Nullable ConfigurationPropertyName nearest(ConfigurationPropertyName name,
			Set<ConfigurationPropertyName> known) {
		String mistyped = comparable(name.subName(1));
		Comparator<ConfigurationPropertyName> byName = Comparator.comparing(ConfigurationPropertyName::toString);
		ConfigurationPropertyName fewestEdits = known.stream()
			.map((candidate) -> Map.entry(candidate, editDistance(mistyped, comparable(candidate.subName(1)))))
			.filter((candidate) -> candidate.getValue() <= MAX_SUGGESTION_DISTANCE)
			.min(Map.Entry.<ConfigurationPropertyName, Integer>comparingByValue()
				.thenComparing(Map.Entry.comparingByKey(byName)))
			.map(Map.Entry::getKey)
			.orElse(null);
		if (fewestEdits != null) {
			return fewestEdits;
		}
		String last = name.getLastElement(Form.UNIFORM);
		return known.stream()
			.filter((candidate) -> last.length() >= 3 && candidate.getLastElement(Form.UNIFORM).contains(last))
			.min(byName)
			.orElse(null);
	}

	// the name as the binder compares it: case and dashes do not count
	private static String comparable(ConfigurationPropertyName name) {
		List<String> elements = new ArrayList<>();
		for (int i = 0; i < name.getNumberOfElements(); i++) {
			elements.add(name.getElement(i, Form.UNIFORM));
		}
		return String.join(".", elements);
	}

	// Levenshtein's distance: the fewest insertions, deletions and substitutions
	private static int editDistance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
