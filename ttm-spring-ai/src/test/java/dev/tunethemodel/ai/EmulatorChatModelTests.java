package dev.tunethemodel.ai;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.emulator.TuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link TuneTheModelChatModel} answering from the emulator's public generators.
 */
class EmulatorChatModelTests {

	private static TuneTheModelEmulator emulator;

	private static ChatClient chatClient;

	@BeforeAll
	static void startEmulator() {
		emulator = TuneTheModelEmulator.builder().host("127.0.0.1").port(0).start();
		TuneTheModelTemplate template = TuneTheModelTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.apiKey(emulator.apiKey())
			.build();
		chatClient = ChatClient.create(TuneTheModelChatModel.builder()
			.operations(template)
			.defaultOptions(TuneTheModelChatOptions.builder().model("massive_slot_detection_gen").build())
			.build());
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@Test
	void chatClientContentIsTheGeneratorsAnswer() {
		String content = chatClient.prompt().user("wake me up at five am tomorrow").call().content();
		assertThat(content).isEqualTo("wake me up at [time : five am] [date : tomorrow]");
	}

	@Test
	void severalHypothesesOfAGeneratorAreSeveralGenerations() {
		ChatResponse response = chatClient.prompt()
			.options(TuneTheModelChatOptions.builder().model("default-generator").numHypos(3))
			.user("Tell me a joke")
			.call()
			.chatResponse();
		assertThat(response).isNotNull();
		List<String> texts = response.getResults()
			.stream()
			.map(Generation::getOutput)
			.map(AssistantMessage::getText)
			.toList();
		assertThat(texts).hasSize(3).allSatisfy((text) -> assertThat(text).isNotBlank());
		assertThat(response.getMetadata().getModel()).isEqualTo("default-generator");
	}

}
