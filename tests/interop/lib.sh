# Shared harness of the interop scripts: starts a fresh timonel-cluster with its own kubeconfig
# and HOME, and offers expect / expect_fail / eventually, which check output, not just exit codes.
# Usage in a script:  source lib.sh; start_cluster "$1" "$2" [--nodes N]; …; finish
# Each step prints "ok"/"FAIL"; finish exits 1 when any failed.
set -uo pipefail

start_cluster() {
  cluster_bin=$1
  clients=$(cd "$2" 2>/dev/null && pwd || echo "$2")
  shift 2
  K="$clients/kubectl"
  H="$clients/helm"
  [ -x "$K" ] && [ -x "$H" ] || { echo "kubectl/helm missing in $clients: run scripts/fetch-k8s-clients $clients"; exit 1; }
  work=$(mktemp -d)
  server_pid=
  trap 'cleanup' EXIT
  export KUBECONFIG="$work/kubeconfig" HOME="$work/home" HELM_CACHE_HOME="$work/helm-cache" HELM_CONFIG_HOME="$work/helm-config" HELM_DATA_HOME="$work/helm-data"
  mkdir -p "$HOME"
  "$cluster_bin" serve --data-dir "$work/data" --port 0 --ingress-port 0 --kubeconfig "$KUBECONFIG" "$@" > "$work/server.out" 2> "$work/server.err" &
  server_pid=$!
  for _ in $(seq 200); do grep -q '^ready ' "$work/server.out" 2>/dev/null && break; sleep 0.05; done
  grep -q '^ready https://127.0.0.1:' "$work/server.out" || { echo "server did not become ready"; cat "$work/server.err"; exit 1; }
  passed=0; failed=0
}

cleanup() { [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }

pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/     /' | head -20; }

# expect NAME CMD... : the command succeeds and its output matches the regex in $want.
expect() {
  local name=$1; shift
  local out rc
  out=$("$@" 2>&1); rc=$?
  if [ $rc -ne 0 ]; then fail "$name (exit $rc)" "$out"; return; fi
  if [ -n "${want:-}" ] && ! grep -Eq -- "$want" <<<"$out"; then fail "$name (no match for /$want/)" "$out"; return; fi
  pass "$name"
}

expect_fail() {
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then fail "$name (should have failed)" "$out"; return; fi
  if [ -n "${want:-}" ] && ! grep -Eq -- "$want" <<<"$out"; then fail "$name (no match for /$want/)" "$out"; return; fi
  pass "$name"
}

# eventually SECONDS NAME CMD... : like expect, retried every 0.5 s until it passes or time runs out.
eventually() {
  local seconds=$1 name=$2; shift 2
  local out rc deadline=$((SECONDS + seconds))
  while :; do
    out=$("$@" 2>&1); rc=$?
    if [ $rc -eq 0 ] && { [ -z "${want:-}" ] || grep -Eq -- "$want" <<<"$out"; }; then pass "$name"; return; fi
    [ $SECONDS -ge $deadline ] && break
    sleep 0.5
  done
  fail "$name (not within ${seconds}s; last exit $rc)" "$out"
}

finish() {
  echo "$(basename "$0" .sh): $passed passed, $failed failed"
  [ $failed -eq 0 ]
}
