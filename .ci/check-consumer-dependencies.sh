#!/usr/bin/env bash
# ttm-client has no Spring Boot artifact in its compile or runtime tree, and the published POMs
# are clean for consumers: a Spring Boot application that imports ttm-bom and depends on the
# installed starter gets the client and the auto-configuration and no test, annotation-processor
# or emulator artifact; a servlet application gets no Reactor Netty and at most 8 MB more
# libraries; a plain Java project that depends on ttm-client gets no Spring Boot artifact.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q install -DskipTests
source .ci/consumer-projects.sh

# consumer NAME PARENT DEPENDENCY_MANAGEMENT DEPENDENCIES: writes a project and prints its dependency tree
consumer() {
	consumer_pom "$work/$1" "$2" "$3" "$4"
	./mvnw -B -q -f "$work/$1/pom.xml" dependency:tree -DoutputFile="$work/$1/tree.txt" >&2
	cat "$work/$1/tree.txt"
}

fail() {
	echo "$1" >&2
	exit 1
}

for module in ttm-client ttm-spring-boot-autoconfigure ttm-spring-boot-starter ttm-emulator ttm-spring-batch ttm-spring-ai; do
	grep -q "<artifactId>$module</artifactId>" ttm-bom/pom.xml || fail "ttm-bom does not manage $module"
done

starter_tree=$(consumer starter-consumer "$boot_parent" "$bom" "$starter")
echo "$starter_tree"
for module in ttm-spring-boot-starter ttm-spring-boot-autoconfigure ttm-client; do
	grep -q "dev.tunethemodel:$module:jar:$version:compile" <<<"$starter_tree" \
		|| fail "The starter, its version from ttm-bom, does not bring $module $version"
done
if grep -E ":test$|junit|assertj|mockito|hamcrest|awaitility|jsonassert|wiremock|reactor-test|blockhound|spring-test|configuration-processor|autoconfigure-processor|ttm-emulator" <<<"$starter_tree"; then
	fail "A consumer of the starter gets the artifacts above, which are not for it"
fi

# a servlet application gets no Netty from the starter, and its libraries grow by at most 8 MB
servlet_tree=$(consumer servlet-consumer "$boot_parent" "$bom" "$web$starter")
if grep "io.projectreactor.netty" <<<"$servlet_tree"; then
	fail "The starter brings Reactor Netty to a servlet application, which then uses it for its own RestClient"
fi
consumer servlet-without-starter "$boot_parent" "" "$web" >/dev/null
libraries_size() {
	./mvnw -B -q -f "$work/$1/pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
		-DoutputDirectory="$work/$1/lib" >&2
	du -sb "$work/$1/lib" | cut -f1
}
growth=$(($(libraries_size servlet-consumer) - $(libraries_size servlet-without-starter)))
echo "The starter adds $growth bytes of libraries to a servlet application"
((growth <= 8 * 1024 * 1024)) || fail "The starter adds more than 8 MB of libraries to a servlet application"

# ttm-client's own tree, its optional dependencies included: the enforcer in its build sees no optional ones
own_tree="$work/ttm-client-tree.txt"
./mvnw -B -q dependency:tree -pl ttm-client -Dscope=runtime -DoutputFile="$own_tree" >&2
cat "$own_tree"
if grep "org.springframework.boot" "$own_tree"; then
	fail "ttm-client depends on the Spring Boot artifacts above, in its compile or runtime scope"
fi

client_tree=$(consumer client-consumer "" "" \
	"<dependency><groupId>dev.tunethemodel</groupId><artifactId>ttm-client</artifactId><version>$version</version></dependency>")
echo "$client_tree"
grep -q "dev.tunethemodel:ttm-client:jar:$version:compile" <<<"$client_tree" || fail "ttm-client did not resolve"
if grep "org.springframework.boot" <<<"$client_tree"; then
	fail "ttm-client brings the Spring Boot artifacts above to a plain Java project"
fi
echo "The published POMs are clean for consumers"
