/**
 * A plain Java program that uses the Tune the Model client without Spring Boot.
 */
@NullMarked
package dev.tunethemodel.sample.plain;

import org.jspecify.annotations.NullMarked;
