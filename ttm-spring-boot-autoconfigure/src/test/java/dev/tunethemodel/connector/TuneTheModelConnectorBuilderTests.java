package dev.tunethemodel.connector;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.RetrySettings;
import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.error.TuneTheModelConfigurationException.Problem;
import dev.tunethemodel.client.http.JdkHttpConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of a {@link TuneTheModelConnector} built with the application's
 * {@link ClientHttpConnectorBuilder}: its kind decides the transport, a builder of
 * another kind is used as it is, bounded by the maximum number of connections, and the
 * JDK's client runs on virtual threads when asked to.
 */
class TuneTheModelConnectorBuilderTests {

	private static final String API_KEY = "ttm-builder-key-6a1f";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	@Test
	void reactorBuilderGivesReactorNettyWithTheConnectorsPoolAndTheBuildersCustomizers() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
		TuneTheModelConnector connector = new TuneTheModelConnector(
				TuneTheModelConnectorSettings.defaults().withMaxConnections(7),
				ClientHttpConnectorBuilder.reactor()
					.withHttpClientCustomizer((client) -> client.headers((headers) -> headers.add("X-App", "reactor"))),
				Threading.PLATFORM);
		try {
			assertThat(connector.getTransportName()).isEqualTo("Reactor Netty");
			assertListsTheModel(connector);
			ConnectionProvider pool = ((ReactorNettyTransport) connector.transport()).provider();
			assertThat(pool.name()).isEqualTo("tunethemodel");
			assertThat(pool.maxConnections()).isEqualTo(7);
		}
		finally {
			connector.destroy();
		}
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models")).withHeader("X-App", equalTo("reactor")));
	}

	@Test
	void jdkBuilderGivesTheJdkClientWithItsPermits() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
		TuneTheModelConnector connector = new TuneTheModelConnector(
				TuneTheModelConnectorSettings.defaults().withMaxConnections(7), ClientHttpConnectorBuilder.jdk(),
				Threading.PLATFORM);
		try {
			assertThat(connector.getTransportName()).isEqualTo("the JDK's HttpClient");
			assertListsTheModel(connector);
			assertThat(((JdkTransport) connector.transport()).permits().available()).isEqualTo(7);
		}
		finally {
			connector.destroy();
		}
	}

	@Test
	void jdkBuilderWithAClientThatLogsHeadersIsRefusedNamingTheProperty() {
		System.setProperty(JdkHttpConnector.LOG_PROPERTY, "headers");
		try {
			assertThatExceptionOfType(TuneTheModelConfigurationException.class)
				.isThrownBy(() -> new TuneTheModelConnector(TuneTheModelConnectorSettings.defaults(),
						ClientHttpConnectorBuilder.jdk(), Threading.PLATFORM))
				.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(Problem.LOGGED_HEADERS))
				.withMessageContaining("jdk.httpclient.HttpClient.log=headers");
		}
		finally {
			System.clearProperty(JdkHttpConnector.LOG_PROPERTY);
		}
	}

	@Test
	void builderOfAnotherKindBuildsTheConnectorWithTheConnectorsSettings() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
		RecordingConnectorBuilder builder = new RecordingConnectorBuilder();
		TuneTheModelConnector connector = new TuneTheModelConnector(TuneTheModelConnectorSettings.defaults()
			.withConnectTimeout(Duration.ofSeconds(4))
			.withReadTimeout(Duration.ofSeconds(5)), builder, Threading.PLATFORM);
		try {
			assertThat(connector.getTransportName()).isEqualTo("RecordingConnectorBuilder");
			assertListsTheModel(connector);
			assertThat(connector.transport()).isInstanceOf(BuiltConnectorTransport.class);
			assertThat(builder.requests()).isOne();
			assertThat(builder.settings().connectTimeout()).isEqualTo(Duration.ofSeconds(4));
			assertThat(builder.settings().readTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(builder.settings().redirects()).isEqualTo(HttpRedirects.DONT_FOLLOW);
		}
		finally {
			connector.destroy();
		}
	}

	@Test
	void builderOfAnotherKindHasAtMostMaxConnectionsRequestsInFlight() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(300)));
		RecordingConnectorBuilder builder = new RecordingConnectorBuilder();
		TuneTheModelConnector connector = new TuneTheModelConnector(
				TuneTheModelConnectorSettings.defaults().withMaxConnections(2), builder, Threading.PLATFORM);
		try {
			TuneTheModelOperations operations = template(connector);
			StepVerifier.create(Flux.range(0, 6).flatMap((i) -> operations.listModels().then(), 6))
				.expectComplete()
				.verify(TIMEOUT);
			assertThat(builder.requests()).isEqualTo(6);
			// the first two are sent at once and answered 300 ms later
			assertThat(builder.mostInFlight()).isEqualTo(2);
		}
		finally {
			connector.destroy();
		}
	}

	@Test
	void destroyClosesTheConnectorOfABuilderOfAnotherKindAndItsPermits() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		RecordingConnectorBuilder builder = new RecordingConnectorBuilder();
		TuneTheModelConnector connector = new TuneTheModelConnector(TuneTheModelConnectorSettings.defaults(), builder,
				Threading.PLATFORM);
		StepVerifier.create(template(connector).listModels()).expectComplete().verify(TIMEOUT);
		BuiltConnectorTransport started = (BuiltConnectorTransport) connector.transport();
		assertThat(builder.isClosed()).isFalse();
		connector.destroy();
		assertThat(builder.isClosed()).isTrue();
		StepVerifier.create(started.permits().acquire())
			.expectErrorMessage("The Tune the Model connector is closed")
			.verify(TIMEOUT);
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void jdkClientOnVirtualThreadsEndsItsResponsesOnVirtualThreads() throws Exception {
		TuneTheModelConnector connector = new TuneTheModelConnector(TuneTheModelConnectorSettings.defaults(),
				ClientHttpConnectorBuilder.jdk(), Threading.VIRTUAL);
		Thread thread;
		try {
			thread = BodyThread.of(connector.getClientHttpConnector());
			assertThat(((JdkTransport) connector.transport()).executor()).isInstanceOf(VirtualThreadTaskExecutor.class);
		}
		finally {
			connector.destroy();
		}
		assertThat(thread.getName()).startsWith("tunethemodel-http-");
		assertThat(Thread.class.getMethod("isVirtual").invoke(thread)).isEqualTo(true);
		StepVerifier.create(connector.getClientHttpConnector()
			.connect(HttpMethod.GET, URI.create(wireMock.baseUrl() + "/v0/models"), (request) -> request.setComplete()))
			.expectErrorMessage("The Tune the Model connector is closed")
			.verify(TIMEOUT);
	}

	@Test
	void jdkClientOnPlatformThreadsEndsItsResponsesOnItsOwnPool() {
		TuneTheModelConnector connector = new TuneTheModelConnector(TuneTheModelConnectorSettings.defaults(),
				ClientHttpConnectorBuilder.jdk(), Threading.PLATFORM);
		try {
			Thread thread = BodyThread.of(connector.getClientHttpConnector());
			assertThat(thread.getName()).startsWith("tunethemodel-http-");
			assertThat(((JdkTransport) connector.transport()).executor())
				.isNotInstanceOf(VirtualThreadTaskExecutor.class);
		}
		finally {
			connector.destroy();
		}
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void jdkClientOnVirtualThreadsBeforeJava21IsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TuneTheModelConnector(TuneTheModelConnectorSettings.defaults(),
					ClientHttpConnectorBuilder.jdk(), Threading.VIRTUAL))
			.withMessageStartingWith("Virtual threads need Java 21 or later");
	}

	private static void assertListsTheModel(TuneTheModelConnector connector) {
		StepVerifier.create(template(connector).listModels())
			.assertNext((model) -> assertThat(model.id()).isEqualTo("m-1"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	private static TuneTheModelOperations template(TuneTheModelConnector connector) {
		return TuneTheModelTemplate.builder()
			.webClientBuilder(WebClient.builder().clientConnector(connector.getClientHttpConnector()))
			.baseUrl(wireMock.baseUrl())
			.apiKey(API_KEY)
			.retrySettings(RetrySettings.none())
			.build();
	}

}
