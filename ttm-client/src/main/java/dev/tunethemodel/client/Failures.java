package dev.tunethemodel.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.NotYetConnectedException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

/**
 * Tells transport failures apart by their causes, whatever the HTTP connector.
 */
final class Failures {

	private Failures() {
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

	private static boolean isReadTimeout(Throwable cause) {
		return cause instanceof java.net.SocketTimeoutException
				|| cause.getClass().getSimpleName().equals("ReadTimeoutException");
	}

}
