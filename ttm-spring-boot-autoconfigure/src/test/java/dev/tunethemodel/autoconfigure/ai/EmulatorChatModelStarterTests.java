package dev.tunethemodel.autoconfigure.ai;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import dev.tunethemodel.ai.TuneTheModelChatOptions;
import dev.tunethemodel.emulator.AutoConfigureTuneTheModelEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured chat model against the emulator, as a Spring AI application's own
 * tests would use it: one annotation and one property, no network.
 */
@SpringBootTest(properties = "tunethemodel.chat.model-id=massive_slot_detection_gen")
@AutoConfigureTuneTheModelEmulator
class EmulatorChatModelStarterTests {

	@Autowired
	ChatModel chatModel;

	@Test
	void chatClientAnswersFromTheEmulatorsGenerator() {
		String content = ChatClient.create(this.chatModel)
			.prompt()
			.user("wake me up at five am tomorrow")
			.call()
			.content();
		assertThat(content).isEqualTo("wake me up at [time : five am] [date : tomorrow]");
	}

	@Test
	void promptOptionsOverrideThePropertiesModel() {
		ChatResponse response = ChatClient.create(this.chatModel)
			.prompt()
			.options(TuneTheModelChatOptions.builder().model("default-generator").numHypos(2))
			.user("Tell me a joke")
			.call()
			.chatResponse();
		assertThat(response).isNotNull();
		assertThat(response.getResults()).hasSize(2);
		assertThat(response.getMetadata().getModel()).isEqualTo("default-generator");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
