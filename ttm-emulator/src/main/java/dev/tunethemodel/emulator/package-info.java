/**
 * A local, in-memory Tune the Model API with real (tiny) models:
 * {@link dev.tunethemodel.emulator.TuneTheModelEmulator}, and
 * {@link dev.tunethemodel.emulator.AutoConfigureTuneTheModelEmulator} for Spring tests.
 */
@NullMarked
package dev.tunethemodel.emulator;

import org.jspecify.annotations.NullMarked;
