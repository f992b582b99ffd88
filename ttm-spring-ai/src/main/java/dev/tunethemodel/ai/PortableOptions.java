package dev.tunethemodel.ai;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.beans.BeanUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Checks that chat options of another type than {@link TuneTheModelChatOptions} set only
 * the portable options a generator honours, so that no other is dropped silently.
 */
final class PortableOptions {

	private static final Set<String> HONOURED = Set.of("class", "model", "temperature", "topK", "topP", "maxTokens");

	private PortableOptions() {
	}

	/**
	 * Refuse options that set any option but the portable ones a generator honours: stop
	 * sequences, penalties, tools, or another provider's own.
	 * @param options the options to check
	 * @throws IllegalArgumentException naming the first option set that a generator
	 * cannot honour
	 */
	static void requirePortable(ChatOptions options) {
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(options.getClass())) {
			Method getter = property.getReadMethod();
			if (getter != null && getter.getParameterCount() == 0 && !HONOURED.contains(property.getName())) {
				ReflectionUtils.makeAccessible(getter);
				refuseIfSet(property.getName(), ReflectionUtils.invokeMethod(getter, options));
			}
		}
	}

	/**
	 * Refuse an option a generator cannot honour when it is set.
	 * @param name the name of the option
	 * @param value its value: unset when {@code null} or empty
	 * @throws IllegalArgumentException if the value is set
	 */
	static void refuseIfSet(String name, @Nullable Object value) {
		boolean empty = value == null || (value instanceof Collection<?> values && values.isEmpty())
				|| (value instanceof Map<?, ?> entries && entries.isEmpty());
		if (!empty) {
			throw new IllegalArgumentException("A Tune the Model generator cannot honour the chat option '" + name
					+ "': remove it from the options");
		}
	}

}
