package dev.tunethemodel.ai;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.model.GenerateRequest;

/**
 * A Tune the Model generator as Spring AI's {@link ChatModel}: a prompt is the input the
 * generator continues, and each text it generates is one {@link Generation} of the
 * response, whose metadata carries the model id. <pre class="code">
 * ChatModel chatModel = TuneTheModelChatModel.builder()
 *     .operations(operations)
 *     .defaultOptions(TuneTheModelChatOptions.builder().model("my-generator").build())
 *     .build();
 * String answer = ChatClient.create(chatModel).prompt().user("Once upon a time").call().content();
 * </pre>
 * <p>
 * A prompt of one message is sent as the input exactly. A generator has no roles: the
 * texts of several messages are joined in order, the system messages first, each on a
 * line of its own ({@code "\n"} between two), without role labels.
 * <p>
 * A prompt's options override the default options one by one; options a generator cannot
 * honour are refused (see {@link TuneTheModelChatOptions}). Calls and streams are
 * observed as Spring AI's {@code gen_ai.client.operation}, with the provider
 * {@value #PROVIDER}; the client's own observation of the request is its child.
 *
 * @since 0.1.0
 */
public final class TuneTheModelChatModel implements ChatModel {

	/**
	 * The name of the provider in the observations.
	 */
	public static final String PROVIDER = "tune_the_model";

	private static final ChatModelObservationConvention DEFAULT_CONVENTION = new DefaultChatModelObservationConvention();

	private final TuneTheModelOperations operations;

	private final TuneTheModelChatOptions defaultOptions;

	private final ObservationRegistry observationRegistry;

	private final @Nullable ChatModelObservationConvention observationConvention;

	private TuneTheModelChatModel(Builder builder, TuneTheModelOperations operations,
			TuneTheModelChatOptions defaultOptions) {
		this.operations = operations;
		this.defaultOptions = defaultOptions;
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = builder.observationConvention;
	}

	/**
	 * Return a builder of a chat model.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Generate an answer to the prompt, waiting for it. Refused on a non-blocking thread,
	 * such as an event loop's: use {@link #stream(Prompt)} there.
	 * @param prompt the prompt
	 * @return the answer, one generation per text generated
	 * @throws IllegalArgumentException if the prompt sets an option a generator cannot
	 * honour, or has a message a generator cannot take
	 * @throws IllegalStateException if called on a non-blocking thread
	 * @throws TuneTheModelException if the call fails, such as
	 * {@code TuneTheModelNotFoundException} for an unknown model
	 */
	@Override
	public ChatResponse call(Prompt prompt) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("TuneTheModelChatModel.call waits for the Tune the Model API, which the "
					+ "non-blocking thread '" + Thread.currentThread().getName() + "' must not do: use stream there");
		}
		CompletableFuture<ChatResponse> response = generate(prompt, false).toFuture();
		try {
			return response.get();
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw (cause instanceof RuntimeException failure) ? failure
					: new TuneTheModelException("The call failed: " + cause, cause);
		}
		catch (InterruptedException ex) {
			response.cancel(true);
			Thread.currentThread().interrupt();
			throw new TuneTheModelException("Interrupted while waiting for the Tune the Model API", ex);
		}
	}

	/**
	 * Generate an answer to the prompt, without waiting. The API does not stream: the
	 * whole answer arrives as one response.
	 * @param prompt the prompt
	 * @return one response, one generation per text generated; an
	 * {@link IllegalArgumentException} if the prompt sets an option a generator cannot
	 * honour, or a {@link TuneTheModelException} if the call fails
	 */
	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Mono.defer(() -> generate(prompt, true)).flux();
	}

	/**
	 * Return the default options, which a prompt's options override.
	 * @return the default options, with the model id
	 */
	@Override
	public TuneTheModelChatOptions getOptions() {
		return this.defaultOptions;
	}

	private Mono<ChatResponse> generate(Prompt prompt, boolean streaming) {
		TuneTheModelChatOptions options = (prompt.getOptions() != null)
				? this.defaultOptions.mutate().combineWith(prompt.getOptions()).build() : this.defaultOptions;
		String modelId = Objects.requireNonNull(options.getModel(), "The options must name the model");
		String input = PromptInput.of(prompt.getInstructions());
		// the request's model and options, for the observation's key values
		Prompt request = prompt.mutate().chatOptions(options).build();
		return Mono.deferContextual((view) -> {
			ChatModelObservationContext context = ChatModelObservationContext.builder()
				.prompt(request)
				.provider(PROVIDER)
				.streaming(streaming)
				.build();
			Observation observation = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
				.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
				.parentObservation(view.getOrDefault(ObservationThreadLocalAccessor.KEY,
						this.observationRegistry.getCurrentObservation()))
				.start();
			AtomicBoolean stopped = new AtomicBoolean();
			Runnable stop = () -> {
				if (stopped.compareAndSet(false, true)) {
					observation.stop();
				}
			};
			// stopped before the response goes on, so that a caller finds the observation
			// ended
			return this.operations.generate(modelId, request(options, input))
				.map((generation) -> response(modelId, generation.texts()))
				.doOnSuccess((response) -> {
					context.setResponse(response);
					stop.run();
				})
				.doOnError((ex) -> {
					observation.error(ex);
					stop.run();
				})
				.doOnCancel(stop)
				.contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private static GenerateRequest request(TuneTheModelChatOptions options, String input) {
		GenerateRequest.Builder request = GenerateRequest.builder(input);
		if (options.getTemperature() != null) {
			request.temperature(options.getTemperature());
		}
		if (options.getTopK() != null) {
			request.topK(options.getTopK());
		}
		if (options.getTopP() != null) {
			request.topP(options.getTopP());
		}
		if (options.getMaxTokens() != null) {
			request.maxTokens(options.getMaxTokens());
		}
		if (options.getNumHypos() != null) {
			request.numHypos(options.getNumHypos());
		}
		if (options.getMinTokens() != null) {
			request.minTokens(options.getMinTokens());
		}
		if (options.getPrefixTokensOnly() != null) {
			request.prefixTokensOnly(options.getPrefixTokensOnly());
		}
		return request.seed(options.getSeed()).spanDelimiters(options.getSpanDelimiters()).build();
	}

	private static ChatResponse response(String modelId, List<String> texts) {
		List<Generation> generations = texts.stream()
			.map((text) -> new Generation(AssistantMessage.builder().content(text).build()))
			.toList();
		return new ChatResponse(generations, ChatResponseMetadata.builder().model(modelId).build());
	}

	/**
	 * Builds a {@link TuneTheModelChatModel}.
	 */
	public static final class Builder {

		private @Nullable TuneTheModelOperations operations;

		private @Nullable TuneTheModelChatOptions defaultOptions;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable ChatModelObservationConvention observationConvention;

		private Builder() {
		}

		/**
		 * Set the client that calls the generator.
		 * @param operations the client
		 * @return this builder
		 */
		public Builder operations(TuneTheModelOperations operations) {
			this.operations = operations;
			return this;
		}

		/**
		 * Set the default options, which must name the model; a prompt's options override
		 * them.
		 * @param defaultOptions the default options, with the model id
		 * @return this builder
		 */
		public Builder defaultOptions(TuneTheModelChatOptions defaultOptions) {
			this.defaultOptions = defaultOptions;
			return this;
		}

		/**
		 * Set the registry to observe the calls in; none by default.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Set the convention of the observations, instead of Spring AI's default.
		 * @param observationConvention the convention
		 * @return this builder
		 */
		public Builder observationConvention(ChatModelObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Build the chat model.
		 * @return the chat model
		 * @throws IllegalArgumentException if the operations, the default options or
		 * their model is missing
		 */
		public TuneTheModelChatModel build() {
			Assert.notNull(this.operations, "The operations must not be null");
			Assert.notNull(this.defaultOptions, "The default options must not be null");
			Assert.notNull(this.observationRegistry, "The observation registry must not be null");
			Assert.isTrue(StringUtils.hasText(this.defaultOptions.getModel()),
					"The default options must name the model: TuneTheModelChatOptions.builder().model(\"<model id>\")");
			return new TuneTheModelChatModel(this, this.operations, this.defaultOptions);
		}

	}

}
