package dev.tunethemodel.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link DroppedErrors} collects the errors Reactor drops during a test, and
 * only those of that test.
 */
class DroppedErrorsTests {

	private final DroppedErrors dropped = new DroppedErrors();

	@AfterEach
	void resetHook() {
		this.dropped.afterEach(null);
	}

	@Test
	void errorDroppedDuringATestIsCollected() {
		IllegalStateException error = new IllegalStateException("late");
		this.dropped.beforeEach(null);
		Operators.onErrorDropped(error, Context.empty());
		assertThat(this.dropped.errors()).containsExactly(error);
	}

	@Test
	void errorsOfAnEarlierTestAreForgotten() {
		IllegalStateException earlier = new IllegalStateException("earlier");
		IllegalStateException later = new IllegalStateException("later");
		this.dropped.beforeEach(null);
		Operators.onErrorDropped(earlier, Context.empty());
		this.dropped.afterEach(null);
		this.dropped.beforeEach(null);
		Operators.onErrorDropped(later, Context.empty());
		assertThat(this.dropped.errors()).containsExactly(later);
	}

}
