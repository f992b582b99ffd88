package dev.tunethemodel.client;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import dev.tunethemodel.client.model.ModelType;
import dev.tunethemodel.client.model.TrainingEvent;
import dev.tunethemodel.client.observation.DefaultTuneTheModelObservationConvention;
import dev.tunethemodel.client.observation.DefaultTuneTheModelTrainingObservationConvention;
import dev.tunethemodel.client.observation.TuneTheModelObservationContext;
import dev.tunethemodel.client.observation.TuneTheModelObservationContext.Outcome;
import dev.tunethemodel.client.observation.TuneTheModelObservationConvention;
import dev.tunethemodel.client.observation.TuneTheModelTrainingObservationContext;
import dev.tunethemodel.client.observation.TuneTheModelTrainingObservationConvention;

/**
 * Observes the client's operations and trainings in a Micrometer
 * {@link ObservationRegistry}. Each observation is the parent of what happens within it,
 * such as the observations of the HTTP requests of a call; with a no-op registry, the
 * calls are left as they are and nothing is observed.
 */
final class Observations {

	private static final DefaultTuneTheModelObservationConvention DEFAULT_CONVENTION = new DefaultTuneTheModelObservationConvention();

	private static final DefaultTuneTheModelTrainingObservationConvention DEFAULT_TRAINING_CONVENTION = new DefaultTuneTheModelTrainingObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable TuneTheModelObservationConvention convention;

	private final @Nullable TuneTheModelTrainingObservationConvention trainingConvention;

	Observations(ObservationRegistry registry, @Nullable TuneTheModelObservationConvention convention,
			@Nullable TuneTheModelTrainingObservationConvention trainingConvention) {
		this.registry = registry;
		this.convention = convention;
		this.trainingConvention = trainingConvention;
	}

	/**
	 * Observe an operation that returns one value.
	 * @param <T> the type of the value
	 * @param context creates the context of one subscription
	 * @param call makes the call, given the context to count its attempts in, or
	 * {@code null} when nothing is observed
	 * @return the call, observed
	 */
	<T> Mono<T> operation(Supplier<TuneTheModelObservationContext> context,
			Function<@Nullable TuneTheModelObservationContext, Mono<T>> call) {
		if (this.registry.isNoop()) {
			return call.apply(null);
		}
		return Mono.deferContextual((view) -> {
			TuneTheModelObservationContext observed = context.get();
			Observation observation = start(observed, view);
			Ending ending = new Ending(observation, observed::setOutcome);
			return call.apply(observed)
				.doOnSuccess((value) -> ending.end(SignalType.ON_COMPLETE, null))
				.doOnError((ex) -> ending.end(SignalType.ON_ERROR, ex))
				.doOnCancel(() -> ending.end(SignalType.CANCEL, null))
				.contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	/**
	 * Observe an operation that returns many entries.
	 * @param <T> the type of an entry
	 * @param context creates the context of one subscription
	 * @param call makes the call, given the context to count its attempts in, or
	 * {@code null} when nothing is observed
	 * @return the call, observed
	 */
	<T> Flux<T> operationMany(Supplier<TuneTheModelObservationContext> context,
			Function<@Nullable TuneTheModelObservationContext, Flux<T>> call) {
		if (this.registry.isNoop()) {
			return call.apply(null);
		}
		return Flux.deferContextual((view) -> {
			TuneTheModelObservationContext observed = context.get();
			Observation observation = start(observed, view);
			Ending ending = new Ending(observation, observed::setOutcome);
			return call.apply(observed)
				.doOnComplete(() -> ending.end(SignalType.ON_COMPLETE, null))
				.doOnError((ex) -> ending.end(SignalType.ON_ERROR, ex))
				.doOnCancel(() -> ending.end(SignalType.CANCEL, null))
				.contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	/**
	 * Observe a training until it ends: until a step ends it, it fails or the caller
	 * cancels, or the steps end before.
	 * @param modelType the type of model trained
	 * @param steps the steps of the training
	 * @param end whether a step ends the training
	 * @return the steps, observed
	 */
	Flux<TrainingEvent> training(ModelType modelType, Flux<TrainingEvent> steps, Predicate<TrainingEvent> end) {
		if (this.registry.isNoop()) {
			return steps;
		}
		return Flux.deferContextual((view) -> {
			TuneTheModelTrainingObservationContext observed = new TuneTheModelTrainingObservationContext(modelType);
			Observation observation = Observation
				.createNotStarted(this.trainingConvention, DEFAULT_TRAINING_CONVENTION, () -> observed, this.registry)
				.parentObservation(view.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
				.start();
			Ending ending = new Ending(observation, observed::setOutcome);
			return steps.doOnNext((step) -> {
				if (step instanceof TrainingEvent.ModelCreated created) {
					observed.setModelId(created.model().id());
				}
				if (end.test(step)) {
					ending.end(SignalType.ON_COMPLETE, null);
				}
			})
				.doOnComplete(() -> ending.end(SignalType.ON_COMPLETE, null))
				.doOnError((ex) -> ending.end(SignalType.ON_ERROR, ex))
				.doOnCancel(() -> ending.end(SignalType.CANCEL, null))
				.contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private Observation start(TuneTheModelObservationContext context, ContextView view) {
		return Observation.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.parentObservation(view.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
			.start();
	}

	/**
	 * Stops an observation once, with the outcome of the first of its ends.
	 */
	private static final class Ending {

		private final Observation observation;

		private final Consumer<Outcome> outcome;

		private final AtomicBoolean ended = new AtomicBoolean();

		Ending(Observation observation, Consumer<Outcome> outcome) {
			this.observation = observation;
			this.outcome = outcome;
		}

		void end(SignalType signal, @Nullable Throwable failure) {
			if (!this.ended.compareAndSet(false, true)) {
				return;
			}
			if (failure != null) {
				this.outcome.accept(Outcome.of(failure));
				this.observation.error(failure);
			}
			else if (signal == SignalType.CANCEL) {
				this.outcome.accept(Outcome.CANCELLED);
			}
			this.observation.stop();
		}

	}

}
