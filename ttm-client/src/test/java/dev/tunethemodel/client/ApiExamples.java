package dev.tunethemodel.client;

/**
 * Responses taken from the API reference, with its capitalised statuses and 5- and
 * 6-digit fractions of a second.
 */
final class ApiExamples {

	static final String MODEL_LIST = """
			{
			 "models": [
			  {
			   "status": "Ready",
			   "model_name": "9323f9dbc976ea5dc6c8272eb90742f9",
			   "model_type": "classifier",
			   "user_name": "cyberbullying_tweets",
			   "last_updated_time": "2022-05-07 20:58:10.878585"
			  },
			  {
			   "status": "Ready",
			   "model_name": "f9cab2f96d9e65a125264702489cad7a",
			   "model_type": "generator",
			   "user_name": "winemag-data",
			   "last_updated_time": "2022-05-06 17:15:59.202724"
			  }
			 ]
			}
			""";

	static final String CREATED_MODEL = """
			{
			 "status": "Created",
			 "model_name": "c4319ce72c6c48dfa0754faf3d083f02",
			 "model_type": "classifier",
			 "model_params": {
			  "num_classes": 3
			 },
			 "user_name": "my-shiny-classifier",
			 "last_updated_time": "2022-06-10 17:52:35.81619"
			}
			""";

	static final String DELETED_MODEL = """
			{
			 "status": "Created",
			 "model_name": "c4319ce72c6c48dfa0754faf3d083f02",
			 "model_type": "classifier",
			 "model_params": {
			  "num_classes": 3
			 },
			 "user_name": "my-shiny-classifier",
			 "last_updated_time": "2022-06-10 17:59:41.523746"
			}
			""";

	static final String CREATED_MODEL_ID = "c4319ce72c6c48dfa0754faf3d083f02";

	private ApiExamples() {
	}

}
