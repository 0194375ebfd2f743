#!/usr/bin/env bash
# Interop: the time scale with the real kubectl — `timonel-cluster serve --speed 50` runs the
# cluster's clock 50 times faster: a wordpress Deployment (9 s image pull, 2 s start-up per the
# image catalogue) rolls out while `kubectl rollout status --timeout=8s` waits (at real time it
# needs 11 s); minReadySeconds 60 is over in ~1.2 real seconds; the Pulled event says "in 9s";
# the server-side AGE column counts clock time
# (4 real seconds later the pods are minutes old); the node grace period and Lease duration stay
# 40 real seconds (2000 s of clock); a bad --speed is refused with a clear message.
# Usage: speed_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"

refused() { # the server must refuse these arguments at once, naming the option
  local out rc
  out=$(timeout 10 "$cluster_bin" serve --data-dir "$work/refused" --port 0 "$@" 2>&1); rc=$?
  [ $rc -eq 2 ] && grep -q -- '--speed must be a number from 1 to 100' <<<"$out" && echo refused || echo "exit $rc: $out"
}

start_cluster "$1" "$2" --nodes 2 --speed 50

want='^refused$' expect "--speed 0.5 is refused" refused --speed 0.5
want='^refused$' expect "--speed fast is refused" refused --speed fast
want='^refused$' expect "--speed 1000 is refused" refused --speed 1000
want='--speed <n>' expect "--help documents --speed" "$cluster_bin" --help

want='timonel-node-1 +Ready.*timonel-node-2 +Ready' eventually 10 "both nodes Ready" bash -c "'$K' get nodes | tr '\n' ' '"
want='deployment.apps/blog created' expect "create deployment wordpress x3" "$K" create deployment blog --image=wordpress:6.4 --replicas=3
start=$SECONDS
want='successfully rolled out' expect "rollout status within 8 real seconds (11 s of clock)" \
  "$K" rollout status deployment/blog --timeout=8s
elapsed=$((SECONDS - start))
if [ $elapsed -le 8 ]; then pass "rolled out in ${elapsed}s real"; else fail "rolled out in ${elapsed}s real"; fi
want='Successfully pulled image "wordpress:6.4" in 9s' eventually 10 "Pulled event: a 9 s pull" \
  "$K" get events --field-selector reason=Pulled
want='deployment.apps/patient created' expect "a Deployment with minReadySeconds 60" bash -c "'$K' apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: patient}
spec:
  replicas: 2
  minReadySeconds: 60
  selector: {matchLabels: {app: patient}}
  template:
    metadata: {labels: {app: patient}}
    spec: {containers: [{name: web, image: nginx:1.25}]}
YAML"
want='successfully rolled out' expect "minReadySeconds 60 is over within 10 real seconds (1.2 at speed 50)" \
  "$K" rollout status deployment/patient --timeout=10s
sleep 4 # 200 s of clock
want='blog-[a-z0-9]+-[a-z0-9]+ +1/1 +Running +0 +([3-9]|[1-9][0-9])m' expect "AGE counts clock time (minutes after 4 real s)" "$K" get pods
# The node grace period (and the Leases' duration) stays at least 40 real seconds: 2000 s of clock.
want='^2000$' expect "Lease duration is 40 real seconds of clock" \
  "$K" get lease -n kube-node-lease timonel-node-1 -o jsonpath='{.spec.leaseDurationSeconds}'
finish
