#!/usr/bin/env bash
# Interop: the course's workload commands with the real kubectl against a fresh timonel-cluster,
# whose controllers, scheduler and simulated kubelets make them happen: deployments, rolling
# updates, history, undo, pause/resume, restart, self-healing, events, cordon and drain.
# Usage: workloads_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2" --nodes 2

want='created' expect "create deployment" "$K" create deployment web --image=nginx:1.25 --replicas=3
want='successfully rolled out' expect "rollout status returns when done" timeout 60 "$K" rollout status deploy/web
want='^3$' expect "three pods running" bash -c "'$K' get pods -l app=web --field-selector=status.phase=Running --no-headers | wc -l"
want='web-[a-z0-9]+ +3 +3 +3' expect "ReplicaSet named after the template hash" "$K" get rs -l app=web
want='Scaled up replica set web-[a-z0-9]+ from 0 to 3' expect "ScalingReplicaSet event" "$K" get events
want='Started container nginx' expect "kubelet events" "$K" get events
want='Successfully assigned default/web-' expect "Scheduled event" "$K" get events

want='annotated' expect "change-cause" "$K" annotate deploy/web kubernetes.io/change-cause="nginx 1.26"
want='image updated' expect "set image" "$K" set image deploy/web nginx=nginx:1.26
want='successfully rolled out' expect "rolling update completes" timeout 90 "$K" rollout status deploy/web
want='nginx:1\.26' expect "pods run the new image" bash -c "'$K' get pods -l app=web -o jsonpath='{.items[*].spec.containers[0].image}'"
want='^2 +nginx 1\.26' expect "rollout history" bash -c "'$K' rollout history deploy/web | grep -E '^[0-9]'"
want='rolled back' expect "rollout undo --to-revision=1" "$K" rollout undo deploy/web --to-revision=1
want='successfully rolled out' expect "undo completes" timeout 90 "$K" rollout status deploy/web
want='^nginx:1\.25$' expect "template is revision 1's again" "$K" get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'
want='^3 ' expect "history moved revision 1 to 3" bash -c "'$K' rollout history deploy/web | grep -E '^[0-9]' | tail -1"

want='paused' expect "rollout pause" "$K" rollout pause deploy/web
want='image updated' expect "set image while paused" "$K" set image deploy/web nginx=nginx:1.27
sleep 2
want='^0$' expect "paused: no new ReplicaSet" bash -c "'$K' get rs -l app=web -o jsonpath='{range .items[*]}{.spec.template.spec.containers[0].image}{\"\\n\"}{end}' | grep -c 1.27 || true"
want='resumed' expect "rollout resume" "$K" rollout resume deploy/web
want='successfully rolled out' expect "resumed rollout completes" timeout 90 "$K" rollout status deploy/web
want='restarted' expect "rollout restart" "$K" rollout restart deploy/web
want='successfully rolled out' expect "restart completes" timeout 90 "$K" rollout status deploy/web

# rollout status returns once old pods are told to stop; they linger while terminating, so wait
# for them to go before picking one to delete.
want='^3$' eventually 60 "old pods gone after the restart" bash -c "'$K' get pods -l app=web --no-headers | wc -l"
victim=$("$K" get pods -l app=web -o jsonpath='{.items[0].metadata.name}')
want='deleted' expect "delete a pod" "$K" delete pod "$victim"
want='^3$' eventually 30 "a replacement appears" bash -c "'$K' get pods -l app=web --field-selector=status.phase=Running --no-headers | grep -v '$victim' | wc -l"

want='scaled' expect "scale to 4" "$K" scale deploy/web --replicas=4
want='4/4' eventually 30 "four ready" "$K" get deploy web

want='ImagePullBackOff|ErrImagePull' eventually 30 "unknown image fails to pull" bash -c "'$K' run typo --image=ngnix:latest >/dev/null 2>&1; '$K' get pod typo"

want='cordoned' expect "cordon node 1" "$K" cordon timonel-node-1
want='drained' expect "drain --ignore-daemonsets evicts" timeout 60 "$K" drain timonel-node-1 --ignore-daemonsets --force --timeout=50s
want='^$' expect "no web pod left on node 1" bash -c "'$K' get pods -l app=web -o wide --no-headers | grep timonel-node-1 || true"
want='4/4' eventually 60 "replacements run on node 2" "$K" get deploy web
want='uncordoned' expect "uncordon" "$K" uncordon timonel-node-1

want='Insufficient cpu' eventually 30 "a pod that fits nowhere says why" bash -c "'$K' run huge --image=nginx --overrides='{\"spec\":{\"containers\":[{\"name\":\"huge\",\"image\":\"nginx\",\"resources\":{\"requests\":{\"cpu\":\"64\"}}}]}}' >/dev/null 2>&1; '$K' get events --field-selector involvedObject.name=huge"

want='created' expect "create job" "$K" create job hello --image=busybox -- sh -c 'echo hello from the job'
want='condition met' expect "job runs to completion (kubectl wait)" timeout 90 "$K" wait --for=condition=complete job/hello --timeout=80s
want='^1$' expect "one pod succeeded" "$K" get job hello -o jsonpath='{.status.succeeded}'
want='batch.kubernetes.io/job-name=hello' expect "job pods carry the job's labels" "$K" get pods -l job-name=hello --show-labels
want='created' expect "create a job that fails" "$K" create job broken --image=busybox -- sh -c 'exit 3'
want='^1$' expect "backoffLimit 1" bash -c "'$K' patch job broken --type=merge -p '{\"spec\":{\"backoffLimit\":1}}' >/dev/null && echo 1"
want='condition met' expect "failing job ends Failed" timeout 120 "$K" wait --for=condition=failed job/broken --timeout=110s

finish
