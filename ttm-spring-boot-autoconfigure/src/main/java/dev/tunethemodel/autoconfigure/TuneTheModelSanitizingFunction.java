package dev.tunethemodel.autoconfigure;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the API key in {@code /actuator/configprops} and {@code /actuator/env}, even with
 * {@code show-values=always}: under every name it is bound by, and wherever its value
 * appears under another name.
 *
 * @since 0.1.0
 */
public class TuneTheModelSanitizingFunction implements SanitizingFunction {

	// tunethemodel.api-key, TUNETHEMODEL_API_KEY, apiKey, TTM_API_KEY, ...
	private static final Set<String> KEY_NAMES = Set.of("tunethemodelapikey", "apikey", "ttmapikey");

	// tunethemodel.clients.<name>.api-key, TUNETHEMODEL_CLIENTS_<NAME>_APIKEY
	private static final String CLIENTS = "tunethemodelclients";

	private final Supplier<@Nullable String> apiKey;

	private final Supplier<? extends Collection<String>> namedClientKeys;

	/**
	 * Create a function that masks the given key.
	 * @param apiKey supplies the configured key, {@code null} when there is none
	 */
	public TuneTheModelSanitizingFunction(Supplier<@Nullable String> apiKey) {
		this(apiKey, List::of);
	}

	/**
	 * Create a function that masks the keys of the top-level client and of the named
	 * clients.
	 * @param apiKey supplies the top-level client's key, {@code null} when there is none
	 * @param namedClientKeys supplies the keys of the named clients
	 */
	TuneTheModelSanitizingFunction(Supplier<@Nullable String> apiKey,
			Supplier<? extends Collection<String>> namedClientKeys) {
		this.apiKey = apiKey;
		this.namedClientKeys = namedClientKeys;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (data.getValue() == null) {
			return data;
		}
		if (isKeyName(normalize(data.getKey())) || containsApiKey(data.getValue())) {
			return data.withSanitizedValue();
		}
		return data;
	}

	private static boolean isKeyName(String name) {
		return KEY_NAMES.contains(name) || (name.startsWith(CLIENTS) && name.endsWith("apikey"));
	}

	private boolean containsApiKey(Object value) {
		String text = String.valueOf(value);
		return contains(text, this.apiKey.get())
				|| this.namedClientKeys.get().stream().anyMatch((key) -> contains(text, key));
	}

	private static boolean contains(String text, @Nullable String key) {
		return key != null && !key.isEmpty() && text.contains(key);
	}

	private static String normalize(String name) {
		StringBuilder normalized = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				normalized.append(c);
			}
		}
		return normalized.toString().toLowerCase(Locale.ROOT);
	}

}
