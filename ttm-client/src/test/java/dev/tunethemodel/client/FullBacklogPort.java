package dev.tunethemodel.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A port on loopback where connecting times out: its server never accepts, and its queue
 * of connections waiting to be accepted is full, so that the system drops the packets
 * that open a connection instead of refusing them.
 */
final class FullBacklogPort implements AutoCloseable {

	private static final int MAX_WAITING_CONNECTIONS = 16;

	private static final int FILL_TIMEOUT_MILLIS = 200;

	private final ServerSocket socket;

	private final List<Socket> waiting = new ArrayList<>();

	/**
	 * Open the port and fill its queue.
	 * @throws IOException if it cannot be opened
	 * @throws IllegalStateException if its queue does not fill
	 */
	FullBacklogPort() throws IOException {
		this.socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		while (this.waiting.size() < MAX_WAITING_CONNECTIONS) {
			Socket connection = new Socket();
			try {
				connection.connect(this.socket.getLocalSocketAddress(), FILL_TIMEOUT_MILLIS);
				this.waiting.add(connection);
			}
			catch (SocketTimeoutException ex) {
				connection.close();
				return;
			}
		}
		close();
		throw new IllegalStateException(
				"The queue of the port still accepts after " + MAX_WAITING_CONNECTIONS + " connections");
	}

	/**
	 * Return the port.
	 * @return the port
	 */
	int port() {
		return this.socket.getLocalPort();
	}

	@Override
	public void close() throws IOException {
		for (Socket connection : this.waiting) {
			connection.close();
		}
		this.socket.close();
	}

}
