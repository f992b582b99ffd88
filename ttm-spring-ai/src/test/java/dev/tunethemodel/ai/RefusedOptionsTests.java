package dev.tunethemodel.ai;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.function.FunctionToolCallback;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests that {@link TuneTheModelChatModel} refuses, naming it, each option a generator
 * cannot honour, and sends nothing then.
 */
class RefusedOptionsTests extends WireMockChatModelTests {

	private final TuneTheModelChatModel chatModel = chatModel(TuneTheModelChatOptions.builder());

	@Test
	void stopSequencesOfAPromptAreRefused() {
		assertRefused(ChatOptions.builder().stopSequences(List.of("\n")).build(), "stopSequences");
	}

	@Test
	void frequencyPenaltyOfAPromptIsRefused() {
		assertRefused(ChatOptions.builder().frequencyPenalty(0.5).build(), "frequencyPenalty");
	}

	@Test
	void presencePenaltyOfAPromptIsRefused() {
		assertRefused(ChatOptions.builder().presencePenalty(0.5).build(), "presencePenalty");
	}

	@Test
	void toolCallbacksOfAPromptAreRefused() {
		FunctionToolCallback<String, String> weather = FunctionToolCallback
			.builder("weather", (String city) -> "sunny in " + city)
			.description("The weather in a city")
			.inputType(String.class)
			.build();
		assertRefused(ToolCallingChatOptions.builder().toolCallbacks(List.of(weather)).build(), "toolCallbacks");
	}

	@Test
	void toolContextOfAPromptIsRefused() {
		assertRefused(ToolCallingChatOptions.builder().toolContext(Map.of("user", "anna")).build(), "toolContext");
	}

	@Test
	void anotherProvidersOwnOptionIsRefused() {
		assertRefused(OtherProviderChatOptions.builder().reasoningEffort("high").temperature(0.2).build(),
				"reasoningEffort");
	}

	@Test
	void anotherProvidersPortableOptionsAreTaken() {
		answering("ok");
		this.chatModel.call(new Prompt("Hello", OtherProviderChatOptions.builder().temperature(0.2).build()));
		assertThat(sentBody().get("temperature").asDouble()).isEqualTo(0.2);
	}

	@Test
	void refusedChatClientOptionsSendNothing() {
		answering("ok");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatClient.create(this.chatModel)
				.prompt()
				.options(ChatOptions.builder().stopSequences(List.of("END")))
				.user("Hello")
				.call()
				.content())
			.withMessageContaining("'stopSequences'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChatClient.create(this.chatModel)
				.prompt()
				.options(OtherProviderChatOptions.builder().reasoningEffort("low"))
				.user("Hello")
				.call()
				.content())
			.withMessageContaining("'reasoningEffort'");
		assertNothingSent();
	}

	@Test
	void ownBuilderRefusesWhatAGeneratorCannotHonour() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TuneTheModelChatOptions.builder().stopSequences(List.of("END")))
			.withMessageContaining("'stopSequences'");
		assertThatIllegalArgumentException().isThrownBy(() -> TuneTheModelChatOptions.builder().frequencyPenalty(0.1))
			.withMessageContaining("'frequencyPenalty'");
		assertThatIllegalArgumentException().isThrownBy(() -> TuneTheModelChatOptions.builder().presencePenalty(0.1))
			.withMessageContaining("'presencePenalty'");
	}

	private void assertRefused(ChatOptions options, String name) {
		answering("ok");
		assertThatIllegalArgumentException().isThrownBy(() -> this.chatModel.call(new Prompt("Hello", options)))
			.withMessage("A Tune the Model generator cannot honour the chat option '" + name
					+ "': remove it from the options");
		StepVerifier.create(this.chatModel.stream(new Prompt("Hello", options)))
			.expectErrorMessage("A Tune the Model generator cannot honour the chat option '" + name
					+ "': remove it from the options")
			.verify(TIMEOUT);
		assertNothingSent();
	}

}
