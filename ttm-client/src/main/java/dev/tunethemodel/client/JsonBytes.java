package dev.tunethemodel.client;

/**
 * Finds where a JSON value ends in bytes that have not been parsed yet, by its brackets
 * outside strings: enough to know whether a value has arrived whole, not whether it is
 * valid JSON.
 */
final class JsonBytes {

	private JsonBytes() {
	}

	/**
	 * Return where the JSON object or array that begins at an index ends.
	 * @param json the bytes, UTF-8
	 * @param start the index of the value's opening bracket
	 * @return the index just after the value's closing bracket, or {@code -1} when the
	 * bytes end before it
	 */
	static int endOfStructure(byte[] json, int start) {
		int depth = 0;
		boolean inString = false;
		for (int i = start; i < json.length; i++) {
			byte b = json[i];
			if (inString) {
				if (b == '\\') {
					// the escaped byte, whatever it is, cannot end the string
					i++;
				}
				else if (b == '"') {
					inString = false;
				}
			}
			else if (b == '"') {
				inString = true;
			}
			else if (b == '{' || b == '[') {
				depth++;
			}
			else if ((b == '}' || b == ']') && --depth == 0) {
				return i + 1;
			}
		}
		return -1;
	}

}
