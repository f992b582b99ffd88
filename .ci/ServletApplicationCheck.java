import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls the README's Spring MVC controller, running in a servlet application built from
 * the installed starter, as a user would: list, create, classify, train and await on the
 * emulator; and reads which HTTP client the application's RestClient has.
 */
public class ServletApplicationCheck {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	public static void main(String[] args) throws Exception {
		String app = args[0];
		String csv = args[1];
		expect(call("GET", app + "/models", ""), "^\\[.*\\]$", "GET /models lists the models");
		String created = call("POST", app + "/models?name=ci-servlet&classes=3", "");
		expect(created, "\"status\":\"CREATED\"", "POST /models creates a model");
		String trained = call("POST", app + "/trainings?csv=" + URLEncoder.encode(csv, StandardCharsets.UTF_8), "");
		String id = group(trained, "\"id\":\"([^\"]+)\"", "POST /trainings answers the model");
		expect(call("GET", app + "/models/" + id + "/ready", ""), "\"status\":\"READY\"",
				"GET /models/{id}/ready awaits the ready model");
		String positive = call("POST", app + "/models/" + id + "/classify", "wonderful friendly staff, great food");
		Matcher scores = Pattern.compile("\"scores\":\\[([^,]+),([^\\]]+)\\]").matcher(positive);
		if (!scores.find() || Double.parseDouble(scores.group(2)) <= Double.parseDouble(scores.group(1))) {
			fail("Not true that the trained model classifies a positive text as positive: " + positive);
		}
		expect(call("GET", app + "/models", ""), id, "the trained model is listed");
		expect(call("GET", app + "/transport", ""), "^JdkClientHttpRequestFactoryBuilder$",
				"the application's RestClient stays on the JDK client");
		System.out.println("The README's servlet application works on the emulator");
	}

	private static String call(String method, String uri, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "text/plain")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			fail(method + " " + uri + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static void expect(String body, String regex, String what) {
		if (!Pattern.compile(regex).matcher(body).find()) {
			fail("Not true that " + what + ": " + body);
		}
		System.out.println("ok: " + what);
	}

	private static String group(String body, String regex, String what) {
		Matcher matcher = Pattern.compile(regex).matcher(body);
		if (!matcher.find()) {
			fail("Not true that " + what + ": " + body);
		}
		return matcher.group(1);
	}

	private static void fail(String message) {
		System.err.println(message);
		System.exit(1);
	}

}
