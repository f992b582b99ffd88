# Sourced by the consumer checks: the installed version, projects that use the installed
# artifacts as a user's would, and the wait for what a program started in the background prints.
# A check works in $work and adds the processes it starts to pids: both are gone when it ends.
work=$(mktemp -d)
pids=()
end_check() {
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	rm -rf "$work"
}
trap end_check EXIT

version=$(sed -n 's|^\t<version>\(.*\)</version>|\1|p' ttm-bom/pom.xml | head -1)
boot_parent="<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>4.0.7</version><relativePath/></parent>"
bom="<dependency><groupId>dev.tunethemodel</groupId><artifactId>ttm-bom</artifactId><version>$version</version><type>pom</type><scope>import</scope></dependency>"
web="<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>"
starter="<dependency><groupId>dev.tunethemodel</groupId><artifactId>ttm-spring-boot-starter</artifactId></dependency>"

# consumer_pom DIRECTORY PARENT DEPENDENCY_MANAGEMENT DEPENDENCIES [BUILD]: writes the project's POM,
# its artifactId the directory's name
consumer_pom() {
	mkdir -p "$1"
	cat > "$1/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
	<modelVersion>4.0.0</modelVersion>
	$2
	<groupId>com.example</groupId>
	<artifactId>$(basename "$1")</artifactId>
	<version>1.0</version>
	<dependencyManagement><dependencies>$3</dependencies></dependencyManagement>
	<dependencies>$4</dependencies>
	${5:-}
</project>
POM
}

# waits_for FILE PATTERN: the first match of the pattern in the growing file, within 60 s
waits_for() {
	for _ in $(seq 600); do
		if match=$(grep -s -o -m1 -E "$2" "$1"); then
			echo "$match"
			return
		fi
		sleep 0.1
	done
	cat "$1" >&2
	echo "Gave up waiting for '$2' in $1" >&2
	exit 1
}
