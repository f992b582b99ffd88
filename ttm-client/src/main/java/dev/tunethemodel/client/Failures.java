package dev.tunethemodel.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.jspecify.annotations.Nullable;

/**
 * Tells transport failures apart by their causes, whatever the HTTP connector, and says
 * in the same words on each what went wrong.
 */
final class Failures {

	private static final String UNTRUSTED_CERTIFICATE = "the server's certificate is not trusted; "
			+ "set tunethemodel.ssl.bundle to an SSL bundle that trusts it";

	// as Netty and the JDK connector say how long they waited
	private static final Pattern CONNECT_TIMEOUT = Pattern.compile("after (\\d{1,18}) ms");

	private Failures() {
	}

	/**
	 * Say why an attempt failed, in a few words that are the same on every connector:
	 * connection refused, unknown host, timed out connecting, TLS handshake failed,
	 * connection reset or closed by the server, or else the failure's own message.
	 * @param failure the failure of an attempt
	 * @param host the host the request was sent to
	 * @return the reason, on one line
	 */
	static String reason(Throwable failure, String host) {
		if (isUntrustedCertificate(failure)) {
			return "TLS handshake failed: " + UNTRUSTED_CERTIFICATE + " (" + message(failure) + ")";
		}
		if (isUnknownHost(failure)) {
			return "unknown host " + host;
		}
		Throwable connectTimeout = find(failure, Failures::isConnectTimeout);
		if (connectTimeout != null) {
			return "timed out connecting" + waited(connectTimeout);
		}
		if (isRefused(failure)) {
			return "connection refused";
		}
		Throwable handshake = find(failure, SSLException.class::isInstance);
		if (handshake != null) {
			return "TLS handshake failed: " + handshakeReason(handshake);
		}
		if (find(failure, (cause) -> String.valueOf(cause.getMessage()).contains("Connection reset")) != null) {
			return "connection reset by the server";
		}
		Throwable closed = find(failure, (cause) -> isNamed(cause, "PrematureCloseException")
				|| String.valueOf(cause.getMessage()).contains("header parser received no bytes"));
		if (closed != null) {
			return String.valueOf(closed.getMessage()).contains("DURING response")
					? "connection closed during the response" : "connection closed before the response";
		}
		if (find(failure, (cause) -> isNamed(cause, "ReadTimeoutException")) != null) {
			return "timed out reading the response";
		}
		return message(failure);
	}

	/**
	 * Return whether the host of the request has no address.
	 * @param failure the failure of an attempt
	 * @return whether the name could not be resolved, on any connector
	 */
	static boolean isUnknownHost(Throwable failure) {
		// the JDK client's resolution fails with an unresolved address, Netty's with the
		// unknown host, also when its name server did not answer in time
		return find(failure, (cause) -> cause instanceof UnknownHostException
				|| cause instanceof UnresolvedAddressException) != null;
	}

	/**
	 * Return whether the request failed before anything was sent.
	 * @param failure the failure of an attempt
	 * @return whether the connection could not be made
	 */
	static boolean isNothingSent(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return whether the connection failed while the request was sent or the response
	 * read.
	 * @param failure the failure of an attempt
	 * @return whether it is an I/O error or a read timeout, after which the request may
	 * have reached the API
	 */
	static boolean isLostConnection(Throwable failure) {
		if (isUntrustedCertificate(failure)) {
			// the handshake failed before anything was sent, and a retry fails alike
			return false;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// epoll reports a socket the server reset as not yet connected
			if (cause instanceof IOException || cause instanceof NotYetConnectedException || isReadTimeout(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return whether something timed out.
	 * @param failure the failure of an attempt
	 * @return whether connecting, waiting for a free connection or reading timed out
	 */
	static boolean isTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// by name too: each connector has its own, as Netty's ReadTimeoutException
			if (cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException
					|| cause.getClass().getSimpleName().endsWith("TimeoutException")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return whether the TLS handshake failed on the server's certificate.
	 * @param failure the failure of an attempt
	 * @return whether the certificate is not trusted or does not name the server, on any
	 * connector
	 */
	static boolean isUntrustedCertificate(Throwable failure) {
		boolean handshake = false;
		boolean certificate = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			handshake = handshake || cause instanceof SSLHandshakeException;
			certificate = certificate || cause instanceof CertificateException
					|| cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException;
		}
		return handshake && certificate;
	}

	private static boolean isRefused(Throwable failure) {
		// the JDK client reports a refused connection as a closed channel, without a
		// message
		return find(failure,
				(cause) -> cause instanceof ConnectException
						&& (String.valueOf(cause.getMessage()).contains("Connection refused")
								|| cause.getCause() instanceof ClosedChannelException)) != null;
	}

	private static boolean isConnectTimeout(Throwable cause) {
		return isNamed(cause, "ConnectTimeoutException") || isNamed(cause, "HttpConnectTimeoutException");
	}

	private static String waited(Throwable connectTimeout) {
		Matcher matcher = CONNECT_TIMEOUT.matcher(String.valueOf(connectTimeout.getMessage()));
		return matcher.find() ? " after " + ApiErrors.format(Duration.ofMillis(Long.parseLong(matcher.group(1)))) : "";
	}

	private static String handshakeReason(Throwable handshake) {
		// Netty's message goes on with the bytes it received, in hexadecimal
		if (isNamed(handshake, "NotSslRecordException")
				|| String.valueOf(handshake.getMessage()).startsWith("Unrecognized SSL message")) {
			return "the server did not answer in TLS";
		}
		return message(handshake);
	}

	private static String message(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				return ApiErrors.oneLine(cause.getMessage());
			}
		}
		return failure.getClass().getSimpleName();
	}

	private static @Nullable Throwable find(Throwable failure, Predicate<Throwable> condition) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (condition.test(cause)) {
				return cause;
			}
		}
		return null;
	}

	private static boolean isNamed(Throwable cause, String simpleName) {
		return cause.getClass().getSimpleName().equals(simpleName);
	}

	private static boolean isReadTimeout(Throwable cause) {
		return cause instanceof java.net.SocketTimeoutException
				|| cause.getClass().getSimpleName().equals("ReadTimeoutException");
	}

}
