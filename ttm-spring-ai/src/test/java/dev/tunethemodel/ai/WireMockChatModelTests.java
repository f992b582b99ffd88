package dev.tunethemodel.ai;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.tunethemodel.client.RetrySettings;
import dev.tunethemodel.client.TuneTheModelTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests of {@link TuneTheModelChatModel} against WireMock on loopback.
 */
abstract class WireMockChatModelTests {

	static final String API_KEY = "ttm-test-key-7d3e9b15";

	static final String MODEL = "gen-1";

	static final String GENERATE = "/v0/models/" + MODEL + "/generate";

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	static TuneTheModelTemplate template(ObservationRegistry registry) {
		return TuneTheModelTemplate.builder()
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.retrySettings(RetrySettings.none())
			.observationRegistry(registry)
			.build();
	}

	static TuneTheModelChatModel chatModel(TuneTheModelChatOptions.Builder defaults) {
		return TuneTheModelChatModel.builder()
			.operations(template(ObservationRegistry.NOOP))
			.defaultOptions(defaults.model(MODEL).build())
			.build();
	}

	static void answering(String... texts) {
		StringBuilder responses = new StringBuilder();
		for (String text : texts) {
			responses.append((responses.isEmpty()) ? "" : ", ").append("{\"response\": \"").append(text).append("\"}");
		}
		wireMock.stubFor(post(GENERATE).willReturn(okJson("{\"answer\": {\"responses\": [" + responses + "]}}")));
	}

	/**
	 * Return the body of the one request sent.
	 */
	static JsonNode sentBody() {
		List<ServeEvent> requests = wireMock.getAllServeEvents();
		assertThat(requests).hasSize(1);
		return JsonMapper.builder().build().readTree(requests.get(0).getRequest().getBodyAsString());
	}

	static void assertNothingSent() {
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

}
