/**
 * A Spring Boot application that uses the Tune the Model starter.
 */
@NullMarked
package dev.tunethemodel.sample;

import org.jspecify.annotations.NullMarked;
