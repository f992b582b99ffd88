package dev.tunethemodel.client.model;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A model as the API describes it.
 *
 * @param id the model's id, used in every call about the model
 * @param name the name the user gave the model, if any
 * @param type what the model does, {@code null} when the API names a type this client
 * does not know
 * @param status where the model stands, {@link ModelStatus#UNKNOWN} for a status this
 * client does not know
 * @param rawStatus the status exactly as the API sent it, {@code null} when it sent none
 * @param params the training parameters, never {@code null}
 * @param baseModel the pretrained model this one is tuned from, if the API says
 * @param lastUpdated when the model last changed, in the API's time zone, which it does
 * not name
 * @since 0.1.0
 */
public record Model(String id, @Nullable String name, @Nullable ModelType type, ModelStatus status,
		@Nullable String rawStatus, ModelParams params, @Nullable String baseModel,
		@Nullable LocalDateTime lastUpdated) {

}
