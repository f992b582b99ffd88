package dev.tunethemodel.connector;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/**
 * A loopback port whose accept queue is full, so that a new connection hangs until its
 * connect timeout, as to a host that drops packets.
 */
final class UnacceptedPort implements AutoCloseable {

	private final ServerSocket server;

	private final List<Socket> queued = new ArrayList<>();

	UnacceptedPort() throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
		for (int i = 0; i < 20; i++) {
			Socket socket = new Socket();
			try {
				socket.connect(this.server.getLocalSocketAddress(), 200);
				this.queued.add(socket);
			}
			catch (SocketTimeoutException ex) {
				socket.close();
				return;
			}
		}
		close();
		Assumptions.abort("The kernel accepts connections beyond the backlog: no connect timeout to test");
	}

	String baseUrl() {
		return "http://127.0.0.1:" + ((InetSocketAddress) this.server.getLocalSocketAddress()).getPort();
	}

	@Override
	public void close() throws IOException {
		for (Socket socket : this.queued) {
			socket.close();
		}
		this.server.close();
	}

}
