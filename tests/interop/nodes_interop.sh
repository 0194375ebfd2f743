#!/usr/bin/env bash
# Interop: the node lifecycle with the real kubectl against a fresh two-node timonel-cluster whose
# node-monitor-grace-period is 10 s — Leases in kube-node-lease, the default NoExecute
# tolerations, a kubelet stopped by annotation taking its node NotReady and tainted, a pod that
# tolerates nothing evicted at once, a Deployment's pods evicted after their 5 s toleration and
# replaced on the healthy node, and the node coming back Ready and untainted.
# Usage: nodes_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2" --nodes 2 --node-monitor-grace-period=10s

want='timonel-node-1 +Ready.*timonel-node-2 +Ready' eventually 20 "both nodes Ready" bash -c "'$K' get nodes | tr '\n' ' '"
want='timonel-node-1.*timonel-node-2' eventually 20 "each node has a Lease in kube-node-lease" bash -c "'$K' get leases -n kube-node-lease | tr '\n' ' '"
want='^timonel-node-2 10$' expect "the Lease names its holder and duration" "$K" get lease timonel-node-2 -n kube-node-lease -o jsonpath='{.spec.holderIdentity} {.spec.leaseDurationSeconds}'

want='created' expect "a plain pod" "$K" run plain --image=nginx:1.25
want='^node.kubernetes.io/not-ready:Exists:NoExecute:300 node.kubernetes.io/unreachable:Exists:NoExecute:300 $' expect "it got the default tolerations" \
  "$K" get pod plain -o jsonpath='{range .spec.tolerations[*]}{.key}:{.operator}:{.effect}:{.tolerationSeconds} {end}'

want='deployment.apps/web created' expect "a Deployment tolerating unreachable for 5s" bash -c "'$K' apply -f - <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      tolerations:
      - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 5}
      containers:
      - name: web
        image: nginx:1.25
        resources: {requests: {cpu: 500m}}
EOF"
want='pod/at-once created' expect "a pod on timonel-node-2 tolerating unreachable for 0s" bash -c "'$K' apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: at-once
spec:
  nodeName: timonel-node-2
  tolerations:
  - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 0}
  containers:
  - {name: c, image: nginx:1.25}
EOF"
want='successfully rolled out' expect "the Deployment rolls out" timeout 60 "$K" rollout status deploy/web --timeout=50s
want='[1-9]' expect "some web pods run on timonel-node-2" bash -c "'$K' get pods -l app=web --field-selector=spec.nodeName=timonel-node-2 --no-headers | wc -l"
want='^Running$' eventually 30 "at-once runs" "$K" get pod at-once -o jsonpath='{.status.phase}'

want='node/timonel-node-2 annotated' expect "stop timonel-node-2's kubelet" "$K" annotate node timonel-node-2 timonel.dev/kubelet=stopped
want='timonel-node-1 +Ready .*timonel-node-2 +NotReady' eventually 40 "kubectl get nodes: timonel-node-2 NotReady" bash -c "'$K' get nodes | tr '\n' ' '"
want='^Unknown NodeStatusUnknown Kubelet stopped posting node status\.$' expect "its Ready condition is Unknown" \
  "$K" get node timonel-node-2 -o jsonpath='{.status.conditions[?(@.type=="Ready")].status} {.status.conditions[?(@.type=="Ready")].reason} {.status.conditions[?(@.type=="Ready")].message}'
want='node.kubernetes.io/unreachable:NoSchedule.*node.kubernetes.io/unreachable:NoExecute' eventually 10 "unreachable taints" \
  "$K" get node timonel-node-2 -o jsonpath='{range .spec.taints[*]}{.key}:{.effect} {end}'
want='Taints: +node.kubernetes.io/unreachable:No(Schedule|Execute)' expect "describe node shows the taints" "$K" describe node timonel-node-2
want='NodeNotReady +Node timonel-node-2 status is now: NodeNotReady' eventually 10 "NodeNotReady event on the node" \
  "$K" get events --field-selector involvedObject.kind=Node -o custom-columns=REASON:.reason,MESSAGE:.message
want='TaintManagerEviction +Marking for deletion Pod default/at-once' eventually 10 "at-once evicted at once" \
  "$K" get events --field-selector involvedObject.name=at-once -o custom-columns=REASON:.reason,MESSAGE:.message
want='at-once .*Terminating' expect "it stays Terminating while its kubelet is down" "$K" get pod at-once
want='^4$' eventually 40 "the web pods are replaced on timonel-node-1" bash -c \
  "'$K' get pods -l app=web --field-selector=spec.nodeName=timonel-node-1 --no-headers | grep -c ' 1/1 \+Running '"
want='successfully rolled out' expect "the Deployment is whole again" timeout 30 "$K" rollout status deploy/web --timeout=20s
want='TaintManagerEviction +Marking for deletion Pod default/web-' expect "the web pods were evicted by the taint manager" \
  "$K" get events --field-selector reason=TaintManagerEviction -o custom-columns=REASON:.reason,MESSAGE:.message

want='node/timonel-node-2 annotated' expect "resume the kubelet" "$K" annotate node timonel-node-2 timonel.dev/kubelet-
want='timonel-node-2 +Ready' eventually 30 "timonel-node-2 Ready again" "$K" get node timonel-node-2
want='^$' eventually 20 "its taints are gone" "$K" get node timonel-node-2 -o jsonpath='{.spec.taints}'
want='NodeReady +Node timonel-node-2 status is now: NodeReady' eventually 10 "NodeReady event" \
  "$K" get events --field-selector involvedObject.kind=Node -o custom-columns=REASON:.reason,MESSAGE:.message
want='^0$' eventually 30 "the evicted pods finish terminating" bash -c "'$K' get pods --no-headers | grep -c Terminating || true"
finish
