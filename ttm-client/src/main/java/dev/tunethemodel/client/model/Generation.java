package dev.tunethemodel.client.model;

import java.util.List;

/**
 * What a generator wrote for one prefix.
 *
 * @param texts the generated texts, one per hypothesis asked for; a hypothesis the API
 * sent without text is the empty string
 * @since 0.1.0
 */
public record Generation(List<String> texts) {

	public Generation {
		texts = List.copyOf(texts);
	}

}
