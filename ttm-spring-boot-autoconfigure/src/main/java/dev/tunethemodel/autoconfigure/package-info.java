/**
 * Auto-configuration of the Tune the Model client.
 */
@NullMarked
package dev.tunethemodel.autoconfigure;

import org.jspecify.annotations.NullMarked;
