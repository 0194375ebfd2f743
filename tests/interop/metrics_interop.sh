#!/usr/bin/env bash
# Interop: metrics.k8s.io and `kubectl top` with the real kubectl against a fresh timonel-cluster:
# discovery lists the group, node and pod metrics appear once pods run, selectors and
# --containers work, and a pod without metrics is metrics-server's NotFound.
# Usage: metrics_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2" --nodes 2

want='nodes +metrics.k8s.io/v1beta1 +false +NodeMetrics' expect "api-resources lists NodeMetrics" "$K" api-resources --api-group=metrics.k8s.io
want='pods +metrics.k8s.io/v1beta1 +true +PodMetrics' expect "api-resources lists PodMetrics" "$K" api-resources --api-group=metrics.k8s.io
want='metrics.k8s.io/v1beta1' expect "api-versions lists the group" "$K" api-versions
want='"usage":\{"cpu":"[0-9]+n","memory":"[0-9]+Ki"\}.*"kind":"NodeMetricsList"' expect "raw node metrics" "$K" get --raw /apis/metrics.k8s.io/v1beta1/nodes
want='"window":"20s"' expect "raw window" "$K" get --raw /apis/metrics.k8s.io/v1beta1/nodes

want='^NAME +CPU\(cores\) +CPU\(%\) +MEMORY\(bytes\) +MEMORY\(%\)' expect "top nodes header" "$K" top nodes
want='^[a-z0-9.-]+ +[0-9]+m +[0-9]+% +[0-9]+Mi +[0-9]+%' expect "top nodes numbers" bash -c "'$K' top nodes --no-headers"
want='^2$' expect "every Ready node has metrics" bash -c "'$K' top nodes --no-headers | wc -l"

want='created' expect "create deployment" "$K" create deployment web --image=nginx:1.25 --replicas=2
want='successfully rolled out' expect "rollout completes" timeout 60 "$K" rollout status deploy/web
want='created' expect "create other" "$K" create deployment db --image=redis:7
want='successfully rolled out' expect "db rolls out" timeout 60 "$K" rollout status deploy/db

want='^NAME +CPU\(cores\) +MEMORY\(bytes\)' expect "top pods header" "$K" top pods
want='^2$' expect "top pods -l app=web selects two" bash -c "'$K' top pods -l app=web --no-headers | grep -c '^web-'"
want='^web-[a-z0-9-]+ +[0-9]+m +[0-9]+Mi' expect "top pods -l numbers" "$K" top pods -l app=web --no-headers
want='^0$' expect "top pods -l app=web leaves db out" bash -c "'$K' top pods -l app=web --no-headers | grep -c '^db-' || true"
want='^default +(web|db)-' expect "top pods -A" "$K" top pods -A
pod=$("$K" get pods -l app=web -o jsonpath='{.items[0].metadata.name}')
want="^POD +NAME +CPU\(cores\) +MEMORY\(bytes\)" expect "top pod --containers header" "$K" top pod "$pod" --containers
want="^$pod +nginx +[0-9]+m +[0-9]+Mi" expect "top pod --containers row" "$K" top pod "$pod" --containers --no-headers
want='"containers":\[\{"name":"nginx","usage":\{"cpu":"[0-9]+n".*"kind":"PodMetrics"' expect "raw pod metrics" "$K" get --raw "/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/$pod"
want="podmetrics.metrics.k8s.io \"default/nope\" not found" expect_fail "unknown pod: NotFound" "$K" top pod nope
want="nodemetrics.metrics.k8s.io \"nope\" not found" expect_fail "unknown node: NotFound" "$K" top node nope
want='"items":\[\]' expect "pods list of an empty namespace" "$K" get --raw /apis/metrics.k8s.io/v1beta1/namespaces/kube-public/pods

# A pod that never runs (an image that cannot be pulled) has no metrics.
want='created' expect "create stuck pod" "$K" run stuck --image=does-not-exist.invalid/none:1
want='NotFound' expect_fail "pending pod: no metrics" "$K" top pod stuck

# Node usage includes its pods: the node with both web pods' neighbours is above the system base.
want='^[0-9]+$' expect "node usage is a number" bash -c "'$K' get --raw /apis/metrics.k8s.io/v1beta1/nodes | grep -o '\"cpu\":\"[0-9]*n' | head -1 | grep -o '[0-9]*'"
want='MethodNotAllowed' expect_fail "watch is refused" "$K" get --raw "/apis/metrics.k8s.io/v1beta1/nodes?watch=true"
"$K" top nodes; "$K" top pods -A; "$K" top pod "$pod" --containers
finish
