#!/usr/bin/env bash
# Interop: `kubectl logs` with the real kubectl against a fresh timonel-cluster, whose API server
# proxies pods/log to the simulated kubelet: plain, --tail, --timestamps, -f (new lines while
# they are written), deploy/x, -c, --all-containers, --previous after a restart, and upstream's
# wording for the refusals.
# Usage: logs_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2"

want='created' expect "run a ticking pod" "$K" run ticker --image=busybox --command -- sh -c 'while true; do echo tick; date; sleep 1; done'
want='condition met' expect "ticker is ready" "$K" wait --for=condition=Ready pod/ticker --timeout=60s
want='^[0-9]+$' expect "kubelet port in node status" "$K" get node timonel-node-1 -o jsonpath='{.status.daemonEndpoints.kubeletEndpoint.Port}'
want='^tick$' eventually 10 "logs" bash -c "'$K' logs ticker | head -1"
want='^2$' expect "logs --tail=2" bash -c "'$K' logs ticker --tail=2 | wc -l"
want='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\.[0-9]{9}Z tick$' expect "logs --timestamps" bash -c "'$K' logs ticker --timestamps | grep tick | head -1"
want='^tic$' expect "logs --limit-bytes" bash -c "'$K' logs ticker --limit-bytes=3; echo"
before=$("$K" logs ticker | grep -c tick)
want='^[3-9]$|^[1-9][0-9]+$' expect "logs -f streams new lines" bash -c "timeout 5 '$K' logs -f ticker --tail=0 | grep -c tick"
want='^[0-9]+$' expect "logs --since=1h" bash -c "'$K' logs ticker --since=1h | grep -c tick"

want='created' expect "create deployment" "$K" create deployment web --image=nginx:1.25
want='successfully rolled out' expect "deployment rolls out" timeout 60 "$K" rollout status deploy/web
want='nginx|start' expect "logs deploy/web" "$K" logs deploy/web

cat > "$work/two.yaml" <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: a
    image: busybox
    command: ["sh", "-c", "echo from-a; sleep 3600"]
  - name: b
    image: busybox
    command: ["sh", "-c", "echo from-b; sleep 3600"]
EOF
want='created' expect "create a two-container pod" "$K" apply -f "$work/two.yaml"
want='condition met' expect "two is ready" "$K" wait --for=condition=Ready pod/two --timeout=60s
want='^from-b$' expect "logs -c b" "$K" logs two -c b
want='from-a' expect "logs with no -c defaults to the first container" "$K" logs two
want='from-a' expect "logs --all-containers (a)" "$K" logs two --all-containers
want='from-b' expect "logs --all-containers (b)" "$K" logs two --all-containers
want='container x is not valid for pod two' expect_fail "logs -c unknown" "$K" logs two -c x
want='previous terminated container "a" in pod "two" not found' expect_fail "logs --previous without a restart" "$K" logs two -c a --previous

want='created' expect "run a crashing pod" "$K" run crashy --image=busybox --command -- sh -c 'echo first; sleep 2; exit 1'
want='^[1-9]' eventually 60 "crashy restarts" "$K" get pod crashy -o jsonpath='{.status.containerStatuses[0].restartCount}'
want='^first$' expect "logs --previous" "$K" logs crashy --previous

want='is waiting to start: (ErrImagePull|ImagePullBackOff|ContainerCreating)' eventually 30 "logs of a container waiting to start" bash -c "'$K' run typo --image=ngnix:latest >/dev/null 2>&1; '$K' logs typo 2>&1; true"
want='does not have a host assigned' expect_fail "logs of an unscheduled pod" bash -c "'$K' run nowhere --image=busybox --overrides='{\"spec\":{\"nodeSelector\":{\"disk\":\"none\"}}}' >/dev/null 2>&1; '$K' logs nowhere"

finish
