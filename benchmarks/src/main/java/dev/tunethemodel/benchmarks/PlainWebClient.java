package dev.tunethemodel.benchmarks;

import java.net.URI;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second baseline: the least a {@code WebClient} does for the same call, on the same
 * kind of pool, to tell WebClient's own cost from the starter's.
 */
final class PlainWebClient implements AutoCloseable {

	private final ConnectionProvider connections = ConnectionProvider.builder("plain").maxConnections(64).build();

	private final WebClient webClient;

	private final URI modelUri;

	private final ObjectReader modelReader = JsonMapper.builder().build().readerFor(RawClient.RawModel.class);

	PlainWebClient(String baseUrl, String apiKey, String modelId) {
		this.webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.connections)))
			.defaultHeader(HttpHeaderNames.AUTHORIZATION.toString(), apiKey)
			.defaultHeader(HttpHeaderNames.ACCEPT.toString(), "application/json")
			.build();
		this.modelUri = URI.create(baseUrl + "/v0/models/" + modelId + "/status");
	}

	Mono<RawClient.RawModel> getModel() {
		return this.webClient.get()
			.uri(this.modelUri)
			.exchangeToMono((response) -> response.bodyToMono(byte[].class))
			.map((bytes) -> this.modelReader.<RawClient.RawModel>readValue(bytes));
	}

	@Override
	public void close() {
		this.connections.dispose();
	}

}
