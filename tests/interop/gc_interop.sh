#!/usr/bin/env bash
# Interop: cascading deletion with the real kubectl against a fresh timonel-cluster, whose
# garbage collector removes dependents (background, foreground) or lets them go (orphan), and
# the default ServiceAccount every namespace gets.
# Usage: gc_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2"

count() { "$K" get "$@" --no-headers 2>/dev/null | wc -l; }
export -f count; export K

want='created' expect "create deployment bg" "$K" create deployment bg --image=nginx --replicas=2
want='^2$' eventually 30 "bg has two pods" bash -c 'count pods -l app=bg'
want='deleted' expect "kubectl delete deploy (background)" "$K" delete deploy bg
want='^0$' eventually 30 "bg's ReplicaSet is collected" bash -c 'count rs -l app=bg'
want='^0$' eventually 60 "bg's pods are collected" bash -c 'count pods -l app=bg'

want='created' expect "create deployment orphan" "$K" create deployment orphan --image=nginx --replicas=2
want='^2$' eventually 30 "orphan has two pods" bash -c 'count pods -l app=orphan'
want='deleted' expect "kubectl delete deploy --cascade=orphan" "$K" delete deploy orphan --cascade=orphan
want='^0$' eventually 30 "the deployment is gone" bash -c 'count deploy orphan'
want='^1$' expect "its ReplicaSet survives" bash -c 'count rs -l app=orphan'
want='^$' expect "with no owner reference" "$K" get rs -l app=orphan -o jsonpath='{.items[0].metadata.ownerReferences}'
sleep 2
want='^2$' expect "and its pods keep running" bash -c "'$K' get pods -l app=orphan --field-selector=status.phase=Running --no-headers | wc -l"

want='created' expect "create deployment fg" "$K" create deployment fg --image=nginx --replicas=2
want='^2$' eventually 30 "fg has two pods" bash -c 'count pods -l app=fg'
want='deleted' expect "kubectl delete deploy --cascade=foreground waits" timeout 90 "$K" delete deploy fg --cascade=foreground --wait=true
want='NotFound' expect_fail "the deployment is gone" "$K" get deploy fg
want='^0$' expect "its ReplicaSet went first" bash -c 'count rs -l app=fg'
want='^0$' expect "its pods went first" bash -c 'count pods -l app=fg'

want='created' expect "kubectl create ns" "$K" create ns gc-fresh
want='^default ' eventually 30 "kubectl get sa shows default" bash -c "'$K' get sa -n gc-fresh --no-headers"
want='created' expect "kubectl run in the new namespace" "$K" run web -n gc-fresh --image=nginx
want='Running' eventually 30 "the pod runs" "$K" get pod web -n gc-fresh
want='deleted' expect "delete the default ServiceAccount" "$K" delete sa default -n gc-fresh
want='^default ' eventually 30 "it is recreated" bash -c "'$K' get sa -n gc-fresh --no-headers"
want='deleted' expect "namespace deletion completes (no fight with the collector)" timeout 90 "$K" delete ns gc-fresh
want='^0$' eventually 30 "the namespace is gone" bash -c 'count ns gc-fresh'

finish
