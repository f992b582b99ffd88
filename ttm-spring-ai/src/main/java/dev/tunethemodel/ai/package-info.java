/**
 * A Tune the Model generator as Spring AI's chat model:
 * {@link dev.tunethemodel.ai.TuneTheModelChatModel}, with its options
 * {@link dev.tunethemodel.ai.TuneTheModelChatOptions}.
 */
@NullMarked
package dev.tunethemodel.ai;

import org.jspecify.annotations.NullMarked;
