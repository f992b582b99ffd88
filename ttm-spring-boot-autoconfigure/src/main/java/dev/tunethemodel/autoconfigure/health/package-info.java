/**
 * Health indicator of the Tune the Model API, and its auto-configuration.
 */
@NullMarked
package dev.tunethemodel.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
