package dev.tunethemodel.client.model;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.tunethemodel.client.TuneTheModelOperations;

/**
 * A dataset file: created empty by {@link TuneTheModelOperations#createFile}, filled by
 * {@link TuneTheModelOperations#upload}, then bound to a model.
 *
 * @param id the file's id ({@code file_id})
 * @param name the name given at creation
 * @param taskType the kind of model the dataset trains, {@code null} when the API names a
 * type this client does not know
 * @param status where the file stands, {@link FileStatus#UNKNOWN} for a status this
 * client does not know
 * @param rawStatus the status exactly as the API sent it, {@code null} when it sent none
 * @param uploadUrl the pre-signed URL to upload the dataset to, if the API gave one
 * @since 0.1.0
 */
public record DatasetFile(String id, @Nullable String name, @Nullable ModelType taskType, FileStatus status,
		@Nullable String rawStatus, @Nullable URI uploadUrl) {

	// the query of a pre-signed URL is a credential for the upload: it stays out of logs
	@Override
	public String toString() {
		return "DatasetFile[id=" + this.id + ", name=" + this.name + ", taskType=" + this.taskType + ", status="
				+ this.status + ", rawStatus=" + this.rawStatus + ", uploadUrl=" + withoutQuery(this.uploadUrl) + "]";
	}

	private static @Nullable String withoutQuery(@Nullable URI uri) {
		if (uri == null || uri.getRawQuery() == null) {
			return (uri != null) ? uri.toString() : null;
		}
		String text = uri.toString();
		return text.substring(0, text.indexOf('?')) + "?[hidden]";
	}

}
