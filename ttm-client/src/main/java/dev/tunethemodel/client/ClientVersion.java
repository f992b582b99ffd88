package dev.tunethemodel.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this client, written into {@code version.properties} by the build.
 */
final class ClientVersion {

	private ClientVersion() {
	}

	static String get() {
		try (InputStream in = ClientVersion.class.getResourceAsStream("version.properties")) {
			if (in == null) {
				throw new IllegalStateException(
						"version.properties is missing from " + ClientVersion.class.getPackageName());
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
