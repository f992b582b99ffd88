package dev.tunethemodel.client;

import io.micrometer.common.KeyValue;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * Spring's observation of the exchanges of an upload ({@code http.client.requests}),
 * whose {@code http.url} is the upload URL without its query: the query of a pre-signed
 * URL is a credential. It replaces the application's own
 * {@link ClientRequestObservationConvention} for uploads only.
 */
final class UploadObservationConvention extends DefaultClientRequestObservationConvention {

	@Override
	protected KeyValue httpUrl(ClientRequestObservationContext context) {
		KeyValue url = super.httpUrl(context);
		int query = url.getValue().indexOf('?');
		return (query >= 0) ? KeyValue.of(url.getKey(), url.getValue().substring(0, query)) : url;
	}

}
