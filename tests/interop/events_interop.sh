#!/usr/bin/env bash
# Interop: Events as the real kubectl shows them, written through the controllers' and kubelets'
# EventRecorder (client-go's correlator): `describe pod` lists the scheduler's and the kubelet's
# events (Scheduled, Pulled, Created, Started); a ReplicaSet creating 12 pods writes 9
# "Created pod" Events and one "(combined from similar events)" Event counted 3 times; a
# crash-looping container's repeated BackOff is one Event whose count grows.
# Usage: events_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2" --nodes 2

want='created' expect "create deployment" "$K" create deployment one --image=nginx:1.25 --replicas=1
want='successfully rolled out' expect "rollout status" timeout 60 "$K" rollout status deploy/one
pod=$("$K" get pods -l app=one -o jsonpath='{.items[0].metadata.name}')
for reason in 'Scheduled .*default-scheduler +Successfully assigned default/one-' 'Pulled .*kubelet .*(Successfully pulled image|already present)' \
              'Created .*kubelet .*Created container:? nginx' 'Started .*kubelet .*Started container nginx'; do
  want="Normal +($reason)" eventually 20 "describe pod shows ${reason%% *}" bash -c "'$K' describe pod $pod | sed -n '/^Events:/,\$p'"
done

want='created' expect "create deployment of 12" "$K" create deployment many --image=nginx:1.25 --replicas=12
want='successfully rolled out' expect "12 pods roll out" timeout 90 "$K" rollout status deploy/many
rs=$("$K" get rs -l app=many -o jsonpath='{.items[0].metadata.name}')
want='^9$' eventually 20 "9 plain SuccessfulCreate Events" bash -c \
  "'$K' get events --field-selector involvedObject.name=$rs,reason=SuccessfulCreate -o jsonpath='{range .items[*]}{.message}{\"\\n\"}{end}' | grep -c '^Created pod: many-'"
want='^3 \(combined from similar events\): Created pod: many-' eventually 20 "one combined Event, counted 3 times" bash -c \
  "'$K' get events --field-selector involvedObject.name=$rs,reason=SuccessfulCreate -o jsonpath='{range .items[*]}{.count} {.message}{\"\\n\"}{end}' | grep combined"
want='\(combined from similar events\)' expect "get events shows it" "$K" get events

want='created' expect "crash-looping pod" "$K" run crash --image=busybox:1.36 --restart=Always -- sh -c 'exit 1'
want='^([2-9]|[1-9][0-9]+)$' eventually 90 "BackOff is one Event with a growing count" bash -c \
  "'$K' get events --field-selector involvedObject.name=crash,reason=BackOff -o jsonpath='{range .items[*]}{.count}{\"\\n\"}{end}' | sort -n | tail -1"
want='^1$' expect "…and only one BackOff Event object" bash -c \
  "'$K' get events --field-selector involvedObject.name=crash,reason=BackOff --no-headers | wc -l"

finish
