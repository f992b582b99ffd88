package dev.tunethemodel.batch;

import java.util.List;
import java.util.stream.IntStream;

/**
 * An item to score: its text is its id, which the stub's answers repeat, so that each
 * result shows which item it belongs to.
 *
 * @param id the review's id
 */
record Review(int id) {

	String text() {
		return Integer.toString(this.id);
	}

	static List<Review> range(int from, int to) {
		return IntStream.range(from, to).mapToObj(Review::new).toList();
	}

}
