package dev.tunethemodel.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP proxy on 127.0.0.1 that records the first line of each request, tunnels a
 * {@code CONNECT} and forwards any other request as it came, always to one local port
 * whatever the host asked for. Its threads are plain ones, where blocking is allowed.
 */
final class RecordingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final List<String> requestLines = new CopyOnWriteArrayList<>();

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	/**
	 * Start a proxy.
	 * @param targetPort the local port every request goes to
	 * @throws IOException if the proxy cannot listen
	 */
	RecordingProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		Thread acceptor = new Thread(this::accept, "recording-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	List<String> requestLines() {
		return this.requestLines;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.sockets.add(client);
				start(() -> serve(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket client) {
		try (client; Socket target = new Socket("127.0.0.1", this.targetPort)) {
			this.sockets.add(target);
			InputStream in = client.getInputStream();
			byte[] head = readHead(in);
			String requestLine = new String(head, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
			this.requestLines.add(requestLine);
			if (requestLine.startsWith("CONNECT ")) {
				client.getOutputStream()
					.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			}
			else {
				target.getOutputStream().write(head);
			}
			start(() -> copy(target, client));
			copy(client, target);
		}
		catch (IOException ex) {
			// the client or the target went away
		}
	}

	private static byte[] readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
		while (matched < end.length) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("The client closed the connection before its request's head ended");
			}
			head.write(next);
			matched = (next == end[matched]) ? matched + 1 : ((next == end[0]) ? 1 : 0);
		}
		return head.toByteArray();
	}

	private static void copy(Socket from, Socket to) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				out.write(buffer, 0, read);
				out.flush();
			}
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// one side closed
		}
	}

	private static void start(Runnable task) {
		Thread thread = new Thread(task, "recording-proxy-connection");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
