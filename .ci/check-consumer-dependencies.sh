#!/usr/bin/env bash
# The published POMs are clean for consumers: a fresh application that depends on the installed
# starter gets no test, annotation-processor or emulator artifact.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
app=$(mktemp -d)
trap 'rm -rf "$app"' EXIT
version=$(sed -n 's|^\t<version>\(.*\)</version>|\1|p' pom.xml | head -1)
cat > "$app/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
	<modelVersion>4.0.0</modelVersion>
	<parent>
		<groupId>org.springframework.boot</groupId>
		<artifactId>spring-boot-starter-parent</artifactId>
		<version>4.0.7</version>
		<relativePath/>
	</parent>
	<groupId>com.example</groupId>
	<artifactId>consumer</artifactId>
	<version>1.0</version>
	<dependencies>
		<dependency>
			<groupId>dev.tunethemodel</groupId>
			<artifactId>ttm-spring-boot-starter</artifactId>
			<version>$version</version>
		</dependency>
	</dependencies>
</project>
POM
./mvnw -B -q -f "$app/pom.xml" dependency:tree -DoutputFile="$app/tree.txt"
cat "$app/tree.txt"
if ! grep -q "dev.tunethemodel:ttm-spring-boot-autoconfigure:jar:$version:compile" "$app/tree.txt"; then
	echo "The starter does not bring its auto-configuration" >&2
	exit 1
fi
if grep -E ":test$|junit|assertj|mockito|hamcrest|awaitility|jsonassert|wiremock|reactor-test|blockhound|spring-test|configuration-processor|ttm-emulator" "$app/tree.txt"; then
	echo "A consumer of the starter gets the artifacts above, which are not for it" >&2
	exit 1
fi
echo "The starter's dependencies are clean for consumers"
