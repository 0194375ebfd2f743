#!/usr/bin/env bash
# Interop: taints and liveness probes with the real kubectl against a fresh two-node
# timonel-cluster — `kubectl taint` on both nodes leaves a new pod Pending with the scheduler's
# FailedScheduling ("untolerated taint"), removing one taint lets it run there; a pod whose
# liveness probe gets 404 is killed and restarted by its kubelet (Unhealthy, Killing events) until
# it sits in CrashLoopBackOff with a BackOff event, as `kubectl get pod` shows it.
# Usage: probes_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2" --nodes 2

want='timonel-node-1 +Ready.*timonel-node-2 +Ready' eventually 20 "both nodes Ready" bash -c "'$K' get nodes | tr '\n' ' '"
want='^node/timonel-node-1 tainted$' expect "taint node 1" "$K" taint nodes timonel-node-1 dedicated=db:NoSchedule
want='^node/timonel-node-2 tainted$' expect "taint node 2" "$K" taint nodes timonel-node-2 dedicated=db:NoSchedule
want='Taints: +dedicated=db:NoSchedule' expect "describe node shows the taint" "$K" describe node timonel-node-1
want='created' expect "a pod that tolerates nothing" "$K" run pending --image=nginx:1.25
want='FailedScheduling +pod/pending +0/2 nodes are available: 2 node\(s\) had untolerated taint \{dedicated: db\}' eventually 20 \
  "FailedScheduling names the untolerated taint" "$K" get events --field-selector involvedObject.name=pending
want='^Pending$' expect "the pod stays Pending" "$K" get pod pending -o jsonpath='{.status.phase}'
want='^node/timonel-node-1 untainted$' expect "untaint node 1" "$K" taint nodes timonel-node-1 dedicated=db:NoSchedule-
want='^Running timonel-node-1$' eventually 30 "the pod runs on the untainted node" \
  "$K" get pod pending -o jsonpath='{.status.phase} {.spec.nodeName}'

want='pod/sick created' expect "a pod whose liveness probe gets 404" bash -c "'$K' apply -f - <<'YAML'
apiVersion: v1
kind: Pod
metadata: {name: sick}
spec:
  containers:
  - name: web
    image: nginx:1.25
    livenessProbe:
      httpGet: {path: /healthz, port: 80}
      initialDelaySeconds: 1
      periodSeconds: 1
      failureThreshold: 1
YAML"
want='Unhealthy +pod/sick +Liveness probe failed: HTTP probe failed with statuscode: 404' eventually 40 "Unhealthy event" \
  "$K" get events --field-selector involvedObject.name=sick
want='Killing +pod/sick +Container web failed liveness probe, will be restarted' eventually 20 "Killing event" \
  "$K" get events --field-selector involvedObject.name=sick
want='^[1-9]' eventually 30 "the container was restarted" "$K" get pod sick -o jsonpath='{.status.containerStatuses[0].restartCount}'
want='^sick +0/1 +CrashLoopBackOff ' eventually 60 "get pod shows CrashLoopBackOff" bash -c "'$K' get pod sick --no-headers"
want='BackOff +pod/sick +Back-off restarting failed container web in pod sick_default' eventually 20 "BackOff event" \
  "$K" get events --field-selector involvedObject.name=sick
want='"reason":"CrashLoopBackOff"' eventually 60 "the waiting state says why" "$K" get pod sick -o jsonpath='{.status.containerStatuses[0].state.waiting}'

finish
