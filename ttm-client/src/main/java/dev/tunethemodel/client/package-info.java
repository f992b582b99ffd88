/**
 * Reactive client for the Tune the Model API:
 * {@link dev.tunethemodel.client.TuneTheModelOperations}, its implementation
 * {@link dev.tunethemodel.client.TuneTheModelTemplate}, the types it exchanges and the
 * exceptions it raises.
 */
@NullMarked
package dev.tunethemodel.client;

import org.jspecify.annotations.NullMarked;
