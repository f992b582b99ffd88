/**
 * Connection details of a local Tune the Model emulator, for tests.
 */
@NullMarked
package dev.tunethemodel.autoconfigure.emulator;

import org.jspecify.annotations.NullMarked;
