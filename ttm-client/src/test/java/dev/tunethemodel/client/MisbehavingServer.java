package dev.tunethemodel.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A server on loopback that accepts connections and ends each as a broken server would,
 * without an HTTP response. It serves every connection, the retries of a client included,
 * up to a bound, and stops when closed.
 */
final class MisbehavingServer implements AutoCloseable {

	private static final int MAX_CONNECTIONS = 16;

	private static final int MAX_REQUEST_BYTES = 64 * 1024;

	private static final int READ_TIMEOUT_MILLIS = 5000;

	private final ServerSocket socket;

	private final Behaviour behaviour;

	private MisbehavingServer(Behaviour behaviour) throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.behaviour = behaviour;
		Thread acceptor = new Thread(this::serve, "misbehaving-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Start a server.
	 * @param behaviour how it ends each connection
	 * @return the server, listening
	 */
	static MisbehavingServer start(Behaviour behaviour) {
		try {
			return new MisbehavingServer(behaviour);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	int port() {
		return this.socket.getLocalPort();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private void serve() {
		for (int i = 0; i < MAX_CONNECTIONS && !this.socket.isClosed(); i++) {
			try (Socket connection = this.socket.accept()) {
				connection.setSoTimeout(READ_TIMEOUT_MILLIS);
				this.behaviour.end(connection);
			}
			catch (IOException ex) {
				// closed, or the client gave up: the next connection is served alike
			}
		}
	}

	private static void readRequestHead(InputStream input) throws IOException {
		StringBuilder head = new StringBuilder();
		while (head.length() < MAX_REQUEST_BYTES && head.indexOf("\r\n\r\n") == -1) {
			int read = input.read();
			if (read == -1) {
				return;
			}
			head.append((char) read);
		}
	}

	/**
	 * How the server ends a connection.
	 */
	enum Behaviour {

		/**
		 * Read the request's head, then reset the connection.
		 */
		RESET_AFTER_REQUEST {

			@Override
			void end(Socket connection) throws IOException {
				readRequestHead(connection.getInputStream());
				// an abortive close: the client gets a reset, not an end of stream
				connection.setSoLinger(true, 0);
			}

		},

		/**
		 * Read the request's head, then close the connection without answering.
		 */
		CLOSE_AFTER_REQUEST {

			@Override
			void end(Socket connection) throws IOException {
				readRequestHead(connection.getInputStream());
			}

		},

		/**
		 * Answer whatever arrives, a TLS handshake included, in plain HTTP, then close.
		 */
		ANSWER_PLAIN_HTTP {

			@Override
			void end(Socket connection) throws IOException {
				connection.getInputStream().read(new byte[MAX_REQUEST_BYTES]);
				connection.getOutputStream().write("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				connection.getOutputStream().flush();
			}

		};

		abstract void end(Socket connection) throws IOException;

	}

}
