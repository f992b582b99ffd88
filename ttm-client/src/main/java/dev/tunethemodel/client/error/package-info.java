/**
 * Exceptions the Tune the Model client raises, all unchecked and under
 * {@link dev.tunethemodel.client.error.TuneTheModelException}.
 */
@NullMarked
package dev.tunethemodel.client.error;

import org.jspecify.annotations.NullMarked;
