package dev.tunethemodel.client.model;

import java.util.List;

import org.springframework.util.Assert;

/**
 * What a classifier returned for one text.
 *
 * @param scores the probability of each class, indexed by class, never empty
 * @since 0.1.0
 */
public record Classification(List<Double> scores) {

	public Classification {
		if (scores.isEmpty()) {
			throw new IllegalArgumentException("A classification has at least one score");
		}
		scores = List.copyOf(scores);
	}

	/**
	 * Return the class with the highest probability; the lowest such class on a tie.
	 * @return the index of the likeliest class
	 */
	public int bestClass() {
		int best = 0;
		for (int i = 1; i < this.scores.size(); i++) {
			if (this.scores.get(i) > this.scores.get(best)) {
				best = i;
			}
		}
		return best;
	}

	/**
	 * Return the name of the class with the highest probability, as {@link #bestClass()}
	 * chooses it.
	 * @param labels the names of the model's classes, one for each score
	 * @return the name of the likeliest class
	 * @throws IllegalArgumentException if there are not as many labels as scores
	 */
	public String bestLabel(ClassLabels labels) {
		Assert.notNull(labels, "The labels must not be null");
		if (labels.size() != this.scores.size()) {
			throw new IllegalArgumentException("The classification has " + this.scores.size()
					+ " score(s), one for each class, but there are " + labels.size() + " labels: " + labels);
		}
		return labels.name(bestClass());
	}

}
