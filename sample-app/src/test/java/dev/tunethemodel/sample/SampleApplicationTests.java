package dev.tunethemodel.sample;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.tunethemodel.client.TuneTheModelOperations;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the sample application lists the account's models on start.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	private static final String API_KEY = "sample-test-key-31d0";

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.resetOnEachTest(false)
		.build();

	@Autowired
	TuneTheModelOperations tuneTheModel;

	@DynamicPropertySource
	static void tuneTheModel(DynamicPropertyRegistry registry) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("""
				{"models": [{"status": "Ready", "model_name": "9323f9dbc976ea5dc6c8272eb90742f9",
				"model_type": "classifier", "user_name": "cyberbullying_tweets",
				"last_updated_time": "2022-05-07 20:58:10.878585"}]}
				""")));
		registry.add("tunethemodel.base-url", wireMock::baseUrl);
		registry.add("tunethemodel.api-key", () -> API_KEY);
	}

	@Test
	void listsTheModelsOnStart(CapturedOutput output) {
		assertThat(this.tuneTheModel).isNotNull();
		assertThat(output).contains("1 model(s) in the account")
			.contains("9323f9dbc976ea5dc6c8272eb90742f9  CLASSIFIER  READY  cyberbullying_tweets")
			.doesNotContain(API_KEY);
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models")).withHeader("Authorization", equalTo(API_KEY)));
	}

}
