package dev.tunethemodel.autoconfigure.ai;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.tunethemodel.ai.TuneTheModelChatModel;
import dev.tunethemodel.autoconfigure.TuneTheModelAutoConfiguration;
import dev.tunethemodel.client.TuneTheModelOperations;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link TuneTheModelChatModel}:
 * the generator {@code tunethemodel.chat.model-id} as Spring AI's {@link ChatModel},
 * called through the top-level client, with the default options
 * {@code tunethemodel.chat.options.*}, observed in the application's
 * {@link ObservationRegistry}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = TuneTheModelAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ChatModel.class, TuneTheModelChatModel.class })
@ConditionalOnBean(TuneTheModelOperations.class)
@ConditionalOnProperty(prefix = TuneTheModelChatProperties.PREFIX, name = "model-id")
@EnableConfigurationProperties(TuneTheModelChatProperties.class)
public final class TuneTheModelChatAutoConfiguration {

	// on the own type, as Spring AI's models: another provider's chat model may be beside
	// it
	@Bean
	@ConditionalOnMissingBean
	TuneTheModelChatModel tuneTheModelChatModel(TuneTheModelOperations operations,
			TuneTheModelChatProperties properties, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ChatModelObservationConvention> observationConvention) {
		TuneTheModelChatModel.Builder chatModel = TuneTheModelChatModel.builder()
			.operations(operations)
			.defaultOptions(properties.toOptions())
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		observationConvention.ifUnique(chatModel::observationConvention);
		return chatModel.build();
	}

}
