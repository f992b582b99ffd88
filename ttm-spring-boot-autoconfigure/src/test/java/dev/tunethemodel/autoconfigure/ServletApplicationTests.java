package dev.tunethemodel.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.client.RestClient;

import dev.tunethemodel.client.TuneTheModelOperations;
import dev.tunethemodel.connector.ConnectorTransport;
import dev.tunethemodel.connector.TuneTheModelConnector;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the starter leaves a servlet application's own HTTP client as it was: with
 * no Reactor Netty, as the starter now brings none, the application's
 * {@link RestClient.Builder} stays on the JDK client, and so does the Tune the Model
 * client.
 */
class ServletApplicationTests {

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebClientAutoConfiguration.class, TuneTheModelAutoConfiguration.class))
		.withPropertyValues("tunethemodel.api-key=ttm-servlet-key-81be");

	@Test
	void withoutReactorNettyTheApplicationsRestClientStaysOnTheJdkClient() {
		wireMock.stubFor(get("/hello").willReturn(ok("hello")));
		ConnectorTransport.JDK.apply(this.contextRunner).run((context) -> {
			assertThat(context).hasSingleBean(TuneTheModelOperations.class);
			assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class))
				.isInstanceOf(JdkClientHttpRequestFactoryBuilder.class);
			RestClient restClient = context.getBean(RestClient.Builder.class).baseUrl(wireMock.baseUrl()).build();
			assertThat(restClient.get().uri("/hello").retrieve().body(String.class)).isEqualTo("hello");
			ConnectorTransport.JDK.assertIsTheTransportOf(context.getBean(TuneTheModelConnector.class));
		});
		wireMock.verify(getRequestedFor(urlEqualTo("/hello")).withHeader("User-Agent", matching("Java-http-client.*")));
	}

	@Test
	void reactorNettyOnTheClassPathWouldSwitchTheApplicationsRestClient() {
		// why the starter must not bring Reactor Netty: Boot prefers it for every client
		this.contextRunner.run((context) -> assertThat(context.getBean(ClientHttpRequestFactoryBuilder.class))
			.isInstanceOf(ReactorClientHttpRequestFactoryBuilder.class));
	}

}
