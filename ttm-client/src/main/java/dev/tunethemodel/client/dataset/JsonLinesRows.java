package dev.tunethemodel.client.dataset;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of a JSON Lines file: one JSON object per line, blank lines skipped. A line is
 * read up to its bound and no further, so a file that is one long line, such as a JSON
 * array, is refused at its first line.
 */
final class JsonLinesRows extends DatasetRows {

	private static final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final DatasetText text;

	private final DatasetLimits limits;

	private final StringBuilder content = new StringBuilder();

	JsonLinesRows(DatasetText text, DatasetLimits limits) {
		super(text);
		this.text = text;
		this.limits = limits;
	}

	@Override
	@Nullable Row next() {
		while (true) {
			long line = this.text.line();
			if (!readLine(line)) {
				return null;
			}
			String json = this.content.toString();
			if (!json.isBlank()) {
				return parse(line, json);
			}
		}
	}

	// reads a line without its end into content; false at the end of the file
	private boolean readLine(long line) {
		this.content.setLength(0);
		long bytes = this.text.readLine(this.content, this.limits.maxLineBytes());
		if (bytes > this.limits.maxLineBytes()) {
			throw this.text.invalid(line, "is longer than " + this.limits.describeLine("line")
					+ (startsAnArray() ? "; JSON Lines has one object per line, not an array of them" : ""));
		}
		return bytes != DatasetText.END;
	}

	private boolean startsAnArray() {
		for (int i = 0; i < this.content.length(); i++) {
			if (!Character.isWhitespace(this.content.charAt(i))) {
				return this.content.charAt(i) == '[';
			}
		}
		return false;
	}

	private Row parse(long line, String json) {
		JsonNode object;
		try {
			object = jsonMapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw this.text.invalid(line, "is not JSON: " + ex.getOriginalMessage());
		}
		if (!object.isObject()) {
			throw this.text.invalid(line, "is not a JSON object");
		}
		return new Row(this.text.source(), line) {

			@Override
			@Nullable String value(String field) {
				JsonNode value = object.get(field);
				if (value == null || !(value.isString() || value.isNumber())) {
					return null;
				}
				String text = value.asString();
				if (DatasetLimits.utf8Bytes(text) > JsonLinesRows.this.limits.maxTextBytes()) {
					throw invalid("has a value longer than " + JsonLinesRows.this.limits.describeText()
							+ " in its field \"" + field + "\"");
				}
				return text;
			}

			@Override
			boolean holdsNumber(String field) {
				JsonNode value = object.get(field);
				return value != null && value.isNumber();
			}

			@Override
			String kind() {
				return "field";
			}

		};
	}

}
