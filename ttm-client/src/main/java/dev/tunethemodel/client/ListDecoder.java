package dev.tunethemodel.client;

import java.util.function.Supplier;

import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;

/**
 * Decodes a successful response that lists entries, passing each on as it is read.
 *
 * @param <T> the type of an entry
 */
@FunctionalInterface
interface ListDecoder<T> {

	/**
	 * Decode the body of a response.
	 * @param response the response, with a 2xx status
	 * @param request describes the request, for messages
	 * @return the entries of the list, read as they are asked for
	 */
	Flux<T> decode(ClientResponse response, Supplier<String> request);

}
