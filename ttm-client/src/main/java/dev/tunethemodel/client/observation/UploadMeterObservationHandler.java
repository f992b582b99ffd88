package dev.tunethemodel.client.observation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import dev.tunethemodel.client.observation.TuneTheModelObservationContext.Outcome;

/**
 * Counts what uploads send, from their observations: the counter {@value #EXAMPLES} of
 * examples and the distribution summary {@value #BYTES} of the size of each upload's
 * body, for the uploads that succeed. Register it with the
 * {@link io.micrometer.observation.ObservationRegistry} the client observes its calls in;
 * a Spring Boot application with a {@link MeterRegistry} has it already.
 *
 * @since 0.1.0
 */
public class UploadMeterObservationHandler implements ObservationHandler<TuneTheModelObservationContext> {

	/**
	 * The name of the counter of the examples uploaded.
	 */
	public static final String EXAMPLES = "tunethemodel.upload.examples";

	/**
	 * The name of the distribution summary of the bytes of each upload.
	 */
	public static final String BYTES = "tunethemodel.upload.bytes";

	private static final String UPLOAD = "upload";

	private final Counter examples;

	private final DistributionSummary bytes;

	/**
	 * Create a handler that records in the given registry.
	 * @param meterRegistry the registry of the meters
	 */
	public UploadMeterObservationHandler(MeterRegistry meterRegistry) {
		this.examples = Counter.builder(EXAMPLES)
			.description("Examples uploaded to Tune the Model")
			.baseUnit("examples")
			.register(meterRegistry);
		this.bytes = DistributionSummary.builder(BYTES)
			.description("Size of the body of each upload to Tune the Model")
			.baseUnit("bytes")
			.register(meterRegistry);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof TuneTheModelObservationContext;
	}

	@Override
	public void onStop(TuneTheModelObservationContext context) {
		if (UPLOAD.equals(context.getOperation()) && context.getOutcome() == Outcome.SUCCESS) {
			this.examples.increment(context.getExamples());
			this.bytes.record(context.getBytes());
		}
	}

}
