package dev.tunethemodel.autoconfigure.ai;

import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import reactor.core.publisher.Mono;

import dev.tunethemodel.ai.TuneTheModelChatModel;
import dev.tunethemodel.ai.TuneTheModelChatOptions;
import dev.tunethemodel.autoconfigure.TuneTheModelAutoConfiguration;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.model.GenerateRequest;
import dev.tunethemodel.client.model.Generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * Tests of {@link TuneTheModelChatAutoConfiguration}.
 */
class TuneTheModelChatAutoConfigurationTests {

	private static final String MODEL = "my-generator";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
						CodecsAutoConfiguration.class, WebClientAutoConfiguration.class,
						TuneTheModelAutoConfiguration.class, TuneTheModelChatAutoConfiguration.class))
		.withPropertyValues("tunethemodel.api-key=ttm-test-key");

	@Test
	void modelIdGivesAChatModelOfTheGenerator() {
		this.contextRunner.withPropertyValues("tunethemodel.chat.model-id=" + MODEL).run((context) -> {
			assertThat(context).hasSingleBean(ChatModel.class).hasSingleBean(TuneTheModelChatModel.class);
			assertThat(context.getBean(TuneTheModelChatModel.class).getOptions())
				.isEqualTo(TuneTheModelChatOptions.builder().model(MODEL).build());
		});
	}

	@Test
	void withoutModelIdThereIsNoChatModel() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(ChatModel.class)
			.doesNotHaveBean(TuneTheModelChatProperties.class));
	}

	@Test
	void withoutSpringAiThereIsNoChatModel() {
		this.contextRunner.withPropertyValues("tunethemodel.chat.model-id=" + MODEL)
			.withClassLoader(new FilteredClassLoader(ChatModel.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(TuneTheModelOperations.class)
				.doesNotHaveBean(TuneTheModelChatModel.class));
	}

	@Test
	void applicationsOwnChatModelWins() {
		TuneTheModelChatModel own = TuneTheModelChatModel.builder()
			.operations(mock(TuneTheModelOperations.class))
			.defaultOptions(TuneTheModelChatOptions.builder().model("own").build())
			.build();
		this.contextRunner.withPropertyValues("tunethemodel.chat.model-id=" + MODEL)
			.withBean(TuneTheModelChatModel.class, () -> own)
			.run((context) -> assertThat(context).getBean(ChatModel.class).isSameAs(own));
	}

	@Test
	void anotherProvidersChatModelStaysBesideIt() {
		ChatModel other = mock(ChatModel.class);
		this.contextRunner.withPropertyValues("tunethemodel.chat.model-id=" + MODEL)
			.withBean("otherChatModel", ChatModel.class, () -> other)
			.run((context) -> assertThat(context.getBeansOfType(ChatModel.class)).hasSize(2)
				.containsEntry("otherChatModel", other)
				.containsValue(context.getBean(TuneTheModelChatModel.class)));
	}

	@Test
	void optionsFromPropertiesAreTheDefaultOptionsAndReachTheApi() {
		TuneTheModelOperations operations = generator();
		this.contextRunner
			.withPropertyValues("tunethemodel.chat.model-id=" + MODEL, "tunethemodel.chat.options.temperature=0.4",
					"tunethemodel.chat.options.top-k=20", "tunethemodel.chat.options.top-p=0.9",
					"tunethemodel.chat.options.max-tokens=64", "tunethemodel.chat.options.num-hypos=2",
					"tunethemodel.chat.options.min-tokens=3", "tunethemodel.chat.options.seed=42",
					"tunethemodel.chat.options.prefix-tokens-only=true", "tunethemodel.chat.options.span-delimiters=||")
			.withBean(TuneTheModelOperations.class, () -> operations)
			.run((context) -> {
				TuneTheModelChatModel chatModel = context.getBean(TuneTheModelChatModel.class);
				assertThat(chatModel.getOptions()).isEqualTo(TuneTheModelChatOptions.builder()
					.model(MODEL)
					.temperature(0.4)
					.topK(20)
					.topP(0.9)
					.maxTokens(64)
					.numHypos(2)
					.minTokens(3)
					.seed(42L)
					.prefixTokensOnly(true)
					.spanDelimiters("||")
					.build());
				assertThat(chatModel.call(new Prompt("Once upon a time")).getResults()).hasSize(2);
				ArgumentCaptor<GenerateRequest> request = ArgumentCaptor.forClass(GenerateRequest.class);
				verify(operations).generate(eq(MODEL), request.capture());
				assertThat(request.getValue()).isEqualTo(GenerateRequest.builder("Once upon a time")
					.temperature(0.4)
					.topK(20)
					.topP(0.9)
					.maxTokens(64)
					.numHypos(2)
					.minTokens(3)
					.seed(42L)
					.prefixTokensOnly(true)
					.spanDelimiters("||")
					.build());
			});
	}

	@Test
	void blankModelIdStopsTheStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("tunethemodel.chat.model-id=  ").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasMessageStartingWith("tunethemodel.chat.model-id")
				.hasMessageContaining("is blank");
		});
	}

	@Test
	void chatModelIsObservedInTheApplicationsRegistry() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withPropertyValues("tunethemodel.chat.model-id=" + MODEL)
			.withBean(ObservationRegistry.class, () -> registry)
			.withBean(TuneTheModelOperations.class, TuneTheModelChatAutoConfigurationTests::generator)
			.run((context) -> {
				context.getBean(ChatModel.class).call(new Prompt("Once upon a time"));
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("gen_ai.client.operation")
					.that()
					.hasLowCardinalityKeyValue("gen_ai.request.model", MODEL)
					.hasBeenStopped();
			});
	}

	@Test
	void chatModelIsObservedWithTheApplicationsConvention() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		ChatModelObservationConvention convention = new DefaultChatModelObservationConvention() {

			@Override
			public String getName() {
				return "my.chat";
			}

			@Override
			public String getContextualName(ChatModelObservationContext context) {
				return "my chat";
			}

		};
		this.contextRunner.withPropertyValues("tunethemodel.chat.model-id=" + MODEL)
			.withBean(ObservationRegistry.class, () -> registry)
			.withBean(ChatModelObservationConvention.class, () -> convention)
			.withBean(TuneTheModelOperations.class, TuneTheModelChatAutoConfigurationTests::generator)
			.run((context) -> {
				context.getBean(ChatModel.class).call(new Prompt("Once upon a time"));
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("my.chat")
					.that()
					.hasContextualNameEqualTo("my chat");
			});
	}

	private static TuneTheModelOperations generator() {
		TuneTheModelOperations operations = mock(TuneTheModelOperations.class);
		given(operations.generate(eq(MODEL), any(GenerateRequest.class)))
			.willReturn(Mono.just(new Generation(List.of("there was", "there lived"))));
		return operations;
	}

}
