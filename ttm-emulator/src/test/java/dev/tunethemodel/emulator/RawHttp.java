package dev.tunethemodel.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no client sends: a request head whose body
 * never comes, so that an answer proves the server did not wait for it.
 */
final class RawHttp {

	private static final int TIMEOUT_MILLIS = 5000;

	private RawHttp() {
	}

	/**
	 * Send a request head, and maybe part of a body, and read the answer.
	 * @param port the port of the server on the loopback address
	 * @param request what to send
	 * @return the answer
	 * @throws IOException if the server closes the connection before answering, or does
	 * not answer within 5 seconds
	 */
	static Response exchange(int port, String request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return read(socket.getInputStream());
		}
	}

	/**
	 * Read an answer.
	 * @param in what the server sends
	 * @return the answer
	 * @throws IOException if the server closes the connection before answering
	 */
	static Response read(InputStream in) throws IOException {
		String head = readHead(in);
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
		}
		int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
		return new Response(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("The server closed the connection without answering: " + head);
			}
			head.write(next);
			matched = (next == end[matched]) ? matched + 1 : (next == '\r') ? 1 : 0;
		}
		return head.toString(StandardCharsets.ISO_8859_1).strip();
	}

	/**
	 * An answer.
	 *
	 * @param status its status
	 * @param headers its headers, by lower-case name
	 * @param body its body
	 */
	record Response(int status, Map<String, String> headers, String body) {

	}

}
