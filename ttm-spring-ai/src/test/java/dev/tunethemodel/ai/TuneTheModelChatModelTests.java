package dev.tunethemodel.ai;

import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import dev.tunethemodel.client.error.TuneTheModelAuthenticationException;
import dev.tunethemodel.client.error.TuneTheModelNotFoundException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of {@link TuneTheModelChatModel}'s calls and streams against WireMock.
 */
class TuneTheModelChatModelTests extends WireMockChatModelTests {

	private final TuneTheModelChatModel chatModel = chatModel(TuneTheModelChatOptions.builder());

	@Test
	void chatClientContentIsTheGeneratedText() {
		answering("a generated sequel");
		String content = ChatClient.create(this.chatModel).prompt().user("Once upon a time").call().content();
		assertThat(content).isEqualTo("a generated sequel");
		assertThat(sentBody().get("input").asString()).isEqualTo("Once upon a time");
	}

	@Test
	void oneUserMessageIsSentAsTheInputExactly() {
		answering("ok");
		String message = "  Two lines,\nwith spaces around and \"quotes\"  ";
		this.chatModel.call(new Prompt(new UserMessage(message)));
		assertThat(sentBody().get("input").asString()).isEqualTo(message);
	}

	@Test
	void severalMessagesAreJoinedInOrderSystemFirstWithNewlines() {
		answering("ok");
		this.chatModel.call(new Prompt(List.of(new UserMessage("Question one"), new AssistantMessage("Answer one"),
				new SystemMessage("Be brief"), new UserMessage("Question two"))));
		assertThat(sentBody().get("input").asString()).isEqualTo("Be brief\nQuestion one\nAnswer one\nQuestion two");
	}

	@Test
	void eachHypothesisIsOneGenerationAndTheMetadataHasTheModelId() {
		answering("first", "second", "third");
		ChatResponse response = this.chatModel.call(new Prompt("Say something"));
		assertThat(response.getResults()).extracting(Generation::getOutput)
			.extracting(AssistantMessage::getText)
			.containsExactly("first", "second", "third");
		assertThat(response.getMetadata().getModel()).isEqualTo(MODEL);
	}

	@Test
	void defaultOptionsReachTheApiWithTheirWireNames() {
		answering("ok");
		TuneTheModelChatModel configured = chatModel(TuneTheModelChatOptions.builder()
			.numHypos(3)
			.temperature(0.3)
			.topK(7)
			.topP(0.9)
			.maxTokens(40)
			.minTokens(2)
			.seed(42L)
			.prefixTokensOnly(true)
			.spanDelimiters("|"));
		configured.call(new Prompt("Hello"));
		JsonNode body = sentBody();
		assertThat(body.get("num_hypos").asInt()).isEqualTo(3);
		assertThat(body.get("temperature").asDouble()).isEqualTo(0.3);
		assertThat(body.get("top_k").asInt()).isEqualTo(7);
		assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
		assertThat(body.get("max_tokens").asInt()).isEqualTo(40);
		assertThat(body.get("min_tokens").asInt()).isEqualTo(2);
		assertThat(body.get("seed").asLong()).isEqualTo(42L);
		assertThat(body.get("prefix_tokens_only").asBoolean()).isTrue();
		assertThat(body.get("span_delimiters").asString()).isEqualTo("|");
	}

	@Test
	void unsetOptionsKeepTheOfficialSdksDefaults() {
		answering("ok");
		this.chatModel.call(new Prompt("Hello"));
		JsonNode body = sentBody();
		assertThat(body.get("num_hypos").asInt()).isEqualTo(1);
		assertThat(body.get("temperature").asDouble()).isEqualTo(0.6);
		assertThat(body.get("top_k").asInt()).isEqualTo(50);
		assertThat(body.get("max_tokens").asInt()).isEqualTo(128);
	}

	@Test
	void chatClientOptionsOverrideTheDefaultsForOnePrompt() {
		answering("one", "two");
		TuneTheModelChatModel configured = chatModel(TuneTheModelChatOptions.builder().temperature(0.9).topK(5));
		ChatResponse response = ChatClient.create(configured)
			.prompt()
			.options(TuneTheModelChatOptions.builder().numHypos(2).temperature(0.5))
			.user("Hello")
			.call()
			.chatResponse();
		assertThat(response).isNotNull();
		assertThat(response.getResults()).hasSize(2);
		JsonNode body = sentBody();
		assertThat(body.get("num_hypos").asInt()).isEqualTo(2);
		assertThat(body.get("temperature").asDouble()).isEqualTo(0.5);
		assertThat(body.get("top_k").asInt()).isEqualTo(5);
		assertThat(configured.getOptions().getTemperature()).isEqualTo(0.9);
	}

	@Test
	void portableChatClientOptionsOverrideTheDefaults() {
		answering("ok");
		TuneTheModelChatModel configured = chatModel(TuneTheModelChatOptions.builder().numHypos(1).temperature(0.9));
		ChatClient.create(configured)
			.prompt()
			.options(ChatOptions.builder().temperature(0.2).topP(0.8))
			.user("Hello")
			.call()
			.content();
		JsonNode body = sentBody();
		assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
		assertThat(body.get("top_p").asDouble()).isEqualTo(0.8);
		assertThat(body.get("num_hypos").asInt()).isEqualTo(1);
	}

	@Test
	void promptOptionsOverrideTheDefaults() {
		answering("ok");
		TuneTheModelChatModel configured = chatModel(TuneTheModelChatOptions.builder().topK(5).maxTokens(60));
		configured.call(new Prompt("Hello", TuneTheModelChatOptions.builder().maxTokens(20).seed(7L).build()));
		JsonNode body = sentBody();
		assertThat(body.get("max_tokens").asInt()).isEqualTo(20);
		assertThat(body.get("seed").asLong()).isEqualTo(7L);
		assertThat(body.get("top_k").asInt()).isEqualTo(5);
	}

	@Test
	void portablePromptOptionsOverrideTheDefaults() {
		answering("ok");
		TuneTheModelChatModel configured = chatModel(TuneTheModelChatOptions.builder().temperature(0.9).topK(5));
		configured.call(new Prompt("Hello", ChatOptions.builder().temperature(0.2).build()));
		JsonNode body = sentBody();
		assertThat(body.get("temperature").asDouble()).isEqualTo(0.2);
		assertThat(body.get("top_k").asInt()).isEqualTo(5);
	}

	@Test
	void aPromptsModelIsTheGeneratorCalled() {
		wireMock.stubFor(
				post("/v0/models/gen-2/generate").willReturn(aResponse().withHeader("Content-Type", "application/json")
					.withBody("{\"answer\": {\"responses\": [{\"response\": \"from two\"}]}}")));
		ChatResponse response = this.chatModel
			.call(new Prompt("Hello", TuneTheModelChatOptions.builder().model("gen-2").build()));
		assertThat(response.getResult().getOutput().getText()).isEqualTo("from two");
		assertThat(response.getMetadata().getModel()).isEqualTo("gen-2");
	}

	@Test
	void streamGivesTheWholeAnswerAsOneChunk() {
		answering("first", "second");
		StepVerifier.create(this.chatModel.stream(new Prompt("Hello")))
			.assertNext((response) -> assertThat(response.getResults()).extracting(Generation::getOutput)
				.extracting(AssistantMessage::getText)
				.containsExactly("first", "second"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void callOnANonBlockingThreadIsRefusedAndSendsNothing() {
		answering("ok");
		Mono<ChatResponse> onParallel = Mono.fromCallable(() -> this.chatModel.call(new Prompt("Hello")))
			.subscribeOn(Schedulers.parallel());
		StepVerifier.create(onParallel)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("non-blocking thread 'parallel-")
				.hasMessageContaining("use stream"))
			.verify(TIMEOUT);
		assertNothingSent();
	}

	@Test
	void streamOnANonBlockingThreadAnswers() {
		answering("ok");
		StepVerifier.create(this.chatModel.stream(new Prompt("Hello")).subscribeOn(Schedulers.parallel()))
			.assertNext((response) -> assertThat(response.getResult().getOutput().getText()).isEqualTo("ok"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void unknownModelIsTheClientsNotFoundExceptionWithoutTheKey() {
		wireMock.stubFor(post(GENERATE).willReturn(aResponse().withStatus(404).withBody("no model gen-1")));
		assertThatExceptionOfType(TuneTheModelNotFoundException.class)
			.isThrownBy(() -> ChatClient.create(this.chatModel).prompt().user("Hello").call().content())
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404))
			.satisfies((ex) -> assertThat(ex).hasMessageNotContaining(API_KEY));
		StepVerifier.create(this.chatModel.stream(new Prompt("Hello")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(TuneTheModelNotFoundException.class)
				.hasMessageNotContaining(API_KEY))
			.verify(TIMEOUT);
	}

	@Test
	void refusedKeyIsTheClientsAuthenticationExceptionWithoutTheKey() {
		wireMock.stubFor(post(GENERATE).willReturn(aResponse().withStatus(401).withBody("bad key " + API_KEY)));
		assertThatExceptionOfType(TuneTheModelAuthenticationException.class)
			.isThrownBy(() -> this.chatModel.call(new Prompt("Hello")))
			.satisfies((ex) -> assertThat(ex).hasMessageNotContaining(API_KEY))
			.satisfies((ex) -> assertThat(ex.responseBody()).doesNotContain(API_KEY));
	}

	@Test
	@SuppressWarnings("removal")
	void getOptionsReturnsTheDefaultOptions() {
		TuneTheModelChatOptions defaults = TuneTheModelChatOptions.builder().model(MODEL).numHypos(2).build();
		ChatModel configured = TuneTheModelChatModel.builder()
			.operations(template(ObservationRegistry.NOOP))
			.defaultOptions(defaults)
			.build();
		assertThat(configured.getOptions()).isEqualTo(defaults);
		assertThat(configured.getDefaultOptions()).isEqualTo(defaults);
	}

	@Test
	void buildRefusesDefaultOptionsWithoutAModel() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TuneTheModelChatModel.builder()
				.operations(template(ObservationRegistry.NOOP))
				.defaultOptions(TuneTheModelChatOptions.builder().numHypos(2).build())
				.build())
			.withMessageContaining("must name the model");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TuneTheModelChatModel.builder()
				.defaultOptions(TuneTheModelChatOptions.builder().model(MODEL).build())
				.build())
			.withMessage("The operations must not be null");
	}

}
