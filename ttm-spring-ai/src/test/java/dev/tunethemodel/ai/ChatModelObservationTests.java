package dev.tunethemodel.ai;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelNotFoundException;
import dev.tunethemodel.client.observation.TuneTheModelObservationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that {@link TuneTheModelChatModel} is observed as Spring AI's chat model, with
 * the client's observation of the request as its child.
 */
class ChatModelObservationTests extends WireMockChatModelTests {

	private static final String CHAT = "gen_ai.client.operation";

	private static final String CLIENT = "tunethemodel.client.operation";

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final TuneTheModelChatModel chatModel = TuneTheModelChatModel.builder()
		.operations(template(this.registry))
		.defaultOptions(TuneTheModelChatOptions.builder().model(MODEL).temperature(0.4).build())
		.observationRegistry(this.registry)
		.build();

	@Test
	void callIsAChatObservationWithTheProviderAndModelAndTheClientsAsItsChild() {
		answering("ok");
		this.chatModel.call(new Prompt("Hello"));
		assertThat(this.registry).hasObservationWithNameEqualTo(CHAT)
			.that()
			.hasContextualNameEqualTo("chat " + MODEL)
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.system", TuneTheModelChatModel.PROVIDER)
			.hasLowCardinalityKeyValue("gen_ai.request.model", MODEL)
			.hasLowCardinalityKeyValue("gen_ai.response.model", MODEL)
			.hasHighCardinalityKeyValue("gen_ai.request.temperature", "0.4")
			.hasBeenStopped()
			.doesNotHaveError();
		assertThat(this.registry).hasObservationWithNameEqualTo(CLIENT)
			.that()
			.hasLowCardinalityKeyValue("tunethemodel.operation", "generate")
			.hasParentObservationContextMatching(ChatModelObservationContext.class::isInstance);
	}

	@Test
	void streamIsAStreamingChatObservationWithTheClientsAsItsChild() {
		answering("ok");
		StepVerifier.create(this.chatModel.stream(new Prompt("Hello")))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.registry).hasObservationWithNameEqualTo(CHAT)
			.that()
			.hasLowCardinalityKeyValue("gen_ai.system", TuneTheModelChatModel.PROVIDER)
			.hasLowCardinalityKeyValue("gen_ai.request.model", MODEL)
			.hasHighCardinalityKeyValue("gen_ai.request.stream", "true")
			.hasBeenStopped();
		assertThat(this.registry).hasObservationWithNameEqualTo(CLIENT)
			.that()
			.hasParentObservationContextMatching(ChatModelObservationContext.class::isInstance);
	}

	@Test
	void chatClientsObservationIsTheParentOfTheChatModels() {
		answering("ok");
		ChatClient.create(this.chatModel, this.registry).prompt().user("Hello").call().content();
		assertThat(this.registry).hasObservationWithNameEqualTo(CHAT)
			.that()
			.hasParentObservationContextMatching((parent) -> hasAncestor(parent, "spring.ai.chat.client"));
	}

	private static boolean hasAncestor(Observation.ContextView context, String name) {
		for (ObservationView ancestor = context.getParentObservation(); ancestor != null; ancestor = ancestor
			.getContextView()
			.getParentObservation()) {
			if (name.equals(ancestor.getContextView().getName())) {
				return true;
			}
		}
		return name.equals(context.getName());
	}

	@Test
	void failedCallIsAChatObservationWithTheClientsError() {
		wireMock.stubFor(post(GENERATE).willReturn(aResponse().withStatus(404)));
		assertThatExceptionOfType(TuneTheModelNotFoundException.class)
			.isThrownBy(() -> this.chatModel.call(new Prompt("Hello")));
		assertThat(this.registry).hasObservationWithNameEqualTo(CHAT)
			.that()
			.hasError()
			.assertThatError()
			.isInstanceOf(TuneTheModelNotFoundException.class);
		assertThat(this.registry).hasObservationWithNameEqualTo(CLIENT)
			.that()
			.hasParentObservationContextMatching(ChatModelObservationContext.class::isInstance)
			.satisfies((context) -> assertThat(context).isInstanceOf(TuneTheModelObservationContext.class));
	}

}
