package dev.tunethemodel.batch;

import dev.tunethemodel.client.model.Classification;

/**
 * An item and the classification of its text, as a {@link ClassifyingItemWriter} hands
 * them to its delegate.
 *
 * @param <T> the type of the item
 * @param item the item, as the chunk had it
 * @param classification the classification of the item's text
 * @since 0.1.0
 */
public record Classified<T>(T item, Classification classification) {

}
