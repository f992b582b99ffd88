package dev.tunethemodel.client;

import java.util.function.Supplier;

import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;

/**
 * Decodes a successful answer.
 *
 * @param <T> the type of what the answer holds
 */
@FunctionalInterface
interface ResponseDecoder<T> {

	/**
	 * Decode the body of an answer.
	 * @param response the answer, with a 2xx status
	 * @param request describes the request, for messages
	 * @return what the body holds
	 */
	Mono<T> decode(ClientResponse response, Supplier<String> request);

}
