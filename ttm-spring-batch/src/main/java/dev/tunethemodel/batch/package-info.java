/**
 * Spring Batch item writers that score each chunk with the Tune the Model client's bulk
 * calls: {@link dev.tunethemodel.batch.ClassifyingItemWriter} and
 * {@link dev.tunethemodel.batch.GeneratingItemWriter}, which hand their delegate each
 * item with its result, {@link dev.tunethemodel.batch.Classified} or
 * {@link dev.tunethemodel.batch.Generated}, in the chunk's order.
 */
@NullMarked
package dev.tunethemodel.batch;

import org.jspecify.annotations.NullMarked;
