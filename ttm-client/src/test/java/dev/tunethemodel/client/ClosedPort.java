package dev.tunethemodel.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A loopback base URL where nothing listens, for tests of a dead server.
 */
public final class ClosedPort {

	private ClosedPort() {
	}

	/**
	 * Return the base URL of a port that was free a moment ago and is closed now.
	 * @return a base URL that refuses connections
	 */
	public static String baseUrl() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
