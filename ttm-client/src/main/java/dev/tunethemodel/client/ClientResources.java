package dev.tunethemodel.client;

/**
 * The resources of a {@link TuneTheModelTemplate}, composed over its transport and
 * settings: the calls of models, files and inference, uploads, the watching of models and
 * trainings, whose clean-up retries at least as {@link Deletions} says. The resources of
 * its views share its connections and what its bulk calls learned of each account.
 */
final class ClientResources {

	final ClientSettings settings;

	final ModelResource models;

	final FileResource files;

	final InferenceResource inference;

	final DatasetUpload uploads;

	final ModelWatcher watcher;

	final Trainer trainer;

	private final Transport transport;

	private final ModelConcurrencies concurrencies;

	private ClientResources(Transport transport, ClientSettings settings, ModelConcurrencies concurrencies) {
		this.settings = settings;
		this.transport = transport;
		this.concurrencies = concurrencies;
		this.models = new ModelResource(transport);
		this.files = new FileResource(transport);
		this.inference = new InferenceResource(transport, settings, concurrencies);
		this.uploads = new DatasetUpload(transport, settings.temporaryDirectory());
		this.watcher = new ModelWatcher(this.models, settings.pollInterval());
		this.trainer = new Trainer(this.models, this.files, this.uploads, this.watcher,
				new Deletions(transport, settings.retrySettings()), this.inference, transport.observations(), settings);
	}

	/**
	 * Return the resources of a new client.
	 * @param draft the client's settings as they were set
	 * @return the resources
	 * @throws dev.tunethemodel.client.error.TuneTheModelConfigurationException if the API
	 * key or the base URL is missing, malformed or would send the key in clear
	 */
	static ClientResources of(ClientSettings.Draft draft) {
		ClientSettings settings = draft.settings();
		Observations observations = new Observations(draft.observationRegistry, draft.observationConvention,
				draft.trainingObservationConvention);
		return new ClientResources(new Transport(draft.webClientBuilder(), settings, observations), settings,
				new ModelConcurrencies(settings.bulkMaxConcurrency(), settings.timeout(), System::nanoTime));
	}

	/**
	 * Return the resources of a view of the client whose calls use the given options.
	 * @param options the options, merged with those of this view
	 * @return the resources
	 */
	ClientResources withOptions(RequestOptions options) {
		ClientSettings settings = this.settings.withOptions(options);
		return new ClientResources(this.transport.withOptions(settings, options), settings, this.concurrencies);
	}

}
