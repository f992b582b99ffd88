package dev.tunethemodel.client;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link JsonBytes}: where an object or array ends, whatever its strings hold.
 */
class JsonBytesTests {

	@Test
	void endOfStructureIsJustAfterItsClosingBracket() {
		assertThat(JsonBytes.endOfStructure(bytes("[{\"a\": [1, {}]}, 2]"), 1)).isEqualTo(15);
		assertThat(JsonBytes.endOfStructure(bytes("[{\"a\": [1, {}]}, 2]"), 0)).isEqualTo(19);
	}

	@Test
	void bracketsQuotesAndBackslashesInStringsDoNotEndIt() {
		String json = "{\"a\": \"}]\\\"{\", \"b\": \"\\\\\", \"c\": \"ü}\"} tail";
		assertThat(JsonBytes.endOfStructure(bytes(json), 0)).isEqualTo(bytes(json).length - " tail".length());
	}

	@Test
	void structureWhoseEndHasNotArrivedHasNoEnd() {
		assertThat(JsonBytes.endOfStructure(bytes("{\"a\": [1, 2]"), 0)).isEqualTo(-1);
		assertThat(JsonBytes.endOfStructure(bytes("{\"a\": \"}"), 0)).isEqualTo(-1);
		assertThat(JsonBytes.endOfStructure(bytes("{\"a\": \"\\"), 0)).isEqualTo(-1);
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
