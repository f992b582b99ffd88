package dev.tunethemodel.client.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import org.springframework.core.log.LogFormatUtils;
import org.springframework.util.Assert;

import dev.tunethemodel.client.dataset.TrainingData;

/**
 * The names of a classifier's classes, each class's index being the position of its name:
 * for {@link CreateModelRequest#classifier(String, ClassLabels)}, for the readers of
 * {@link TrainingData} that take label names, and for
 * {@link Classification#bestLabel(ClassLabels)}. <pre class="code">
 * ClassLabels labels = ClassLabels.of("negative", "positive");
 * </pre> Names match exactly: case matters, and no blanks are trimmed from them. In JSON,
 * the labels are the list of their names.
 *
 * @since 0.1.0
 */
public final class ClassLabels {

	private static final int NONE = -1;

	private final List<String> names;

	private final Map<String, Integer> indexes;

	private ClassLabels(List<String> names, Map<String, Integer> indexes) {
		this.names = names;
		this.indexes = indexes;
	}

	/**
	 * Return the labels of the given names, the first being class 0.
	 * @param names the names of the classes, at least 2, none blank and none twice
	 * @return the labels
	 * @throws IllegalArgumentException if there are fewer than 2 names, or a name is
	 * {@code null}, blank or given twice
	 */
	public static ClassLabels of(String... names) {
		Assert.notNull(names, "The label names must not be null");
		if (names.length < 2) {
			throw new IllegalArgumentException("A classifier needs at least 2 labels, but has " + names.length);
		}
		Map<String, Integer> indexes = new HashMap<>();
		for (int i = 0; i < names.length; i++) {
			String name = names[i];
			if (name == null || name.isBlank()) {
				throw new IllegalArgumentException("Label " + i + " must not be null or blank");
			}
			Integer earlier = indexes.putIfAbsent(name, i);
			if (earlier != null) {
				throw new IllegalArgumentException("The label " + LogFormatUtils.formatValue(name, true)
						+ " is given twice, as " + earlier + " and " + i);
			}
		}
		return new ClassLabels(List.of(names), Map.copyOf(indexes));
	}

	// read from JSON: Jackson cannot pass an array to a method of variable arity
	@JsonCreator
	private static ClassLabels fromNames(List<String> names) {
		Assert.notNull(names, "The label names must not be null");
		return of(names.toArray(String[]::new));
	}

	/**
	 * Return the number of classes.
	 * @return the number of names, at least 2
	 */
	public int size() {
		return this.names.size();
	}

	/**
	 * Return the name of a class.
	 * @param index the index of the class
	 * @return its name
	 * @throws IllegalArgumentException if there is no class of that index
	 */
	public String name(int index) {
		if (index < 0 || index >= this.names.size()) {
			throw new IllegalArgumentException(
					"There is no class " + index + ": the classes are 0 to " + (this.names.size() - 1));
		}
		return this.names.get(index);
	}

	/**
	 * Return the index of the class of a name, matched exactly.
	 * @param name the name
	 * @return the index of its class
	 * @throws IllegalArgumentException if no class has that name
	 */
	public int index(String name) {
		int index = indexOf(name);
		if (index == NONE) {
			throw new IllegalArgumentException("There is no label "
					+ LogFormatUtils.formatValue(String.valueOf(name), true) + ": the labels are " + list());
		}
		return index;
	}

	/**
	 * Return the names of the classes.
	 * @return an unmodifiable list of the names, in the order of the classes
	 */
	@JsonValue
	public List<String> names() {
		return this.names;
	}

	/**
	 * Return the index of the class of a name.
	 * @param name the name, matched exactly
	 * @return the index, or {@code -1} when no class has that name
	 */
	int indexOf(@Nullable String name) {
		Integer index = (name != null) ? this.indexes.get(name) : null;
		return (index != null) ? index : NONE;
	}

	/**
	 * Return the names for a message.
	 * @return the names, separated by commas
	 */
	String list() {
		return String.join(", ", this.names);
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return this == obj || (obj instanceof ClassLabels other && this.names.equals(other.names));
	}

	@Override
	public int hashCode() {
		return this.names.hashCode();
	}

	@Override
	public String toString() {
		return "ClassLabels[" + list() + "]";
	}

}
