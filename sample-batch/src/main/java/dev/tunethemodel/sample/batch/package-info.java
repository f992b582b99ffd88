/**
 * A Spring Batch job that scores a file of reviews into a table with the Tune the Model
 * starter and {@code ttm-spring-batch}.
 */
@NullMarked
package dev.tunethemodel.sample.batch;

import org.jspecify.annotations.NullMarked;
