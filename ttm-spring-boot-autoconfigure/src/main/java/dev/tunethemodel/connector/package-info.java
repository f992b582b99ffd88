/**
 * The HTTP connector of the Tune the Model client: Reactor Netty with a pool of its own,
 * or the JDK's or the application's HTTP client with a limit on requests in flight,
 * configured by {@link dev.tunethemodel.connector.TuneTheModelConnectorSettings}.
 */
@NullMarked
package dev.tunethemodel.connector;

import org.jspecify.annotations.NullMarked;
