package dev.tunethemodel.sample.demo;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.tunethemodel.client.error.TuneTheModelApiException;
import dev.tunethemodel.client.error.TuneTheModelException;
import dev.tunethemodel.client.error.TuneTheModelNotFoundException;
import dev.tunethemodel.client.error.TuneTheModelTimeoutException;
import dev.tunethemodel.client.error.TuneTheModelTrainingFailedException;

/**
 * Turns the client's errors into {@link ProblemDetail}s, in Spring MVC and in Spring
 * WebFlux alike: bad input is a 400, an unknown model a 404, and a failure of the API a
 * 502 or, when it did not respond in time, a 504.
 *
 * @since 0.1.0
 */
@RestControllerAdvice
public class ModelProblems {

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(TuneTheModelNotFoundException.class)
	ProblemDetail notFound(TuneTheModelNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(TuneTheModelTimeoutException.class)
	ProblemDetail timeout(TuneTheModelTimeoutException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, ex.getMessage());
	}

	@ExceptionHandler({ TuneTheModelApiException.class, TuneTheModelTrainingFailedException.class })
	ProblemDetail apiError(TuneTheModelException ex) {
		return ProblemDetail.forStatusAndDetail((ex instanceof TuneTheModelApiException api && api.statusCode() == 400)
				? HttpStatus.BAD_REQUEST : HttpStatus.BAD_GATEWAY, ex.getMessage());
	}

	@ExceptionHandler(TuneTheModelException.class)
	ProblemDetail unavailable(TuneTheModelException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
	}

}
