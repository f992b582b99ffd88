package dev.tunethemodel.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A stub server, {@link StubServer} unless told otherwise, run in a process of its own.
 */
final class RemoteStub implements AutoCloseable {

	private final Process process;

	private final String baseUrl;

	private RemoteStub(Process process, String baseUrl) {
		this.process = process;
		this.baseUrl = baseUrl;
	}

	static RemoteStub start() throws IOException {
		return start(StubServer.class);
	}

	static RemoteStub start(Class<?> server) throws IOException {
		Process process = new ProcessBuilder(Benchmarks.javaCommand(), "-cp", System.getProperty("java.class.path"),
				server.getName())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String baseUrl = output.readLine();
		if (baseUrl == null) {
			throw new IllegalStateException("The stub server did not start");
		}
		return new RemoteStub(process, baseUrl);
	}

	String baseUrl() {
		return this.baseUrl;
	}

	@Override
	public void close() throws IOException {
		this.process.getOutputStream().close();
		this.process.destroy();
	}

}
