package dev.tunethemodel.client;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.CodecConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the calls of a client go through: the web clients, the JSON mapper and the
 * decoders, built once per client and shared by its views.
 */
final class Wire {

	// the codecs' own default
	private static final int DEFAULT_MAX_IN_MEMORY_SIZE = 256 * 1024;

	final WebClient apiClient;

	final WebClient uploadClient;

	final JsonMapper jsonMapper;

	final ObjectWriter writer;

	final ResponseDecoders decoders;

	/**
	 * Build the web clients and the mapper of a client.
	 * @param webClientBuilder the builder to copy
	 * @param apiKey the client's API key, sent with every API call and no upload
	 * @param maxListEntries the maximum number of entries a list may have
	 * @param errors turns failures into the client's exceptions
	 */
	Wire(WebClient.Builder webClientBuilder, String apiKey, int maxListEntries, ApiErrors errors) {
		int[] maxInMemorySize = { DEFAULT_MAX_IN_MEMORY_SIZE };
		// the headers of every API call, set once; an upload gets no key
		this.apiClient = webClientBuilder.clone().defaultHeaders((headers) -> {
			headers.set(HttpHeaders.AUTHORIZATION, apiKey);
			headers.set(HttpHeaders.USER_AGENT, Transport.USER_AGENT);
			headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		}).codecs((codecs) -> {
			hideRequestDetails(codecs);
			maxInMemorySize[0] = maxInMemorySize(codecs);
		}).build();
		this.uploadClient = webClientBuilder.clone()
			.defaultHeaders((headers) -> headers.set(HttpHeaders.USER_AGENT, Transport.USER_AGENT))
			.codecs(Wire::hideRequestDetails)
			.observationConvention(new UploadObservationConvention())
			.build();
		this.jsonMapper = WireFormat.createJsonMapper();
		this.writer = this.jsonMapper.writer();
		this.decoders = new ResponseDecoders(this.jsonMapper, maxInMemorySize[0], maxListEntries, errors);
	}

	private Wire(Wire wire, ResponseDecoders decoders) {
		this.apiClient = wire.apiClient;
		this.uploadClient = wire.uploadClient;
		this.jsonMapper = wire.jsonMapper;
		this.writer = wire.writer;
		this.decoders = decoders;
	}

	/**
	 * Return the same web clients and mapper, whose decoders tell the failures of
	 * responses with other errors.
	 * @param errors the other errors
	 * @return the wire
	 */
	Wire withErrors(ApiErrors errors) {
		return new Wire(this, this.decoders.withErrors(errors));
	}

	// the exchange logs headers, the key among them, when any writer logs request details
	private static void hideRequestDetails(CodecConfigurer codecs) {
		codecs.defaultCodecs().enableLoggingRequestDetails(false);
	}

	private static int maxInMemorySize(CodecConfigurer codecs) {
		Integer configured = (codecs.defaultCodecs() instanceof CodecConfigurer.DefaultCodecConfig config)
				? config.maxInMemorySize() : null;
		return (configured != null) ? configured : DEFAULT_MAX_IN_MEMORY_SIZE;
	}

}
