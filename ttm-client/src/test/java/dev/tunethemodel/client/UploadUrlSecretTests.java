package dev.tunethemodel.client;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.error.TuneTheModelAuthenticationException;
import dev.tunethemodel.client.error.TuneTheModelConnectionException;
import dev.tunethemodel.client.model.ClassifierExample;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.FileStatus;
import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.testsupport.HostileSuite;
import dev.tunethemodel.testsupport.TraceLogging;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query of a pre-signed upload URL is a credential: it appears in no exception
 * message, stack trace, response body or {@code toString()}, in no observation and in no
 * log line of the client or of Spring's {@code WebClient}, at any level, even when the
 * object store echoes it in its error, as S3 does. Only the raw transports' own loggers,
 * which this test leaves at their level, may show it.
 */
@HostileSuite
@ParameterizedClass
@EnumSource(TransportUnderTest.class)
@ExtendWith(OutputCaptureExtension.class)
class UploadUrlSecretTests {

	private static final String SIGNATURE = "9f3b1c27d4e85a60b7c2e19f4d8a3b6c5e0f7a2d9c4b8e1f6a3d0c7b2e5f8a19";

	private static final String CREDENTIAL = "AKIAEXAMPLE7Q2ZPX/20261206/eu-west-1/s3/aws4_request";

	private static final String QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
			+ CREDENTIAL.replace("/", "%2F") + "&X-Amz-Expires=3600&X-Amz-Signature=" + SIGNATURE;

	private static final Duration VERIFY = Duration.ofSeconds(20);

	// Spring's and the client's own; the transports' own loggers may show the URL
	@RegisterExtension
	final TraceLogging logging = new TraceLogging("org.springframework", "dev.tunethemodel");

	private static DisposableServer objectStore;

	private final TransportUnderTest transport;

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final List<Throwable> errors = new ArrayList<>();

	UploadUrlSecretTests(TransportUnderTest transport) {
		this.transport = transport;
	}

	@BeforeAll
	static void startObjectStore() {
		objectStore = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.put("/denied/{file}",
					(request, response) -> request.receive()
						.then(response.status(403)
							.header("Content-Type", "application/xml")
							.sendString(Mono.just(signatureDoesNotMatch(request.uri())))
							.then())))
			.bindNow();
	}

	@AfterAll
	static void stopObjectStore() {
		objectStore.disposeNow();
	}

	@Test
	void signatureEchoedByADenyingObjectStoreIsRedactedEverywhere(CapturedOutput output) {
		DatasetFile file = file("http://127.0.0.1:" + objectStore.port() + "/denied/f-1?" + QUERY);
		StepVerifier.create(template().upload(file, examples())).consumeErrorWith(this.errors::add).verify(VERIFY);
		TuneTheModelAuthenticationException denied = (TuneTheModelAuthenticationException) this.errors.get(0);
		assertThat(denied.getMessage()).startsWith("PUT <upload URL> failed with 403 Forbidden")
			.contains("<Code>SignatureDoesNotMatch</Code>");
		assertThat(denied.responseBody()).contains("<SignatureProvided>[upload URL secret]</SignatureProvided>");
		assertNoSecret(denied.responseBody());
		assertNoSecret(TraceLogging.stackTrace(denied));
		assertNoSecret(file.toString());
		assertUploadObservedWithoutQuery("/denied/f-1");
		// the exchange was logged, so a leak would have been seen
		assertThat(output.getAll()).contains("/denied/f-1");
		assertNoSecret(output.getAll());
	}

	@Test
	void signatureOfAnUnreachableObjectStoreIsRedactedEverywhere(CapturedOutput output) {
		String objectStore = ClosedPort.baseUrl();
		DatasetFile file = file(objectStore + "/upload/f-1?" + QUERY);
		StepVerifier.create(template().upload(file, examples())).consumeErrorWith(this.errors::add).verify(VERIFY);
		assertThat(this.errors.get(0)).isInstanceOf(TuneTheModelConnectionException.class)
			.hasMessage(
					"PUT <upload URL> to " + objectStore.substring("http://".length()) + " failed: connection refused");
		assertNoSecret(TraceLogging.stackTrace(this.errors.get(0)));
		assertNoSecret(output.getAll());
	}

	private TuneTheModelTemplate template() {
		return TuneTheModelTemplate.builder()
			.webClientBuilder(this.transport.webClientBuilder().observationRegistry(this.registry))
			.baseUrl(ClosedPort.baseUrl())
			.apiKey("upload-secret-key")
			.retrySettings(RetrySettings.none())
			.timeout(VERIFY)
			.observationRegistry(this.registry)
			.build();
	}

	// Spring's observation of the exchange, with the URL without its query, and the
	// client's own
	private void assertUploadObservedWithoutQuery(String path) {
		assertThat(this.registry).hasObservationWithNameEqualTo("http.client.requests")
			.that()
			.hasHighCardinalityKeyValue("http.url", "http://127.0.0.1:" + objectStore.port() + path);
		assertThat(this.registry).hasObservationWithNameEqualTo("tunethemodel.client.operation")
			.that()
			.hasLowCardinalityKeyValue("tunethemodel.operation", "upload");
	}

	private static DatasetFile file(String uploadUrl) {
		return new DatasetFile("f-1", "train", ModelType.CLASSIFIER, FileStatus.CREATED, null, URI.create(uploadUrl));
	}

	private static Flux<ClassifierExample> examples() {
		return Flux.range(0, 32).map((i) -> new ClassifierExample("example " + i, i % 2));
	}

	// as S3 answers a PUT whose signature does not match
	private static String signatureDoesNotMatch(String uri) {
		String query = uri.substring(uri.indexOf('?') + 1);
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch</Code>"
				+ "<Message>The request signature we calculated does not match the signature you provided.</Message>"
				+ "<AWSAccessKeyId>" + CREDENTIAL.substring(0, CREDENTIAL.indexOf('/')) + "</AWSAccessKeyId>"
				+ "<StringToSign>AWS4-HMAC-SHA256\n20261206T120000Z\n"
				+ URLDecoder.decode(query, StandardCharsets.UTF_8) + "</StringToSign><SignatureProvided>" + SIGNATURE
				+ "</SignatureProvided>" + "<CanonicalRequest>PUT\n" + uri + "</CanonicalRequest></Error>";
	}

	private static void assertNoSecret(String text) {
		assertThat(text).doesNotContain(SIGNATURE)
			.doesNotContain(SIGNATURE.substring(0, 16))
			.doesNotContain(CREDENTIAL)
			.doesNotContain(CREDENTIAL.replace("/", "%2F"))
			.doesNotContain("AKIAEXAMPLE7Q2ZPX");
	}

}
