package dev.tunethemodel.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.core.log.LogFormatUtils;
import org.springframework.lang.Contract;

import dev.tunethemodel.client.model.ClassLabels;
import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.DatasetFile;
import dev.tunethemodel.client.model.GenerateRequest;
import dev.tunethemodel.client.model.ModelType;

/**
 * Checks of what the client is asked to send, each failing with an
 * {@link IllegalArgumentException} that says what is wrong, before any I/O.
 */
final class ArgumentChecks {

	private static final int MAX_ID_LENGTH = 128;

	private ArgumentChecks() {
	}

	static String requireId(String kind, @Nullable String id) {
		if (id == null) {
			throw new IllegalArgumentException("The " + kind + " id must not be null");
		}
		if (!isId(id)) {
			throw new IllegalArgumentException("Invalid " + kind + " id " + LogFormatUtils.formatValue(id, true)
					+ ": an id is 1 to 128 letters, digits, '_' or '-'");
		}
		return id;
	}

	// [A-Za-z0-9_-]{1,128}: no '/', '.', '?', '#' or '%' to change a path
	private static boolean isId(String id) {
		if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
				return false;
			}
		}
		return true;
	}

	static String requireText(String what, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("The " + what + " must not be empty");
		}
		return text;
	}

	@Contract("_, null -> fail")
	static <T> T requireNonNull(String what, @Nullable T value) {
		if (value == null) {
			throw new IllegalArgumentException("The " + what + " must not be null");
		}
		return value;
	}

	static Duration requirePositive(String what, @Nullable Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("The " + what + " must be more than zero, but is " + duration);
		}
		return duration;
	}

	static CreateModelRequest requireValid(@Nullable CreateModelRequest request) {
		requireNonNull("model request", request);
		requireNonNull("model type", request.type());
		requireOptionalText("model name", request.name());
		requireOptionalText("pretrained model", request.pretrainedModel());
		if (request.type() == ModelType.CLASSIFIER) {
			if (request.numClasses() == null || request.numClasses() < 2) {
				throw new IllegalArgumentException(
						"A classifier needs at least 2 classes, but numClasses is " + request.numClasses());
			}
		}
		else if (request.numClasses() != null) {
			throw new IllegalArgumentException("A generator has no classes, but numClasses is " + request.numClasses());
		}
		ClassLabels labels = request.labels();
		if (labels != null && !Objects.equals(request.numClasses(), labels.size())) {
			throw new IllegalArgumentException("The " + labels.size() + " labels do not name the classes of a model "
					+ "whose numClasses is " + request.numClasses() + ": " + labels);
		}
		if (request.trainIters() != null && request.trainIters() < 1) {
			throw new IllegalArgumentException("trainIters must be at least 1, but is " + request.trainIters());
		}
		return request;
	}

	static GenerateRequest requireValid(@Nullable GenerateRequest request) {
		requireNonNull("generate request", request);
		requireText("input", request.input());
		if (request.numHypos() < 1) {
			throw new IllegalArgumentException("numHypos must be at least 1, but is " + request.numHypos());
		}
		if (request.minTokens() < 0) {
			throw new IllegalArgumentException("minTokens must be at least 0, but is " + request.minTokens());
		}
		if (request.maxTokens() < request.minTokens()) {
			throw new IllegalArgumentException("maxTokens must be at least minTokens (" + request.minTokens()
					+ "), but is " + request.maxTokens());
		}
		if (!(request.temperature() >= 0) || Double.isInfinite(request.temperature())) {
			throw new IllegalArgumentException(
					"temperature must be a finite number, at least 0, but is " + request.temperature());
		}
		if (request.topK() < 0) {
			throw new IllegalArgumentException("topK must be at least 0, but is " + request.topK());
		}
		Double topP = request.topP();
		if (topP != null && !(topP > 0 && topP <= 1)) {
			throw new IllegalArgumentException("topP must be greater than 0 and at most 1, but is " + topP);
		}
		return request;
	}

	static URI requireUploadUrl(DatasetFile file) {
		URI url = file.uploadUrl();
		if (url == null) {
			throw new IllegalArgumentException(
					"File " + LogFormatUtils.formatValue(file.id(), true) + " has no upload URL: upload to a file as "
							+ "createFile returns it, or read it again with getFile");
		}
		if (!url.isAbsolute() || url.getHost() == null
				|| !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
			throw new IllegalArgumentException("The upload URL of file " + LogFormatUtils.formatValue(file.id(), true)
					+ " is not an absolute http(s) URL");
		}
		return url;
	}

	private static void requireOptionalText(String what, @Nullable String text) {
		if (text != null && text.isBlank()) {
			throw new IllegalArgumentException("The " + what + " must be null or not blank");
		}
	}

}
