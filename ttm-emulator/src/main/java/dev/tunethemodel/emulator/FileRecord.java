package dev.tunethemodel.emulator;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A dataset file of the emulator. Once uploaded, it walks {@code fileinqueue},
 * {@code fileloading} and {@code fileloaded} to {@code fileready} (or {@code filefailed})
 * over the processing time, computed from the clock when asked.
 */
final class FileRecord {

	private final String id;

	private final String name;

	private final String taskType;

	private final String signature;

	private final Instant created;

	private @Nullable Instant uploaded;

	private @Nullable Dataset dataset;

	FileRecord(String id, String name, String taskType, String signature, Instant created) {
		this.id = id;
		this.name = name;
		this.taskType = taskType;
		this.signature = signature;
		this.created = created;
	}

	String id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	String taskType() {
		return this.taskType;
	}

	String signature() {
		return this.signature;
	}

	synchronized void upload(Dataset dataset, Instant now) {
		this.dataset = dataset;
		this.uploaded = now;
	}

	synchronized @Nullable Dataset dataset() {
		return this.dataset;
	}

	/**
	 * Return when the file is, or will be, processed: ready or failed.
	 * @param processingTime how long an uploaded dataset is processed
	 * @return when processing ends, {@code null} when nothing was uploaded
	 */
	synchronized @Nullable Instant processed(Duration processingTime) {
		return (this.uploaded != null) ? this.uploaded.plus(processingTime) : null;
	}

	/**
	 * Return the status of the file at a time.
	 * @param now the time
	 * @param processingTime how long an uploaded dataset is processed
	 * @return the status, and since when it holds
	 */
	synchronized Status status(Instant now, Duration processingTime) {
		if (this.uploaded == null || this.dataset == null) {
			return new Status("filecreated", this.created);
		}
		String[] walk = { "fileinqueue", "fileloading", "fileloaded" };
		long elapsed = Duration.between(this.uploaded, now).toNanos();
		long step = processingTime.toNanos() / walk.length;
		for (int i = 0; i < walk.length; i++) {
			if (elapsed < step * (i + 1)) {
				return new Status(walk[i], this.uploaded.plusNanos(step * i));
			}
		}
		return new Status(this.dataset.usable() ? "fileready" : "filefailed", this.uploaded.plus(processingTime));
	}

	record Status(String value, Instant since) {

	}

}
