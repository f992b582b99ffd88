/**
 * Reactive client for the Tune the Model API:
 * {@link dev.tunethemodel.client.TuneTheModelOperations}, its implementation
 * {@link dev.tunethemodel.client.TuneTheModelTemplate}, their blocking counterparts and
 * {@link dev.tunethemodel.client.RetrySettings}. The types they exchange are in
 * {@code dev.tunethemodel.client.model}, the exceptions they raise in
 * {@code dev.tunethemodel.client.error}; the rest of this package is the engine,
 * package-private.
 */
@NullMarked
package dev.tunethemodel.client;

import org.jspecify.annotations.NullMarked;
