package dev.tunethemodel.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vendor's public models as the emulator serves them: {@code default-generator} and
 * the models the official SDK's tests use, each trained on a few built-in examples from
 * {@code public-models.json} when the emulator starts.
 */
final class PublicModels {

	private static final String RESOURCE = "public-models.json";

	private final Map<String, PublicModel> models;

	private PublicModels(Map<String, PublicModel> models) {
		this.models = models;
	}

	/**
	 * Train the public models on their built-in examples.
	 * @return the public models
	 */
	static PublicModels load() {
		Map<String, PublicModel> models = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> model : read().properties()) {
			models.put(model.getKey(), build(model.getKey(), model.getValue()));
		}
		return new PublicModels(models);
	}

	Collection<PublicModel> all() {
		return this.models.values();
	}

	@Nullable PublicModel get(String id) {
		return this.models.get(id);
	}

	private static JsonNode read() {
		try (InputStream json = PublicModels.class.getResourceAsStream(RESOURCE)) {
			if (json == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the emulator's jar");
			}
			return JsonMapper.builder().build().readTree(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PublicModel build(String id, JsonNode spec) {
		String type = spec.path("model_type").asString();
		if (spec.has("classes")) {
			List<String> inputs = new ArrayList<>();
			List<Integer> labels = new ArrayList<>();
			List<String> classes = new ArrayList<>();
			for (Map.Entry<String, JsonNode> examples : spec.get("classes").properties()) {
				for (String input : texts(examples.getValue())) {
					inputs.add(input);
					labels.add(classes.size());
				}
				classes.add(examples.getKey());
			}
			return new PublicModel(id, type, classes.size(), new NaiveBayesClassifier(inputs, labels, classes.size()));
		}
		if (spec.has("slots")) {
			return new PublicModel(id, type, null, new SlotTagger(texts(spec.get("slots"))));
		}
		List<String> inputs = new ArrayList<>();
		List<String> templates = new ArrayList<>();
		for (JsonNode example : spec.get("examples")) {
			inputs.add(example.get(0).asString());
			templates.add(example.get(1).asString());
		}
		return new PublicModel(id, type, null, new TemplateGenerator(inputs, templates));
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		for (JsonNode text : array) {
			texts.add(text.asString());
		}
		return texts;
	}

	/**
	 * A public model.
	 *
	 * @param id its id, which is also its name
	 * @param type {@code classifier} or {@code generator}
	 * @param numClasses the number of classes of a classifier, {@code null} for a
	 * generator
	 * @param trained a {@link NaiveBayesClassifier} or a {@link TextGenerator}
	 */
	record PublicModel(String id, String type, @Nullable Integer numClasses, Object trained) {

	}

}
