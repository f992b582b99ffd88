package dev.tunethemodel.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of {@link RequestJournal}: the latest requests, within a number and a size.
 */
class RequestJournalTests {

	@Test
	void keepsTheLatestRequestsUpToTheMostRequests() {
		RequestJournal journal = new RequestJournal(3, 1024);
		for (int i = 0; i < 5; i++) {
			journal.record(new EmulatorRequest("GET", "/v0/models/m" + i + "/status", null));
		}
		assertThat(journal.all()).extracting(EmulatorRequest::path)
			.containsExactly("/v0/models/m2/status", "/v0/models/m3/status", "/v0/models/m4/status");
	}

	@Test
	void dropsTheOldestRequestsWhenPathsAndBodiesExceedTheMostBytes() {
		// two bytes a character: each of these requests takes 2 * (5 + 45) = 100 bytes
		RequestJournal journal = new RequestJournal(1000, 250);
		for (int i = 0; i < 4; i++) {
			journal.record(new EmulatorRequest("POST", "/p/" + i + "/", String.valueOf(i).repeat(45)));
		}
		assertThat(journal.all()).extracting(EmulatorRequest::path).containsExactly("/p/2/", "/p/3/");
	}

	@Test
	void requestWithoutABodyTakesItsPathOnly() {
		RequestJournal journal = new RequestJournal(1000, 40);
		journal.record(new EmulatorRequest("POST", "/v0/models", "{\"model_type\": \"generator\"}"));
		journal.record(new EmulatorRequest("GET", "/v0/models", null));
		journal.record(new EmulatorRequest("GET", "/v0/files", null));
		assertThat(journal.all()).containsExactly(new EmulatorRequest("GET", "/v0/models", null),
				new EmulatorRequest("GET", "/v0/files", null));
	}

	@Test
	void clearForgetsTheRequestsAndTheirBytes() {
		RequestJournal journal = new RequestJournal(1000, 100);
		journal.record(new EmulatorRequest("POST", "/p", "x".repeat(40)));
		journal.clear();
		journal.record(new EmulatorRequest("POST", "/q", "y".repeat(40)));
		journal.record(new EmulatorRequest("GET", "/r", null));
		assertThat(journal.all()).extracting(EmulatorRequest::path).containsExactly("/q", "/r");
	}

}
