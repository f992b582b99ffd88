/**
 * Test support that the modules of this build share, and that no published module depends
 * on but in its tests: the hostile suite with Netty's leak detection, BlockHound's
 * allowances for Jackson, trace logging and the errors Reactor drops.
 */
@NullMarked
package dev.tunethemodel.testsupport;

import org.jspecify.annotations.NullMarked;
