/**
 * Health indicator of the Tune the Model API.
 */
@NullMarked
package dev.tunethemodel.health;

import org.jspecify.annotations.NullMarked;
