package dev.tunethemodel.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.connector.BodyThread;
import dev.tunethemodel.connector.ConnectorTransport;
import dev.tunethemodel.connector.RecordingConnectorBuilder;
import dev.tunethemodel.connector.TuneTheModelConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the client's connector follows Spring Boot's HTTP client settings: the
 * application's {@link ClientHttpConnectorBuilder}
 * ({@code spring.http.clients.reactive.connector}, what Spring Boot detects, or the
 * application's own bean) decides the HTTP client, else the class path does;
 * {@code spring.http.clients.*} timeouts apply where {@code tunethemodel.*} sets none,
 * redirects are never followed, and the JDK's client runs on virtual threads when the
 * application does.
 */
class TuneTheModelHttpClientsTests {

	private static final String API_KEY = "ttm-http-clients-key-3e9d";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final AutoConfigurations HTTP_CLIENTS = AutoConfigurations.of(SslAutoConfiguration.class,
			HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class,
			WebClientAutoConfiguration.class, TuneTheModelAutoConfiguration.class);

	private static final AutoConfigurations WITHOUT_HTTP_CLIENTS = AutoConfigurations.of(CodecsAutoConfiguration.class,
			WebClientAutoConfiguration.class, TuneTheModelAutoConfiguration.class);

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ReactiveWebApplicationContextRunner webFluxRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(HTTP_CLIENTS)
		.withPropertyValues(properties());

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(HTTP_CLIENTS)
		.withPropertyValues(properties());

	@Test
	void webFluxApplicationWithTheJdkConnectorCallsTheApiThroughTheJdkClient() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
		this.webFluxRunner.withPropertyValues("spring.http.clients.reactive.connector=jdk").run((context) -> {
			assertThat(context.getBean(TuneTheModelConnector.class).getTransportName())
				.isEqualTo("the JDK's HttpClient");
			ConnectorTransport.JDK.assertListsTheModel(context);
		});
	}

	@ParameterizedTest
	@MethodSource("reactorNettyApplications")
	void webFluxApplicationOnReactorNettyCallsTheApiThroughTheStartersPool(ReactiveWebApplicationContextRunner runner) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(1000)));
		runner
			.withPropertyValues("tunethemodel.pool.max-connections=1",
					"tunethemodel.pool.pending-acquire-timeout=200ms")
			.run((context) -> {
				assertThat(context.getBean(TuneTheModelConnector.class).getTransportName()).isEqualTo("Reactor Netty");
				AtomicInteger failed = new AtomicInteger();
				TuneTheModelOperations operations = context.getBean(TuneTheModelOperations.class);
				// one connection: the second call waits for it in vain
				StepVerifier
					.create(Flux.range(0, 2)
						.flatMap((i) -> operations.listModels()
							.then()
							.onErrorResume(TuneTheModelException.class,
									(ex) -> Mono.fromRunnable(failed::incrementAndGet))))
					.expectComplete()
					.verify(TIMEOUT);
				assertThat(failed).hasValue(1);
				ConnectorTransport.REACTOR_NETTY.assertIsTheTransportOf(context.getBean(TuneTheModelConnector.class));
			});
	}

	@Test
	void customizerOfTheApplicationsReactorBuilderAppliesToTheClient() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
		this.webFluxRunner.withBean(ClientHttpConnectorBuilderCustomizer.class,
				() -> (ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder>) (builder) -> builder
					.withHttpClientCustomizer((client) -> client.headers((headers) -> headers.add("X-App", "webflux"))))
			.run(ConnectorTransport.REACTOR_NETTY::assertListsTheModel);
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models")).withHeader("X-App", equalTo("webflux")));
	}

	@Test
	void applicationsOwnConnectorBuilderIsUsedWithAtMostMaxConnectionsRequestsInFlight() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(300)));
		RecordingConnectorBuilder builder = new RecordingConnectorBuilder();
		this.contextRunner.withBean(RecordingConnectorBuilder.class, () -> builder)
			.withPropertyValues("tunethemodel.pool.max-connections=2")
			.run((context) -> {
				assertThat(context.getBean(TuneTheModelConnector.class).getTransportName())
					.isEqualTo("RecordingConnectorBuilder");
				TuneTheModelOperations operations = context.getBean(TuneTheModelOperations.class);
				StepVerifier.create(Flux.range(0, 6).flatMap((i) -> operations.listModels().then(), 6))
					.expectComplete()
					.verify(TIMEOUT);
				assertThat(builder.requests()).isEqualTo(6);
				// the first two are sent at once and answered 300 ms later
				assertThat(builder.mostInFlight()).isEqualTo(2);
				assertThat(builder.isClosed()).isFalse();
			});
		assertThat(builder.isClosed()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void withoutSpringBootsHttpClientAutoConfigurationTheClassPathDecides(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [{\"model_name\": \"m-1\"}]}")));
		transport
			.apply(new ApplicationContextRunner().withConfiguration(WITHOUT_HTTP_CLIENTS)
				.withPropertyValues(properties()))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ClientHttpConnectorBuilder.class);
				transport.assertListsTheModel(context);
			});
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void springHttpClientsReadTimeoutAppliesWhenTunethemodelSetsNone(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(3000)));
		transport.apply(this.contextRunner)
			.withPropertyValues("spring.http.clients.read-timeout=200ms")
			.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectError(TuneTheModelTimeoutException.class)
				.verify(Duration.ofSeconds(2)));
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void tunethemodelReadTimeoutWinsOverSpringHttpClients(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}").withFixedDelay(600)));
		transport.apply(this.contextRunner)
			.withPropertyValues("spring.http.clients.read-timeout=200ms", "tunethemodel.read-timeout=5s")
			.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectComplete()
				.verify(TIMEOUT));
	}

	@ParameterizedTest
	@EnumSource(ConnectorTransport.class)
	void redirectsAreNotFollowedWhateverSpringHttpClientsSays(ConnectorTransport transport) {
		wireMock.stubFor(get("/v0/models").willReturn(temporaryRedirect("/elsewhere")));
		wireMock.stubFor(get("/elsewhere").willReturn(okJson("{\"models\": []}")));
		transport.apply(this.contextRunner)
			.withPropertyValues("spring.http.clients.redirects=follow")
			.run((context) -> StepVerifier.create(context.getBean(TuneTheModelOperations.class).listModels())
				.expectError(TuneTheModelException.class)
				.verify(TIMEOUT));
		wireMock.verify(0, getRequestedFor(urlEqualTo("/elsewhere")));
	}

	@ParameterizedTest
	@MethodSource("jdkApplications")
	@EnabledForJreRange(min = JRE.JAVA_21)
	void jdkClientRunsOnVirtualThreadsWhenTheApplicationDoes(ApplicationContextRunner runner) {
		runner.withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
			Thread thread = BodyThread.of(context.getBean(TuneTheModelConnector.class).getClientHttpConnector());
			// the starter's threads, not those of Spring Boot's own JDK client
			assertThat(thread.getName()).startsWith("tunethemodel-http-");
			assertThat(Thread.class.getMethod("isVirtual").invoke(thread)).isEqualTo(true);
		});
	}

	@ParameterizedTest
	@MethodSource("jdkApplications")
	@EnabledForJreRange(max = JRE.JAVA_20)
	void virtualThreadsChangeNothingBeforeJava21(ApplicationContextRunner runner) {
		runner.withPropertyValues("spring.threads.virtual.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(BodyThread.of(context.getBean(TuneTheModelConnector.class).getClientHttpConnector()).getName())
				.startsWith("tunethemodel-http-");
		});
	}

	static Stream<Arguments> reactorNettyApplications() {
		ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
			.withConfiguration(HTTP_CLIENTS)
			.withPropertyValues(properties());
		return Stream.of(
				Arguments.argumentSet("spring.http.clients.reactive.connector=reactor",
						runner.withPropertyValues("spring.http.clients.reactive.connector=reactor")),
				Arguments.argumentSet("Reactor Netty detected", runner));
	}

	static Stream<Arguments> jdkApplications() {
		return Stream.of(
				Arguments.argumentSet("with Spring Boot's HTTP clients",
						ConnectorTransport.JDK.apply(new ApplicationContextRunner().withConfiguration(HTTP_CLIENTS)
							.withPropertyValues(properties()))),
				Arguments.argumentSet("without Spring Boot's HTTP clients",
						ConnectorTransport.JDK
							.apply(new ApplicationContextRunner().withConfiguration(WITHOUT_HTTP_CLIENTS)
								.withPropertyValues(properties()))));
	}

	private static String[] properties() {
		return new String[] { "tunethemodel.api-key=" + API_KEY, "tunethemodel.base-url=" + wireMock.baseUrl(),
				"tunethemodel.retry.max-retries=0" };
	}

}
