package dev.tunethemodel.emulator;

import java.util.List;

/**
 * A generator of the emulator: a trained one, or one of the public models.
 */
interface TextGenerator {

	/**
	 * Return the responses to a prompt.
	 * @param prompt the prompt
	 * @param parameters the parameters of the generation
	 * @return the responses, as many as asked
	 */
	List<String> generate(String prompt, GenerationParameters parameters);

}
