package dev.tunethemodel.emulator;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Python's {@code json.dumps} with its defaults, as the official SDK calls it:
 * {@code ", "} and {@code ": "} as separators, and every character outside ASCII escaped.
 */
final class PythonJson {

	private PythonJson() {
	}

	static String dumps(@Nullable Object value) {
		StringBuilder json = new StringBuilder();
		write(value, json);
		return json.toString();
	}

	private static void write(@Nullable Object value, StringBuilder json) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof String text) {
			string(text, json);
		}
		else if (value instanceof Boolean || value instanceof Number) {
			json.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			json.append('{');
			String separator = "";
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				json.append(separator);
				string((String) entry.getKey(), json);
				json.append(": ");
				write(entry.getValue(), json);
				separator = ", ";
			}
			json.append('}');
		}
		else if (value instanceof List<?> list) {
			json.append('[');
			for (int i = 0; i < list.size(); i++) {
				json.append((i > 0) ? ", " : "");
				write(list.get(i), json);
			}
			json.append(']');
		}
		else {
			throw new IllegalArgumentException("json.dumps cannot write " + value.getClass());
		}
	}

	private static void string(String text, StringBuilder json) {
		json.append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				case '\b' -> json.append("\\b");
				case '\f' -> json.append("\\f");
				default -> json.append((c < 0x20 || c > 0x7e) ? String.format("\\u%04x", (int) c) : c);
			}
		}
		json.append('"');
	}

}
