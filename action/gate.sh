#!/usr/bin/env bash
# The GitHub Action's one script (see action.yml). Runs on any machine with bash, so tests run it here.
#
#   gate.sh prepare   writes the step outputs `jar` (where the CLI jar is) and `cache-key` (a hash of
#                     the action's sources, for actions/cache) to $GITHUB_OUTPUT
#   gate.sh build     builds the CLI jar with Maven unless it is already there
#   gate.sh gate      runs `gate` with the action's inputs, read from INPUT_* environment variables
#
# Inputs arrive only through the environment (action.yml's `env:`), never spliced into a command,
# and every value reaches the CLI as one argument of its own: no input is ever evaluated by a shell.
# The token goes to the CLI as CODEGEN_API_TOKEN, never as an argument.
set -euo pipefail

action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
jar="$action_path/cli/target/codegen-agent-logs.jar"

fail() {
  # one line for people, one annotation for the run's page; the text is ours, never an input's value
  echo "error: $1" >&2
  echo "::error title=codegen-agent-logs action::$1" >&2
  exit 2
}

output() {
  if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
    printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"
  fi
}

is_true() {
  # tr, not ${1,,}: macOS runners' /bin/bash is 3.2
  case "$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')" in
    true) return 0 ;;
    false) return 1 ;;
    *) fail "input $2 must be true or false" ;;
  esac
}

whole_number() {
  [[ "$1" =~ ^[0-9]+$ ]] || fail "input $2 must be a whole number"
}

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}

prepare() {
  local hash
  # the sources that make the jar: the same sources give the same jar, so the cache may hold it
  hash="$(cd "$action_path" && find pom.xml core/pom.xml simulator/pom.xml cli/pom.xml \
      core/src/main simulator/src/main cli/src/main -type f | LC_ALL=C sort \
      | while IFS= read -r f; do sha256 "$f"; done | sha256 | cut -c1-32)"
  output jar "$jar"
  output cache-key "codegen-agent-logs-${RUNNER_OS:-local}-$hash"
}

build() {
  if [[ -f "$jar" ]]; then
    echo "Using the CLI jar already built: $jar"
    return 0
  fi
  command -v mvn >/dev/null || fail "Maven (mvn) is not on the PATH: GitHub's hosted runners have it; on a self-hosted runner install Maven 3.8+ first"
  echo "Building the CLI jar from the action's sources (once per version: the cache keeps it)"
  (cd "$action_path" && mvn -B -q -ntp -DskipTests -pl cli -am package)
  [[ -f "$jar" ]] || fail "the build did not produce $jar"
}

gate() {
  [[ -f "$jar" ]] || fail "the CLI jar is missing ($jar): run '$0 build' first"
  [[ -n "${INPUT_RUN_ID:-}" ]] || fail "input run-id is required"
  [[ -n "${INPUT_API_TOKEN:-}" ]] || fail "input api-token is empty: pass it from a secret, api-token: \${{ secrets.CODEGEN_API_TOKEN }}"

  local args=(gate --run "$INPUT_RUN_ID")
  [[ -z "${INPUT_ORG_ID:-}" ]] || args+=(--org "$INPUT_ORG_ID")
  [[ -z "${INPUT_BASE_URL:-}" ]] || args+=(--base-url "$INPUT_BASE_URL")
  # always given: an empty fail-on means "fail on no entry type"
  args+=("--fail-on=${INPUT_FAIL_ON-ERROR,PR_CREATION_FAILED}")
  is_true "${INPUT_FAIL_ON_RUN_STATUS:-true}" fail-on-run-status || args+=(--no-fail-on-run-status)
  if [[ -n "${INPUT_MAX_FAILURES:-}" ]]; then
    whole_number "$INPUT_MAX_FAILURES" max-failures
    args+=(--max-failures "$INPUT_MAX_FAILURES")
  fi
  if is_true "${INPUT_FAIL_FAST:-false}" fail-fast; then
    args+=(--fail-fast)
  fi
  if [[ -n "${INPUT_TIMEOUT_MINUTES:-}" ]]; then
    whole_number "$INPUT_TIMEOUT_MINUTES" timeout-minutes
    args+=(--timeout "${INPUT_TIMEOUT_MINUTES}m")
  fi
  if [[ -n "${INPUT_POLL_INTERVAL_SECONDS:-}" ]]; then
    whole_number "$INPUT_POLL_INTERVAL_SECONDS" poll-interval-seconds
    args+=(--poll-interval "${INPUT_POLL_INTERVAL_SECONDS}s")
  fi
  args+=(--report-dir "${INPUT_REPORT_DIR:-codegen-agent-logs-report}")

  # the CLI masks the token, groups the log, annotates, and writes $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY
  export GITHUB_ACTIONS=true
  export CODEGEN_API_TOKEN="$INPUT_API_TOKEN"
  unset INPUT_API_TOKEN
  exec java -jar "$jar" "${args[@]}"
}

case "${1:-}" in
  prepare) prepare ;;
  build) build ;;
  gate) gate ;;
  *) echo "usage: $0 prepare|build|gate" >&2; exit 2 ;;
esac
