package dev.tunethemodel.client;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import dev.tunethemodel.client.http.JdkHttpConnector;

/**
 * The two HTTP clients the client runs on, for tests that must hold on both: Reactor
 * Netty (WebFlux applications) and the JDK's {@code HttpClient} (Spring MVC applications
 * and plain Java programs), each as the client builds it by default.
 */
enum TransportUnderTest {

	REACTOR_NETTY(ReactorClientHttpConnector::new),

	JDK(() -> new JdkHttpConnector(java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
			null));

	private final Supplier<ClientHttpConnector> connector;

	TransportUnderTest(Supplier<ClientHttpConnector> connector) {
		this.connector = connector;
	}

	/**
	 * Return a builder of web clients on a new connector of this transport.
	 * @return the builder
	 */
	WebClient.Builder webClientBuilder() {
		return WebClient.builder().clientConnector(this.connector.get());
	}

}
