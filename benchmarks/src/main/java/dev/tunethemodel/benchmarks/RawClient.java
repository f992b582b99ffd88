package dev.tunethemodel.benchmarks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: what a hand-written Reactor Netty client does for the same calls, headers
 * and readers prepared once, the JSON decoded into records.
 */
final class RawClient implements AutoCloseable {

	private final ConnectionProvider connections = ConnectionProvider.builder("raw").maxConnections(64).build();

	private final HttpClient api;

	private final HttpClient apiWithBody;

	private final ObjectReader modelReader;

	private final ObjectReader modelListReader;

	private final ObjectReader classificationReader;

	private final ObjectWriter writer;

	RawClient(String baseUrl, String apiKey) {
		this.api = HttpClient.create(this.connections)
			.baseUrl(baseUrl)
			.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, apiKey)
				.set(HttpHeaderNames.ACCEPT, "application/json"));
		this.apiWithBody = this.api.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
		JsonMapper mapper = JsonMapper.builder().build();
		this.modelReader = mapper.readerFor(RawModel.class);
		this.modelListReader = mapper.readerFor(RawModelList.class);
		this.classificationReader = mapper.readerFor(RawClassification.class);
		this.writer = mapper.writer();
	}

	Mono<RawModel> getModel(String id) {
		return this.api.get().uri("/v0/models/" + id + "/status").responseSingle((response, body) -> {
			if (response.status().code() != 200) {
				return Mono.error(new IllegalStateException("status " + response.status()));
			}
			return body.asByteArray().map((bytes) -> this.modelReader.<RawModel>readValue(bytes));
		});
	}

	Mono<List<RawModel>> listModels() {
		return this.api.get().uri("/v0/models").responseSingle((response, body) -> {
			if (response.status().code() != 200) {
				return Mono.error(new IllegalStateException("status " + response.status()));
			}
			return body.asByteArray().map((bytes) -> this.modelListReader.<RawModelList>readValue(bytes).models());
		});
	}

	Mono<List<Double>> classify(String id, String input) {
		byte[] json = this.writer.writeValueAsBytes(new RawInput(input));
		// a Mono body is sent whole, with its Content-Length
		return this.apiWithBody.post()
			.uri("/v0/models/" + id + "/classify")
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(json)))
			.responseSingle((response, body) -> {
				if (response.status().code() != 200) {
					return Mono.error(new IllegalStateException("status " + response.status()));
				}
				return body.asByteArray()
					.map((bytes) -> this.classificationReader.<RawClassification>readValue(bytes).answer().scores());
			});
	}

	@Override
	public void close() {
		this.connections.dispose();
	}

	record RawModel(@JsonProperty("model_name") String id, @JsonProperty("user_name") String name,
			@JsonProperty("model_type") String type, @JsonProperty("status") String status,
			@JsonProperty("last_updated_time") String lastUpdated) {

	}

	record RawModelList(@JsonProperty("models") List<RawModel> models) {

	}

	record RawInput(@JsonProperty("input") String input) {

	}

	record RawClassification(@JsonProperty("answer") Answer answer) {

		record Answer(@JsonProperty("scores") List<Double> scores) {

		}

	}

}
