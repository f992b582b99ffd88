/**
 * Auto-configuration of the health indicator of the Tune the Model API.
 */
@NullMarked
package dev.tunethemodel.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
