package dev.tunethemodel.client;

import java.net.http.HttpClient;
import java.util.function.Supplier;

import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.client.WebClient;

import dev.tunethemodel.client.error.TuneTheModelConfigurationException;
import dev.tunethemodel.client.http.JdkHttpConnector;

/**
 * The connector of a template built without a {@code WebClient.Builder}: the HTTP client
 * Spring's own builder would choose by class path, except that the JDK's
 * {@code HttpClient} is used through a {@link JdkHttpConnector}.
 */
final class DefaultConnector {

	private static final boolean OTHER_CLIENT_PRESENT;

	static {
		ClassLoader loader = DefaultConnector.class.getClassLoader();
		OTHER_CLIENT_PRESENT = ClassUtils.isPresent("reactor.netty.http.client.HttpClient", loader)
				|| (ClassUtils.isPresent("org.eclipse.jetty.client.HttpClient", loader)
						&& ClassUtils.isPresent("org.eclipse.jetty.reactive.client.ReactiveRequest", loader))
				|| (ClassUtils.isPresent("org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient", loader)
						&& ClassUtils.isPresent("org.apache.hc.core5.reactive.ReactiveDataConsumer", loader));
	}

	private DefaultConnector() {
	}

	/**
	 * Return what supplies the builder of the client's web clients.
	 * @return the supplier, asked on the first call
	 * @throws TuneTheModelConfigurationException if the JDK client would be used and logs
	 * request headers
	 */
	static Supplier<WebClient.Builder> webClientBuilder() {
		if (OTHER_CLIENT_PRESENT) {
			return WebClient::builder;
		}
		JdkHttpConnector.requireHeadersNotLogged();
		return () -> WebClient.builder().clientConnector(new JdkHttpConnector(HttpClient.newHttpClient(), null));
	}

}
