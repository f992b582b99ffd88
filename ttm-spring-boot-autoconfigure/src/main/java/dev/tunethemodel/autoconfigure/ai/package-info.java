/**
 * Auto-configuration of a Tune the Model generator as Spring AI's chat model.
 */
@NullMarked
package dev.tunethemodel.autoconfigure.ai;

import org.jspecify.annotations.NullMarked;
