#!/usr/bin/env bash
# Interop: the API server's remaining gaps with the real kubectl against a fresh timonel-cluster:
# kubectl drain honours a PodDisruptionBudget (evictions refused with 429 are retried until the
# Deployment's replacement pods are Ready elsewhere; a budget that can never allow a disruption
# makes drain time out), kubectl get pdb, kubectl create token whose token authenticates
# kubectl --token (and a forged one does not), and server-side apply removing the last
# finalizer of a deleted object deletes it.
# Usage: apigaps_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2" --nodes 2

# Everything starts on node 1; node 2 takes the replacements.
want='cordoned' expect "cordon node 2" "$K" cordon timonel-node-2
want='created' expect "create deployment" "$K" create deployment web --image=nginx --replicas=3
want='successfully rolled out' expect "rollout completes" timeout 60 "$K" rollout status deploy/web
want='created' expect "create pdb" "$K" create pdb web --selector=app=web --min-available=2
want='^NAME +MIN AVAILABLE +MAX UNAVAILABLE +ALLOWED DISRUPTIONS +AGE' expect "get pdb columns" "$K" get pdb
want='^web +2 +N/A +1 ' eventually 30 "disruption controller allows one" bash -c "'$K' get pdb web --no-headers"
want='^3 2 3 1$' expect "pdb status counts" "$K" get pdb web -o jsonpath='{.status.expectedPods} {.status.desiredHealthy} {.status.currentHealthy} {.status.disruptionsAllowed}'
want='^True SufficientPods$' expect "DisruptionAllowed condition" "$K" get pdb web -o jsonpath='{.status.conditions[?(@.type=="DisruptionAllowed")].status} {.status.conditions[?(@.type=="DisruptionAllowed")].reason}'
want='uncordoned' expect "uncordon node 2" "$K" uncordon timonel-node-2

start=$(date +%s)
timeout 100 "$K" drain timonel-node-1 --ignore-daemonsets --timeout=90s > "$work/drain.out" 2>&1
drain_rc=$?
elapsed=$(( $(date +%s) - start ))
want='drained' expect "drain finishes once replacements are Ready" bash -c "echo rc=$drain_rc; cat '$work/drain.out'"
want="Cannot evict pod as it would violate the pod's disruption budget" expect "drain was told to wait (429)" cat "$work/drain.out"
want='^waited$' expect "drain waited for the budget" bash -c "[ $elapsed -ge 4 ] && echo waited || echo 'only ${elapsed}s'"
want='^$' expect "no web pod left on node 1" bash -c "'$K' get pods -l app=web -o wide --no-headers | grep timonel-node-1 || true"
want='3/3' eventually 60 "all three Ready on node 2" "$K" get deploy web
want='uncordoned' expect "uncordon node 1" "$K" uncordon timonel-node-1

# A budget that allows nothing: drain gives up at its timeout.
want='created' expect "create single-replica deployment" "$K" create deployment solo --image=nginx --replicas=1
want='successfully rolled out' expect "solo rolls out" timeout 60 "$K" rollout status deploy/solo
want='created' expect "pdb minAvailable 1" "$K" create pdb solo --selector=app=solo --min-available=1
want='^solo +1 +N/A +0 ' eventually 30 "no disruption allowed" bash -c "'$K' get pdb solo --no-headers"
node=$("$K" get pods -l app=solo -o jsonpath='{.items[0].spec.nodeName}')
want='global timeout reached|error when evicting' expect_fail "drain times out on the budget" timeout 60 "$K" drain "$node" --ignore-daemonsets --timeout=8s
want='Running' expect "the guarded pod still runs" "$K" get pods -l app=solo
"$K" uncordon "$node" > /dev/null 2>&1

# serviceaccounts/<name>/token.
token=$("$K" create token default 2> "$work/token.err")
want='^eyJ' expect "create token prints a JWT" echo "$token"
want='^Username +system:serviceaccount:default:default' expect "the token authenticates kubectl --token" "$K" --token="$token" auth whoami
want='Unauthorized|must be logged in' expect_fail "a forged token is refused" "$K" --token="${token%?}x" get pods
want='may not specify a duration less than 10 minutes' expect_fail "duration below 10 minutes refused" "$K" create token default --duration=5m
want='^eyJ' expect "create token with audience and duration" "$K" create token default --duration=15m --audience=https://kubernetes.default.svc.cluster.local

# Server-side apply that drops the last finalizer of an object being deleted deletes it.
cat > "$work/held.yaml" <<'YAML'
apiVersion: v1
kind: ConfigMap
metadata:
  name: held
  finalizers:
  - example.com/hold
data:
  a: b
YAML
want='serverside-applied' expect "apply --server-side with a finalizer" "$K" apply --server-side -f "$work/held.yaml"
want='deleted' expect "delete --wait=false" "$K" delete cm held --wait=false
want='^[0-9TZ:-]+$' expect "held while Terminating" "$K" get cm held -o jsonpath='{.metadata.deletionTimestamp}'
sed -i '/finalizers:/d; /example.com\/hold/d' "$work/held.yaml"
want='serverside-applied' expect "apply --server-side without it" "$K" apply --server-side -f "$work/held.yaml"
want='NotFound' expect_fail "gone" "$K" get cm held

finish
