package dev.tunethemodel.autoconfigure;

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

	private final Supplier<@Nullable String> apiKey;

	/**
	 * Create a function that masks the given key.
	 * @param apiKey supplies the configured key, {@code null} when there is none
	 */
	public TuneTheModelSanitizingFunction(Supplier<@Nullable String> apiKey) {
		this.apiKey = apiKey;
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (data.getValue() == null) {
			return data;
		}
		if (KEY_NAMES.contains(normalize(data.getKey())) || containsApiKey(data.getValue())) {
			return data.withSanitizedValue();
		}
		return data;
	}

	private boolean containsApiKey(Object value) {
		String key = this.apiKey.get();
		return key != null && !key.isEmpty() && String.valueOf(value).contains(key);
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
