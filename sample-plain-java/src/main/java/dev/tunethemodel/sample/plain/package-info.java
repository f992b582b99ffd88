/**
 * A plain Java program that uses the Tune the Model client without Spring Boot.
 */
package dev.tunethemodel.sample.plain;
