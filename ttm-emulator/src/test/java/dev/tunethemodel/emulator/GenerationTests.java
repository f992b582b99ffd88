package dev.tunethemodel.emulator;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that generation honours its parameters, on the {@code default-generator} with ten
 * examples in its prompt, of which the one for {@code word7} shares the most words with
 * the line to answer.
 */
class GenerationTests {

	private static final String PROMPT = IntStream.range(0, 10)
		.mapToObj((i) -> "word" + i + " topic -> answer " + i + "\\n")
		.collect(Collectors.joining()) + "word7 topic ->";

	private TuneTheModelEmulator emulator;

	private WebTestClient client;

	@BeforeEach
	void start() {
		this.emulator = TuneTheModelEmulator.builder().apiKey("emulator-key").start();
		this.client = WebTestClient.bindToServer()
			.baseUrl(this.emulator.baseUrl())
			.defaultHeader("Authorization", "emulator-key")
			.build();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void numHyposGivesDistinctTextsTheNearestFirst() {
		List<String> texts = generate(PROMPT, "\"num_hypos\": 5");
		assertThat(texts).hasSize(5).doesNotHaveDuplicates().first().isEqualTo("answer 7");
	}

	@Test
	void numHyposBeyondTheCandidatesRepeatsThem() {
		List<String> texts = generate("cat -> chat\\ndog -> chien\\nmy cat ->", "\"num_hypos\": 3");
		assertThat(texts).hasSize(3).startsWith("chat", "chien");
		assertThat(texts.get(2)).isIn("chat", "chien");
	}

	@Test
	void sameSeedOrNoSeedGivesTheSameTexts() {
		String parameters = "\"num_hypos\": 4, \"temperature\": 50, \"seed\": 42";
		assertThat(generate(PROMPT, parameters)).isEqualTo(generate(PROMPT, parameters));
		assertThat(generate(PROMPT, "\"num_hypos\": 4, \"temperature\": 50"))
			.isEqualTo(generate(PROMPT, "\"num_hypos\": 4, \"temperature\": 50"));
	}

	@Test
	void seedsVaryTheTextsAtAHighTemperatureOnly() {
		Set<String> hot = new HashSet<>();
		Set<String> usual = new HashSet<>();
		for (int seed = 0; seed < 10; seed++) {
			hot.add(generate(PROMPT, "\"temperature\": 100, \"seed\": " + seed).get(0));
			usual.add(generate(PROMPT, "\"seed\": " + seed).get(0));
		}
		assertThat(hot).hasSizeGreaterThan(2);
		assertThat(usual).containsExactly("answer 7");
	}

	@Test
	void temperatureZeroGivesTheLikeliestInOrder() {
		assertThat(generate(PROMPT, "\"num_hypos\": 3, \"temperature\": 0, \"seed\": 5")).containsExactly("answer 7",
				"answer 0", "answer 1");
	}

	@Test
	void topKOfOneRepeatsTheLikeliest() {
		assertThat(generate(PROMPT, "\"num_hypos\": 3, \"temperature\": 100, \"top_k\": 1")).containsExactly("answer 7",
				"answer 7", "answer 7");
	}

	@Test
	void topPKeepsTheLikeliestThatMakeItsMass() {
		assertThat(generate(PROMPT, "\"num_hypos\": 3, \"temperature\": 1, \"top_p\": 0.9")).containsExactly("answer 7",
				"answer 7", "answer 7");
		List<String> texts = generate(PROMPT, "\"num_hypos\": 6, \"temperature\": 100, \"top_p\": 0.3");
		assertThat(texts.subList(0, 3)).containsExactlyInAnyOrder("answer 7", "answer 0", "answer 1");
		assertThat(texts).hasSize(6).allMatch((text) -> Set.of("answer 7", "answer 0", "answer 1").contains(text));
	}

	@Test
	void maxAndMinTokensCountWords() {
		String prompt = "long -> one two three four\\nshort -> five\\nlong ->";
		assertThat(generate(prompt, "\"max_tokens\": 2")).containsExactly("one two");
		assertThat(generate(prompt, "\"min_tokens\": 6, \"max_tokens\": 8"))
			.containsExactly("one two three four one two");
		assertThat(generate(prompt.replace("\\nlong ->", "\\nshort ->"), "\"min_tokens\": 3"))
			.containsExactly("five five five");
	}

	@SuppressWarnings("unchecked")
	private List<String> generate(String prompt, String parameters) {
		Map<String, Map<String, List<Map<String, String>>>> body = this.client.post()
			.uri("/v0/models/default-generator/generate")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"input\": \"" + prompt + "\", " + parameters + "}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return body.get("answer").get("responses").stream().map((response) -> response.get("response")).toList();
	}

}
