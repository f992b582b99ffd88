package dev.tunethemodel.batch;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * A reader of the reviews of a range of ids that saves its position in the step's
 * context, so that a restarted step goes on after the last committed chunk.
 */
final class ReviewReader extends AbstractItemCountingItemStreamItemReader<Review> {

	private final int first;

	ReviewReader(int first, int count) {
		this.first = first;
		setName("reviews");
		setMaxItemCount(count);
	}

	@Override
	protected Review doRead() {
		// the count includes the item being read
		return new Review(this.first + getCurrentItemCount() - 1);
	}

	@Override
	protected void doOpen() {
	}

	@Override
	protected void doClose() {
	}

}
