package dev.tunethemodel.sample.plain;

import java.util.List;

import reactor.core.scheduler.Schedulers;

import dev.tunethemodel.client.BlockingTuneTheModelOperations;
import dev.tunethemodel.client.BlockingTuneTheModelTemplate;
import dev.tunethemodel.client.TuneTheModelTemplate;
import dev.tunethemodel.client.model.Model;

/**
 * Lists the models of an account, on {@code ttm-client} alone: the API key comes from
 * {@code TTM_API_KEY}, the base URL from {@code TTM_API_URL} when it is set. The HTTP
 * client is Reactor Netty when it is on the class path, else the JDK's own.
 *
 * @since 0.1.0
 */
public final class ListModels {

	private ListModels() {
	}

	public static void main(String[] args) {
		String baseUrl = System.getenv().getOrDefault("TTM_API_URL", TuneTheModelTemplate.DEFAULT_BASE_URL);
		BlockingTuneTheModelOperations tuneTheModel = new BlockingTuneTheModelTemplate(
				TuneTheModelTemplate.builder().baseUrl(baseUrl).apiKey(System.getenv("TTM_API_KEY")).build());
		try {
			// bounded by the client's timeout, 60 seconds by default
			List<Model> models = tuneTheModel.listModels();
			System.out.println(models.size() + " models at " + baseUrl);
			for (Model model : models) {
				System.out.println(model.id() + "  " + model.name() + "  " + model.type() + "  " + model.status());
			}
		}
		finally {
			// Reactor's timer thread outlives the calls, and exec:java would wait for it
			Schedulers.shutdownNow();
		}
	}

}
