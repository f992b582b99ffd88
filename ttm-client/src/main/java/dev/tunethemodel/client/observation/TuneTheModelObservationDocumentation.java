package dev.tunethemodel.client.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the Tune the Model client, their default conventions and key names.
 *
 * @since 0.1.0
 */
public enum TuneTheModelObservationDocumentation implements ObservationDocumentation {

	/**
	 * An operation of the client: one call of the API, its retries included.
	 */
	CLIENT_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultTuneTheModelObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return OperationLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return OperationHighCardinalityKeyNames.values();
		}

	},

	/**
	 * A training: from the creation of the model to its end, ready or failed.
	 */
	TRAINING {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultTuneTheModelTrainingObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return TrainingLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return TrainingHighCardinalityKeyNames.values();
		}

	};

	/**
	 * The low-cardinality keys of {@link #CLIENT_OPERATION}.
	 */
	public enum OperationLowCardinalityKeyNames implements KeyName {

		/**
		 * The operation, such as {@code classify} or {@code listModels}.
		 */
		OPERATION {
			@Override
			public String asString() {
				return "tunethemodel.operation";
			}
		},

		/**
		 * How the operation ended, such as {@code SUCCESS} or {@code RATE_LIMITED}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The simple name of the exception that ended the operation, {@code none} when
		 * none did.
		 */
		ERROR {
			@Override
			public String asString() {
				return "error";
			}
		}

	}

	/**
	 * The high-cardinality keys of {@link #CLIENT_OPERATION}.
	 */
	public enum OperationHighCardinalityKeyNames implements KeyName {

		/**
		 * The number of attempts, the first and its retries.
		 */
		ATTEMPTS {
			@Override
			public String asString() {
				return "tunethemodel.attempts";
			}
		},

		/**
		 * The id of the model the operation is about, when it is about one.
		 */
		MODEL_ID {
			@Override
			public String asString() {
				return "tunethemodel.model.id";
			}

			@Override
			public boolean isRequired() {
				return false;
			}
		},

		/**
		 * The id of the file the operation is about, when it is about one.
		 */
		FILE_ID {
			@Override
			public String asString() {
				return "tunethemodel.file.id";
			}

			@Override
			public boolean isRequired() {
				return false;
			}
		}

	}

	/**
	 * The low-cardinality keys of {@link #TRAINING}.
	 */
	public enum TrainingLowCardinalityKeyNames implements KeyName {

		/**
		 * The type of the model, {@code classifier} or {@code generator}.
		 */
		MODEL_TYPE {
			@Override
			public String asString() {
				return "tunethemodel.model.type";
			}
		},

		/**
		 * How the training ended.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The simple name of the exception that ended the training, {@code none} when
		 * none did.
		 */
		ERROR {
			@Override
			public String asString() {
				return "error";
			}
		}

	}

	/**
	 * The high-cardinality keys of {@link #TRAINING}.
	 */
	public enum TrainingHighCardinalityKeyNames implements KeyName {

		/**
		 * The id of the model, once it is created.
		 */
		MODEL_ID {
			@Override
			public String asString() {
				return "tunethemodel.model.id";
			}

			@Override
			public boolean isRequired() {
				return false;
			}
		}

	}

}
