package dev.tunethemodel.ai;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.content.MediaContent;

/**
 * The input a generator continues for the messages of a prompt: the texts of the messages
 * in order, the system messages first, joined with a newline and no role labels, so that
 * one message is sent exactly.
 */
final class PromptInput {

	private PromptInput() {
	}

	/**
	 * Return the input for the given messages.
	 * @param messages the messages of a prompt
	 * @return their texts, joined
	 * @throws IllegalArgumentException if a message is a tool's response or has media,
	 * which a generator cannot take
	 */
	static String of(List<Message> messages) {
		messages.forEach(PromptInput::requireText);
		Stream<Message> systemFirst = Stream.concat(
				messages.stream().filter((message) -> message.getMessageType() == MessageType.SYSTEM),
				messages.stream().filter((message) -> message.getMessageType() != MessageType.SYSTEM));
		return systemFirst.map(Message::getText).filter(Objects::nonNull).collect(Collectors.joining("\n"));
	}

	private static void requireText(Message message) {
		if (message.getMessageType() == MessageType.TOOL) {
			throw new IllegalArgumentException(
					"A Tune the Model generator cannot take a tool's response: it calls no tools");
		}
		if (message instanceof MediaContent content && !content.getMedia().isEmpty()) {
			throw new IllegalArgumentException("A Tune the Model generator takes text only, not the media of a "
					+ message.getMessageType().getValue() + " message");
		}
	}

}
