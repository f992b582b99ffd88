#!/usr/bin/env bash
# The README's Spring MVC controller, in a servlet application (Tomcat, spring-boot-starter-web
# and the installed starter), lists, creates, classifies, trains and awaits on the emulator, and
# the application's RestClient stays on the JDK client. Needs the artifacts installed
# (check-consumer-dependencies.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source .ci/consumer-projects.sh

app="$work/servlet-app"
mkdir -p "$app/src/main/java/com/example"
consumer_pom "$app" "$boot_parent" "$bom" "$web$starter" \
	"<build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>"
cat > "$app/src/main/java/com/example/ServletApplication.java" <<'JAVA'
package com.example;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class ServletApplication {

	private final ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder;

	ServletApplication(ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder) {
		this.requestFactoryBuilder = requestFactoryBuilder;
	}

	@GetMapping("/transport")
	String transport() {
		return this.requestFactoryBuilder.getClass().getSimpleName();
	}

	public static void main(String[] args) {
		SpringApplication.run(ServletApplication.class, args);
	}

}
JAVA
# the README's controller, package and imports included, as it is written there
awk '/^## Spring MVC/ { section = 1 } section && /^```java/ { code = 1; next }
	code && /^```/ { exit } code { print }' README.md > "$app/src/main/java/com/example/ModelController.java"
grep -q "^package com.example;" "$app/src/main/java/com/example/ModelController.java" \
	&& grep -q "class ModelController" "$app/src/main/java/com/example/ModelController.java" \
	|| { echo "No controller of package com.example in the README's section 'Spring MVC'" >&2; exit 1; }
./mvnw -B -q -f "$app/pom.xml" package -DskipTests

java -jar ttm-emulator/target/ttm-emulator-"$version"-exec.jar --port 0 --api-key ci-servlet-key \
	--training-time 500 --processing-time 100 >"$work/emulator.log" 2>&1 &
pids+=($!)
emulator=$(waits_for "$work/emulator.log" "http://127\.0\.0\.1:[0-9]+")

TTM_API_URL="$emulator" TTM_API_KEY=ci-servlet-key java -jar "$app/target/servlet-app-1.0.jar" --server.port=0 \
	--server.address=127.0.0.1 --tunethemodel.poll-interval=100ms >"$work/app.log" 2>&1 &
pids+=($!)
port=$(waits_for "$work/app.log" "Tomcat started on port [0-9]+" | grep -o -E "[0-9]+$")

{
	echo "text,sentiment"
	for i in $(seq 80); do
		echo "\"wonderful friendly staff, great food $i\",1"
		echo "\"rude staff, awful food $i\",0"
	done
} >"$work/reviews.csv"
java "$root/.ci/ServletApplicationCheck.java" "http://127.0.0.1:$port" "$work/reviews.csv"
