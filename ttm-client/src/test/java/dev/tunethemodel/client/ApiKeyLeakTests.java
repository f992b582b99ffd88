package dev.tunethemodel.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.testsupport.HostileSuite;
import dev.tunethemodel.testsupport.TraceLogging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the API key appears in no exception, {@code toString()} or log line, even
 * when the server echoes it and client logging is at its most verbose.
 */
@HostileSuite
@ParameterizedClass
@EnumSource(TransportUnderTest.class)
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyLeakTests extends WireMockTemplateTests {

	private static final int KEY_FRAGMENT = 8;

	@RegisterExtension
	final TraceLogging logging = new TraceLogging("org.springframework.web", "org.springframework.http",
			"reactor.netty", "dev.tunethemodel");

	private final List<Throwable> errors = new ArrayList<>();

	private final TransportUnderTest transport;

	ApiKeyLeakTests(TransportUnderTest transport) {
		this.transport = transport;
	}

	@BeforeEach
	@Override
	void createTemplate() {
		this.template = builder().build();
	}

	@Test
	void keyAppearsInNoErrorAndNoLogLine(CapturedOutput output) {
		String echo = "invalid key " + API_KEY + ", try again";
		wireMock.stubFor(get("/v0/models").willReturn(aResponse().withStatus(401).withBody(echo)));
		wireMock.stubFor(get("/v0/public-models").willReturn(aResponse().withStatus(429).withBody(echo)));
		wireMock.stubFor(get("/v0/files").willReturn(aResponse().withStatus(503).withBody(echo)));
		wireMock
			.stubFor(get(urlPathEqualTo("/v0/models/m-1/status")).willReturn(okJson("{\"model_name\": " + API_KEY)));
		wireMock.stubFor(post("/v0/models/m-1/classify").willReturn(okJson(API_KEY)));
		wireMock.stubFor(post("/v0/models/m-1/fit").willReturn(okJson("{\"model_name\": \"m-1\"}")));
		wireMock.stubFor(put("/upload").willReturn(aResponse().withStatus(403).withBody(echo)));
		collectError(this.template.listModels());
		collectError(this.template.listPublicModels());
		collectError(this.template.listFiles());
		collectError(this.template.getModel("m-1"));
		collectError(this.template.classify("m-1", "text"));
		collectError(this.template.upload(
				new DatasetFile("f", "f", ModelType.CLASSIFIER, FileStatus.CREATED, null,
						URI.create(wireMock.baseUrl() + "/upload")),
				Flux.range(0, 32).map((i) -> new ClassifierExample("a", 0))));
		collectError(deadTemplate().listModels());
		StepVerifier.create(this.template.fit("m-1")).expectNextCount(1).expectComplete().verify(TIMEOUT);

		assertThat(this.errors).hasSize(7);
		for (Throwable error : this.errors) {
			assertThat(TraceLogging.stackTrace(error)).doesNotContain(API_KEY);
			if (error instanceof TuneTheModelApiException apiException) {
				assertThat(apiException.responseBody()).doesNotContain(API_KEY).contains("[API key]");
			}
		}
		assertThat(this.errors.get(0)).hasMessageContaining("invalid key [API key], try again");
		assertThat(this.template.toString()).doesNotContain(API_KEY);
		// the client did log its requests, so a leak would have been seen
		assertThat(output.getAll()).contains("/v0/models/m-1/fit").doesNotContain(API_KEY);
	}

	@Test
	void keyAppearsInNoLogLineWhenTheApplicationLogsRequestDetails(CapturedOutput output) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withHeader("Authorization", API_KEY)
			.withHeader("Set-Cookie", "session=" + API_KEY + "; Path=/")));
		wireMock.stubFor(get("/v0/files").willReturn(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate", "key=\"" + API_KEY + "\"")
			.withBody("invalid key")));
		// as Boot's builder is with spring.http.codecs.log-request-details=true
		WebClient.Builder loggingBuilder = this.transport.webClientBuilder()
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(true));
		TuneTheModelTemplate template = builder().webClientBuilder(loggingBuilder).build();
		StepVerifier.create(template.listModels()).expectComplete().verify(TIMEOUT);
		collectError(template.listFiles());
		collectError(template.upload(
				new DatasetFile("f", "f", ModelType.CLASSIFIER, FileStatus.CREATED, null,
						URI.create(wireMock.baseUrl() + "/upload")),
				Flux.range(0, 32).map((i) -> new ClassifierExample("a", 0))));
		// the exchange was logged at TRACE, headers included
		assertThat(output.getAll()).contains("/v0/models").contains("headers=");
		assertNoFragmentOfTheKey(output.getAll());
	}

	@Test
	void keyCutByTheErrorBodyLimitIsRedacted() {
		// the limit falls within the key: the body read ends with its first characters
		String start = "x".repeat(64 * 1024 - 10);
		wireMock.stubFor(
				get("/v0/models").willReturn(aResponse().withStatus(500).withBody(start + API_KEY + " and the rest")));
		collectError(this.template.listModels());
		TuneTheModelApiException error = (TuneTheModelApiException) this.errors.get(0);
		assertThat(error.responseBody()).startsWith(start).endsWith("[API key]");
		assertNoFragmentOfTheKey(error.responseBody());
		assertNoFragmentOfTheKey(TraceLogging.stackTrace(error));
	}

	@Test
	void jsonEscapedKeyIsRedacted(CapturedOutput output) {
		String escaped = "\\u0074tm\\u002dtest\\u002Dkey\\u002d4f9c2a71";
		wireMock.stubFor(get("/v0/models")
			.willReturn(aResponse().withStatus(401).withBody("{\"error\": \"invalid key " + escaped + "\"}")));
		collectError(this.template.listModels());
		TuneTheModelApiException error = (TuneTheModelApiException) this.errors.get(0);
		assertThat(error.responseBody()).isEqualTo("{\"error\": \"invalid key [API key]\"}");
		assertNoFragmentOfTheKey(TraceLogging.stackTrace(error));
		assertNoFragmentOfTheKey(output.getAll());
	}

	private void collectError(org.reactivestreams.Publisher<?> call) {
		StepVerifier.create(call).consumeErrorWith(this.errors::add).verify(TIMEOUT);
	}

	private TuneTheModelTemplate deadTemplate() {
		return builder().baseUrl(ClosedPort.baseUrl()).build();
	}

	private TuneTheModelTemplate.Builder builder() {
		return TuneTheModelTemplate.builder()
			.webClientBuilder(this.transport.webClientBuilder())
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.retrySettings(RetrySettings.none());
	}

	// any eight characters of the key in a row are a leak
	private static void assertNoFragmentOfTheKey(String text) {
		for (int i = 0; i + KEY_FRAGMENT <= API_KEY.length(); i++) {
			assertThat(text).doesNotContain(API_KEY.substring(i, i + KEY_FRAGMENT));
		}
	}

}
