#!/usr/bin/env bash
# The README's plain Java program, run as its section 'Without Spring Boot' says: the install with
# -DskipTests starts no application (the sample's Spring AOT processing runs only with its tests),
# then, on the emulator, the README's exec:java command, as written, ends within 10 s of the
# program's last line (it waited 15 s for a thread the program left). Installs into a temporary
# local repository, with the user's as its read-only tail.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/consumer-projects.sh
# EPOCHREALTIME with a decimal point, for awk
LC_NUMERIC=C
max_wait=10

fail() {
	echo "$1" >&2
	exit 1
}

export MAVEN_ARGS="-Dmaven.repo.local=$work/repository -Dmaven.repo.local.tail=$HOME/.m2/repository ${MAVEN_ARGS:-}"
./mvnw -B -q install -DskipTests >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "The install failed"; }
if grep -E ":: Spring Boot ::|Starting [A-Za-z]+Application|Started [A-Za-z]+Application|emulator at|Demo: " \
	"$work/install.log"; then
	fail "./mvnw install -DskipTests started an application, above"
fi
echo "./mvnw install -DskipTests started no application"

java -jar ttm-emulator/target/ttm-emulator-"$version"-exec.jar --port 0 --api-key my-key >"$work/emulator.log" 2>&1 &
pids+=($!)
emulator=$(waits_for "$work/emulator.log" "http://127\.0\.0\.1:[0-9]+")

# the README's command, as written, on the emulator's port
command=$(awk '/^## Without Spring Boot/ { section = 1 } /^## / && !/Without Spring Boot/ { section = 0 }
	section && /exec:java/ { print; exit }' README.md)
[[ "$command" == *"http://127.0.0.1:8089 "* ]] \
	|| fail "No exec:java command on http://127.0.0.1:8089 in the README's section 'Without Spring Boot'"
command=${command//http:\/\/127.0.0.1:8089/$emulator}

# each line of the output after the time it was read; then the command's exit status and time
{
	status=0
	timeout 300 bash -c "$command" 2>&1 || status=$?
	echo "$status $EPOCHREALTIME" >"$work/exit"
} | while IFS= read -r line; do echo "$EPOCHREALTIME $line"; done >"$work/program.log"
cut -d' ' -f2- "$work/program.log"
read -r status exited <"$work/exit"
((status == 0)) || fail "The README's exec:java command failed with $status"
grep -q -E "^[0-9.]+ [0-9]+ models at $emulator$" "$work/program.log" || fail "The program did not list the models"
last_line=$(tail -1 "$work/program.log" | cut -d' ' -f1)
wait=$(awk -v from="$last_line" -v to="$exited" 'BEGIN { printf "%.2f", to - from }')
echo "The README's exec:java command ended $wait s after the program's last line"
awk -v wait="$wait" -v max="$max_wait" 'BEGIN { exit !(wait <= max) }' \
	|| fail "The README's exec:java command ended more than $max_wait s after the program's last line"
