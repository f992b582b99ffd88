package dev.tunethemodel.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Base of the tests of {@link TuneTheModelTemplate} against WireMock on loopback.
 */
abstract class WireMockTemplateTests {

	static final String API_KEY = "ttm-test-key-4f9c2a71";

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	TuneTheModelTemplate template;

	// one attempt per call: FaultInjectionTests are about retries
	@BeforeEach
	void createTemplate() {
		this.template = TuneTheModelTemplate.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.retrySettings(RetrySettings.none())
			.build();
	}

}
