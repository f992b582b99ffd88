/**
 * Micrometer observations of the Tune the Model client: contexts, conventions and their
 * documentation.
 */
@NullMarked
package dev.tunethemodel.client.observation;

import org.jspecify.annotations.NullMarked;
