package dev.tunethemodel.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import dev.tunethemodel.client.JsonListReader.LimitExceededException;
import dev.tunethemodel.client.WireFormat.FileResponse;
import dev.tunethemodel.client.WireFormat.ModelParamsBody;
import dev.tunethemodel.client.WireFormat.ModelResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link JsonListReader}: entries passed on as they are asked for, limits on an
 * entry, on the bytes outside entries and on the number of entries, malformed bodies, and
 * every buffer released.
 */
class JsonListReaderTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final String MODEL = "{\"model_id\": \"m-%d\", \"status\": \"Ready\"}";

	private static final ObjectReader MODEL_READER = WireFormat.createJsonMapper().readerFor(ModelResponse.class);

	private static final Set<String> MODEL_PROPERTIES = WireFormat.propertyNames(ModelResponse.class);

	private final NettyDataBufferFactory bufferFactory = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);

	private final List<NettyDataBuffer> buffers = new CopyOnWriteArrayList<>();

	private final AtomicInteger partsSent = new AtomicInteger();

	@AfterEach
	void everyBufferIsReleased() {
		assertThat(this.buffers).allSatisfy((buffer) -> assertThat(buffer.getNativeBuffer().refCnt()).isZero());
	}

	@Test
	void entriesArePassedOnAsTheyAreAskedForReadingNoFurtherThanNeeded() {
		List<String> parts = new ArrayList<>();
		parts.add("{\"models\": [");
		for (int i = 0; i < 100; i++) {
			parts.add(MODEL.formatted(i) + ",");
		}
		parts.add(MODEL.formatted(100) + "]}");
		StepVerifier.create(reader(1024, 1000).read(body(parts)).map(ModelResponse::modelId), 0)
			.thenRequest(1)
			.expectNext("m-0")
			// the start of the list, the first entry, and at most one part ahead
			.then(() -> assertThat(this.partsSent).hasValueLessThanOrEqualTo(3))
			.thenRequest(2)
			.expectNext("m-1", "m-2")
			.then(() -> assertThat(this.partsSent).hasValueLessThanOrEqualTo(5))
			.thenRequest(Long.MAX_VALUE)
			.expectNextCount(98)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void propertiesOfAnEntryAreThoseItsTypeNames() {
		assertThat(MODEL_PROPERTIES).containsExactlyInAnyOrder("model_id", "model_name", "user_name", "name",
				"model_type", "status", "model_params", "base_model", "last_updated_time");
	}

	@Test
	void entrySplitAcrossPartsInTheMiddleOfACharacterIsRead() {
		byte[] json = "{\"models\": [{\"model_id\": \"m-ü\", \"user_name\": \"Zoë\"}]}"
			.getBytes(StandardCharsets.UTF_8);
		List<byte[]> parts = new ArrayList<>();
		for (byte b : json) {
			parts.add(new byte[] { b });
		}
		StepVerifier.create(reader(1024, 10).read(bodyOfBytes(parts)))
			.assertNext((model) -> assertThat(model.modelId()).isEqualTo("m-ü"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void propertiesTheEntryTypeDoesNotReadAreSkippedBeforeItReadsAnEntryThatSpansParts() {
		// strict: an unknown property that reached the entry's reader would fail it
		ObjectReader strictReader = WireFormat.createJsonMapper()
			.readerFor(StrictEntry.class)
			.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		JsonListReader<StrictEntry> reader = new JsonListReader<>(strictReader, "models",
				Set.of("model_id", "model_params"), 1024, 10);
		List<String> parts = List.of("{\"models\": [{\"junk\": {\"deep\": [1, {\"x\": ",
				"null}, \"y\"]}, \"model_id\": \"m-1\", \"more\": 5, \"model_params\": {\"num_classes\": 3}}]}");
		StepVerifier.create(reader.read(body(parts)))
			.expectNext(new StrictEntry("m-1", new ModelParamsBody(3, null)))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void responseTypesOfListsIgnoreThePropertiesTheyDoNotRead() {
		// an entry that arrives whole reaches its type's reader with every property
		String json = "{\"junk\": {\"deep\": [1, {\"x\": null}]}, \"model_id\": \"m-1\", \"file_id\": \"f-1\"}";
		JsonMapper mapper = WireFormat.createJsonMapper();
		assertThat(mapper.readerFor(ModelResponse.class)
			.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.<ModelResponse>readValue(json)
			.modelId()).isEqualTo("m-1");
		assertThat(mapper.readerFor(FileResponse.class)
			.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.<FileResponse>readValue(json)
			.fileId()).isEqualTo("f-1");
	}

	@Test
	void entryIsReadTheSameWhereverTheBodyIsSplit() {
		// brackets, quotes and backslashes inside strings do not end an entry
		String entry = "{\"model_id\": \"m-}]\\\"{\", \"junk\": [\"]\", {\"a\": \"\\\\\"}], "
				+ "\"model_params\": {\"num_classes\": 3}, \"user_name\": \"Zoë\"}";
		byte[] json = ("{\"models\": [" + entry + ", " + entry + "]}").getBytes(StandardCharsets.UTF_8);
		for (int split = 1; split < json.length; split++) {
			List<byte[]> parts = List.of(Arrays.copyOfRange(json, 0, split),
					Arrays.copyOfRange(json, split, json.length));
			StepVerifier.create(reader(1024, 10).read(bodyOfBytes(parts)))
				.expectNext(new ModelResponse("m-}]\"{", null, "Zoë", null, null, null, new ModelParamsBody(3, null),
						null, null))
				.expectNextCount(1)
				.as("split at byte " + split)
				.expectComplete()
				.verify(TIMEOUT);
		}
	}

	@Test
	void otherFieldsNullEntriesAndWhitespaceAreSkipped() {
		String json = " {\"total\": {\"a\": [1, 2]}, \"models\": [ null , " + MODEL.formatted(1)
				+ " ], \"next\": null} \n";
		StepVerifier.create(reader(1024, 10).read(body(List.of(json))).map(ModelResponse::modelId))
			.expectNext("m-1")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void objectWithoutTheListHasNoEntries() {
		StepVerifier.create(reader(1024, 10).read(body(List.of("{\"files\": [" + MODEL.formatted(1) + "]}"))))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void entryOfTheLimitIsRead() {
		String entry = entryOfBytes(300);
		StepVerifier.create(reader(300, 10).read(body(List.of("{\"models\": [", entry, "]}"))))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void entryLargerThanTheLimitEndsTheList() {
		String entry = entryOfBytes(301);
		StepVerifier
			.create(reader(300, 10).read(body(List.of("{\"models\": [" + MODEL.formatted(0) + ",", entry, "]}"))))
			.expectNextCount(1)
			.expectErrorSatisfies((ex) -> assertThat(ex)
				.isInstanceOfSatisfying(LimitExceededException.class,
						(limit) -> assertThat(limit.isEntryCount()).isFalse())
				.hasMessage("an entry of \"models\" larger than 300 bytes"))
			.verify(TIMEOUT);
	}

	@Test
	void endlessEntryEndsTheListOnceItPassesTheLimit() {
		Flux<DataBuffer> body = Flux.concat(body(List.of("{\"models\": [{\"model_id\": \"m-1\", \"junk\": [")),
				Flux.generate((sink) -> sink.next(buffer("0,".repeat(50)))));
		StepVerifier.create(reader(1000, 10).read(body))
			.expectErrorMessage("an entry of \"models\" larger than 1000 bytes")
			.verify(TIMEOUT);
		assertThat(this.partsSent).hasValueLessThan(30);
	}

	@Test
	void endlessFieldOutsideTheListEndsItOnceItPassesTheLimit() {
		Flux<DataBuffer> body = Flux.concat(body(List.of("{\"models\": [" + MODEL.formatted(1) + "], \"junk\": \"")),
				Flux.generate((sink) -> sink.next(buffer("j".repeat(100)))));
		StepVerifier.create(reader(1000, 10).read(body))
			.expectNextCount(1)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(LimitExceededException.class)
				.hasMessage("more than 1000 bytes in a row outside the entries of \"models\""))
			.verify(TIMEOUT);
		assertThat(this.partsSent).hasValueLessThan(30);
	}

	@Test
	void bytesBetweenEntriesCountFromTheLastEntry() {
		String space = " ".repeat(600);
		String json = "{\"models\": [" + MODEL.formatted(1) + "," + space + MODEL.formatted(2) + "," + space
				+ MODEL.formatted(3) + "]}";
		StepVerifier.create(reader(1000, 10).read(body(List.of(json))))
			.expectNextCount(3)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void listLongerThanTheBoundEndsAfterTheBound() {
		String json = "{\"models\": [" + MODEL.formatted(1) + "," + MODEL.formatted(2) + "," + MODEL.formatted(3)
				+ "]}";
		StepVerifier.create(reader(1000, 2).read(body(List.of(json))).map(ModelResponse::modelId))
			.expectNext("m-1", "m-2")
			.expectErrorSatisfies((ex) -> assertThat(ex)
				.isInstanceOfSatisfying(LimitExceededException.class,
						(limit) -> assertThat(limit.isEntryCount()).isTrue())
				.hasMessage("more than 2 entries in \"models\""))
			.verify(TIMEOUT);
	}

	@Test
	void negativeLimitReadsEntriesOfAnySize() {
		StepVerifier.create(reader(-1, 10).read(body(List.of("{\"models\": [", entryOfBytes(100_000), "]}"))))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void malformedJsonIsAJacksonError() {
		StepVerifier.create(reader(1000, 10).read(body(List.of("{\"models\": [{\"model_id\" \"m-1\"}]}"))))
			.expectError(JacksonException.class)
			.verify(TIMEOUT);
	}

	@Test
	void bodyThatEndsInsideItsObjectIsAJacksonError() {
		StepVerifier.create(reader(1000, 10).read(body(List.of("{\"models\": [" + MODEL.formatted(1)))))
			.expectNextCount(1)
			.expectError(JacksonException.class)
			.verify(TIMEOUT);
	}

	@Test
	void bodyThatIsNotAnObjectWithAListIsAnError() {
		assertBodyFails(List.of("[1, 2]"), "the body is not a JSON object");
		assertBodyFails(List.of("{\"models\": [1]}"), "an entry of \"models\" is not a JSON object");
		assertBodyFails(List.of(), "the body is empty");
		assertBodyFails(List.of("{\"models\": []} {}"), "the body goes on after its JSON object");
	}

	@Test
	void cancellingReleasesWhatArrived() {
		Flux<DataBuffer> body = Flux.concat(body(List.of("{\"models\": [")),
				Flux.generate((sink) -> sink.next(buffer(MODEL.formatted(1) + ","))));
		StepVerifier.create(reader(1000, 1000).read(body).take(3)).expectNextCount(3).expectComplete().verify(TIMEOUT);
	}

	private void assertBodyFails(List<String> parts, String message) {
		StepVerifier.create(reader(1000, 10).read(body(parts)))
			.thenConsumeWhile((entry) -> true)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class).hasMessage(message))
			.verify(TIMEOUT);
	}

	private static JsonListReader<ModelResponse> reader(long maxEntryBytes, int maxEntries) {
		return new JsonListReader<>(MODEL_READER, "models", MODEL_PROPERTIES, maxEntryBytes, maxEntries);
	}

	// an entry of exactly that many bytes
	private static String entryOfBytes(int bytes) {
		String start = "{\"model_id\": \"m-1\", \"user_name\": \"";
		return start + "n".repeat(bytes - start.length() - 2) + "\"}";
	}

	private Flux<DataBuffer> body(List<String> parts) {
		return bodyOfBytes(parts.stream().map((part) -> part.getBytes(StandardCharsets.UTF_8)).toList());
	}

	private Flux<DataBuffer> bodyOfBytes(List<byte[]> parts) {
		return Flux.fromIterable(parts).map(this::buffer);
	}

	private DataBuffer buffer(String text) {
		return buffer(text.getBytes(StandardCharsets.UTF_8));
	}

	private DataBuffer buffer(byte[] bytes) {
		NettyDataBuffer buffer = this.bufferFactory.allocateBuffer(bytes.length);
		buffer.write(bytes);
		this.buffers.add(buffer);
		this.partsSent.incrementAndGet();
		return buffer;
	}

	record StrictEntry(@JsonProperty("model_id") String modelId,
			@JsonProperty("model_params") ModelParamsBody modelParams) {

	}

}
