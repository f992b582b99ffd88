package dev.tunethemodel.client;

/**
 * The resources of a {@link TuneTheModelTemplate}, composed over its transport and
 * settings: the calls of models, files and inference, uploads, the watching of models and
 * trainings, whose clean-up retries at least as {@link Deletions} says.
 */
final class ClientResources {

	final ModelResource models;

	final FileResource files;

	final InferenceResource inference;

	final DatasetUpload uploads;

	final ModelWatcher watcher;

	final Trainer trainer;

	ClientResources(Transport transport, ClientSettings settings) {
		this.models = new ModelResource(transport);
		this.files = new FileResource(transport);
		this.inference = new InferenceResource(transport, settings.bulkMaxConcurrency(), settings.timeout());
		this.uploads = new DatasetUpload(transport, settings.temporaryDirectory());
		this.watcher = new ModelWatcher(this.models, settings.pollInterval());
		this.trainer = new Trainer(this.models, this.files, this.uploads, this.watcher,
				new Deletions(transport, settings.retrySettings()), this.inference, transport.observations(), settings);
	}

}
