package dev.tunethemodel.autoconfigure;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient} of the Tune the Model client only, after the
 * application-wide customizers; beans of this type are applied in their order.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TuneTheModelWebClientCustomizer {

	/**
	 * Customize the builder of the client's {@link WebClient}.
	 * @param webClientBuilder the builder
	 */
	void customize(WebClient.Builder webClientBuilder);

}
