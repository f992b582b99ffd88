package dev.tunethemodel.batch;

import dev.tunethemodel.client.model.Generation;

/**
 * An item and what a generator wrote for it, as a {@link GeneratingItemWriter} hands them
 * to its delegate.
 *
 * @param <T> the type of the item
 * @param item the item, as the chunk had it
 * @param generation the texts generated for the item's request
 * @since 0.1.0
 */
public record Generated<T>(T item, Generation generation) {

}
