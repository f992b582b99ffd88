package dev.tunethemodel.connector;

import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * An HTTP client of the connector, with the resources it owns.
 */
interface ClientTransport {

	/**
	 * Return the connector the client's requests go through.
	 * @return the connector
	 */
	ClientHttpConnector connector();

	/**
	 * Release what the transport owns: connections, threads, waiting requests.
	 */
	void close();

}
