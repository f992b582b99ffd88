package dev.tunethemodel.client;

import java.time.Duration;
import java.util.function.Function;

import io.netty.channel.ChannelOption;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import dev.tunethemodel.client.http.JdkHttpConnector;

/**
 * The two HTTP clients the client runs on, for tests that must hold on both: Reactor
 * Netty (WebFlux applications) and the JDK's {@code HttpClient} (Spring MVC applications
 * and plain Java programs), each as the client builds it by default.
 */
enum TransportUnderTest {

	REACTOR_NETTY(
			(connectTimeout) -> (connectTimeout != null)
					? new ReactorClientHttpConnector(HttpClient.create()
						.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
						// a name server that does not answer is waited for as long as a
						// connection
						.resolver((resolver) -> resolver.queryTimeout(connectTimeout)))
					: new ReactorClientHttpConnector()),

	JDK((connectTimeout) -> new JdkHttpConnector(java.net.http.HttpClient.newBuilder()
		.connectTimeout((connectTimeout != null) ? connectTimeout : Duration.ofSeconds(5))
		.build(), null));

	private final Function<Duration, ClientHttpConnector> connector;

	TransportUnderTest(Function<Duration, ClientHttpConnector> connector) {
		this.connector = connector;
	}

	/**
	 * Return a builder of web clients on a new connector of this transport.
	 * @return the builder
	 */
	WebClient.Builder webClientBuilder() {
		return WebClient.builder().clientConnector(this.connector.apply(null));
	}

	/**
	 * Return a builder of web clients on a new connector of this transport that gives up
	 * connecting, resolving the host included, after the given time.
	 * @param connectTimeout the longest time to connect
	 * @return the builder
	 */
	WebClient.Builder webClientBuilder(Duration connectTimeout) {
		return WebClient.builder().clientConnector(this.connector.apply(connectTimeout));
	}

}
