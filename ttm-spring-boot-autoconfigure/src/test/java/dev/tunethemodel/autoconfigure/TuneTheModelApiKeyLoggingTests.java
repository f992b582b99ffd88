package dev.tunethemodel.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.error.TuneTheModelAuthenticationException;
import dev.tunethemodel.connector.ConnectorTransport;
import dev.tunethemodel.testsupport.TraceLogging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the API key appears in no log line of an application that logs request
 * details ({@code spring.http.codecs.log-request-details=true}) with its web client
 * logging at {@code TRACE}, on each transport, even when the server echoes the key in its
 * headers.
 */
@ExtendWith(OutputCaptureExtension.class)
class TuneTheModelApiKeyLoggingTests {

	private static final String API_KEY = "ttm-logging-key-9d2f61";

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@RegisterExtension
	final TraceLogging logging = new TraceLogging("org.springframework.web", "org.springframework.http",
			"reactor.netty", "dev.tunethemodel");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebClientAutoConfiguration.class, TuneTheModelAutoConfiguration.class))
		.withPropertyValues("tunethemodel.api-key=" + API_KEY, "tunethemodel.base-url=" + wireMock.baseUrl(),
				"tunethemodel.retry.max-retries=0", "spring.http.codecs.log-request-details=true");

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void keyAppearsInNoLogLine(ConnectorTransport transport, CapturedOutput output) {
		wireMock.stubFor(get("/v0/models")
			.willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}").withHeader("Authorization", API_KEY)
				.withHeader("Set-Cookie", "session=" + API_KEY + "; Path=/")));
		wireMock.stubFor(get("/v0/files").willReturn(aResponse().withStatus(401)
			.withHeader("WWW-Authenticate", "key=\"" + API_KEY + "\"")
			.withBody("invalid key " + API_KEY)));
		transport.apply(this.contextRunner).run((context) -> {
			transport.assertListsTheModel(context);
			StepVerifier.create(context.getBean(TuneTheModelOperations.class).listFiles())
				.expectError(TuneTheModelAuthenticationException.class)
				.verify(Duration.ofSeconds(10));
		});
		// the exchanges were logged at TRACE, where headers would show
		assertThat(output.getAll()).contains("/v0/files").contains("headers=");
		for (int i = 0; i + 8 <= API_KEY.length(); i++) {
			assertThat(output.getAll()).doesNotContain(API_KEY.substring(i, i + 8));
		}
	}

}
