/**
 * Benchmarks of the starter against raw Reactor Netty, on a local stub server.
 */
@NullMarked
package dev.tunethemodel.benchmarks;

import org.jspecify.annotations.NullMarked;
