package dev.tunethemodel.client;

import java.time.LocalDateTime;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.tunethemodel.client.model.CreateModelRequest;
import dev.tunethemodel.client.model.Model;
import dev.tunethemodel.client.model.ModelParams;
import dev.tunethemodel.client.model.ModelStatus;
import dev.tunethemodel.client.model.ModelType;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the model endpoints of {@link TuneTheModelTemplate}.
 */
class TuneTheModelTemplateModelTests extends WireMockTemplateTests {

	@Test
	void listModelsSendsKeyAndMapsTheReferenceExample() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson(ApiExamples.MODEL_LIST)));
		StepVerifier.create(this.template.listModels()).assertNext((model) -> {
			assertThat(model.id()).isEqualTo("9323f9dbc976ea5dc6c8272eb90742f9");
			assertThat(model.name()).isEqualTo("cyberbullying_tweets");
			assertThat(model.type()).isEqualTo(ModelType.CLASSIFIER);
			assertThat(model.status()).isEqualTo(ModelStatus.READY);
			assertThat(model.rawStatus()).isEqualTo("Ready");
			assertThat(model.params()).isEqualTo(new ModelParams(null, null));
			assertThat(model.lastUpdated()).isEqualTo(LocalDateTime.of(2022, 5, 7, 20, 58, 10, 878_585_000));
		}).assertNext((model) -> {
			assertThat(model.id()).isEqualTo("f9cab2f96d9e65a125264702489cad7a");
			assertThat(model.type()).isEqualTo(ModelType.GENERATOR);
			assertThat(model.lastUpdated()).isEqualTo(LocalDateTime.of(2022, 5, 6, 17, 15, 59, 202_724_000));
		}).expectComplete().verify(TIMEOUT);
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models")).withHeader("Authorization", equalTo(API_KEY))
			.withHeader("Accept", equalTo("application/json")));
	}

	@Test
	void listModelsOfAnEmptyAccountIsEmpty() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": []}")));
		StepVerifier.create(this.template.listModels()).expectComplete().verify(TIMEOUT);
	}

	@Test
	void listModelsSkipsNullEntries() {
		wireMock.stubFor(get("/v0/models").willReturn(okJson("{\"models\": [null, {\"model_name\": \"m-1\"}]}")));
		StepVerifier.create(this.template.listModels().map(Model::id))
			.expectNext("m-1")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void listPublicModelsReadsThePublicModelsEndpoint() {
		wireMock.stubFor(get("/v0/public-models").willReturn(okJson("""
				{"models": [{"model_id": "default-generator", "name": "Default generator", "model_type": "generator",
				"status": "ready", "base_model": "gpt-like", "last_updated_time": "2023-01-02 03:04:05.1"}]}
				""")));
		StepVerifier.create(this.template.listPublicModels()).assertNext((model) -> {
			assertThat(model.id()).isEqualTo("default-generator");
			assertThat(model.name()).isEqualTo("Default generator");
			assertThat(model.status()).isEqualTo(ModelStatus.READY);
			assertThat(model.baseModel()).isEqualTo("gpt-like");
			assertThat(model.lastUpdated()).isEqualTo(LocalDateTime.of(2023, 1, 2, 3, 4, 5, 100_000_000));
		}).expectComplete().verify(TIMEOUT);
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/public-models")).withHeader("Authorization", equalTo(API_KEY)));
	}

	@Test
	void createModelSendsTypeNameAndNumClasses() {
		wireMock.stubFor(post("/v0/models").willReturn(okJson(ApiExamples.CREATED_MODEL)));
		StepVerifier.create(this.template.createModel(CreateModelRequest.classifier("my-shiny-classifier", 3)))
			.assertNext((model) -> {
				assertThat(model.id()).isEqualTo(ApiExamples.CREATED_MODEL_ID);
				assertThat(model.name()).isEqualTo("my-shiny-classifier");
				assertThat(model.type()).isEqualTo(ModelType.CLASSIFIER);
				assertThat(model.status()).isEqualTo(ModelStatus.CREATED);
				assertThat(model.params().numClasses()).isEqualTo(3);
				assertThat(model.lastUpdated()).isEqualTo(LocalDateTime.of(2022, 6, 10, 17, 52, 35, 816_190_000));
			})
			.expectComplete()
			.verify(TIMEOUT);
		wireMock.verify(postRequestedFor(urlEqualTo("/v0/models")).withHeader("Authorization", equalTo(API_KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"model_type": "classifier", "model_params": {"num_classes": 3}, "name": "my-shiny-classifier"}
					""")));
	}

	@Test
	void createModelSendsGeneratorParametersAndOmitsWhatIsNotSet() {
		wireMock.stubFor(post("/v0/models").willReturn(okJson("""
				{"status": "Created", "model_name": "g1", "model_type": "generator", "user_name": "poet",
				"model_params": {"train_iters": 100}, "base_model": "small"}
				""")));
		CreateModelRequest request = CreateModelRequest.generator("poet")
			.withTrainIters(100)
			.withPretrainedModel("small");
		StepVerifier.create(this.template.createModel(request)).assertNext((model) -> {
			assertThat(model.type()).isEqualTo(ModelType.GENERATOR);
			assertThat(model.params()).isEqualTo(new ModelParams(null, 100));
			assertThat(model.baseModel()).isEqualTo("small");
			assertThat(model.lastUpdated()).isNull();
		}).expectComplete().verify(TIMEOUT);
		wireMock.verify(postRequestedFor(urlEqualTo("/v0/models")).withRequestBody(equalToJson("""
				{"model_type": "generator", "name": "poet", "model_params": {"train_iters": 100},
				"pretrained_model": "small"}
				""")));
	}

	@Test
	void createModelWithoutNameSendsOnlyTheType() {
		wireMock.stubFor(post("/v0/models").willReturn(okJson("{\"status\": \"Created\", \"model_name\": \"g2\"}")));
		StepVerifier.create(this.template.createModel(CreateModelRequest.generator(null)))
			.assertNext((model) -> assertThat(model.name()).isNull())
			.expectComplete()
			.verify(TIMEOUT);
		wireMock.verify(postRequestedFor(urlEqualTo("/v0/models"))
			.withRequestBody(equalToJson("{\"model_type\": \"generator\"}")));
	}

	@Test
	void getModelReadsTheStatusEndpointOfTheModel() {
		wireMock.stubFor(get("/v0/models/" + ApiExamples.CREATED_MODEL_ID + "/status")
			.willReturn(okJson(ApiExamples.CREATED_MODEL)));
		StepVerifier.create(this.template.getModel(ApiExamples.CREATED_MODEL_ID))
			.assertNext((model) -> assertThat(model.status()).isEqualTo(ModelStatus.CREATED))
			.expectComplete()
			.verify(TIMEOUT);
		wireMock.verify(getRequestedFor(urlEqualTo("/v0/models/" + ApiExamples.CREATED_MODEL_ID + "/status"))
			.withHeader("Authorization", equalTo(API_KEY)));
	}

	@Test
	void getModelReadsTheSdkSpellingsAndKeepsAnUnknownStatus() {
		wireMock.stubFor(get("/v0/models/m-1/status").willReturn(okJson("""
				{"model_id": "m-1", "name": "sdk-style", "model_type": "CLASSIFIER", "status": "Distilling",
				"model_params": {"num_classes": 2, "dropout": 0.1}, "owner": {"team": "x"},
				"last_updated_time": "2024-02-29 23:59:59.5"}
				""")));
		StepVerifier.create(this.template.getModel("m-1")).assertNext((model) -> {
			assertThat(model.id()).isEqualTo("m-1");
			assertThat(model.name()).isEqualTo("sdk-style");
			assertThat(model.type()).isEqualTo(ModelType.CLASSIFIER);
			assertThat(model.status()).isEqualTo(ModelStatus.UNKNOWN);
			assertThat(model.rawStatus()).isEqualTo("Distilling");
			assertThat(model.params().numClasses()).isEqualTo(2);
			assertThat(model.lastUpdated()).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 500_000_000));
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void deleteModelSendsDeleteToTheDeleteEndpoint() {
		wireMock.stubFor(delete("/v0/models/" + ApiExamples.CREATED_MODEL_ID + "/delete")
			.willReturn(okJson(ApiExamples.DELETED_MODEL)));
		StepVerifier.create(this.template.deleteModel(ApiExamples.CREATED_MODEL_ID))
			.assertNext((model) -> assertThat(model.lastUpdated())
				.isEqualTo(LocalDateTime.of(2022, 6, 10, 17, 59, 41, 523_746_000)))
			.expectComplete()
			.verify(TIMEOUT);
		wireMock.verify(deleteRequestedFor(urlEqualTo("/v0/models/" + ApiExamples.CREATED_MODEL_ID + "/delete"))
			.withHeader("Authorization", equalTo(API_KEY)));
	}

	@Test
	void bindSendsTheTrainingAndValidationFiles() {
		wireMock.stubFor(post("/v0/models/m-1/bind").willReturn(okJson("""
				{"status": "DatasetsLoaded", "model_name": "m-1", "model_type": "classifier"}
				""")));
		StepVerifier.create(this.template.bind("m-1", "train_1", "val_1"))
			.assertNext((model) -> assertThat(model.status()).isEqualTo(ModelStatus.DATASETS_LOADED))
			.expectComplete()
			.verify(TIMEOUT);
		wireMock
			.verify(postRequestedFor(urlEqualTo("/v0/models/m-1/bind")).withHeader("Authorization", equalTo(API_KEY))
				.withRequestBody(equalToJson("{\"train_file\": \"train_1\", \"validate_file\": \"val_1\"}")));
	}

	@Test
	void fitPostsWithoutBody() {
		wireMock.stubFor(post("/v0/models/m-1/fit").willReturn(okJson("""
				{"status": "trainrequested", "model_name": "m-1", "model_type": "classifier"}
				""")));
		StepVerifier.create(this.template.fit("m-1"))
			.assertNext((model) -> assertThat(model.status()).isEqualTo(ModelStatus.TRAIN_REQUESTED))
			.expectComplete()
			.verify(TIMEOUT);
		List<LoggedRequest> requests = wireMock
			.findAll(postRequestedFor(urlEqualTo("/v0/models/m-1/fit")).withHeader("Authorization", equalTo(API_KEY))
				.withHeader("Content-Type", absent()));
		assertThat(requests).singleElement().satisfies((request) -> assertThat(request.getBody()).isEmpty());
	}

	@Test
	void nothingIsSentUntilSubscribed() {
		this.template.listModels();
		this.template.getModel("m-1");
		this.template.fit("m-1");
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

}
