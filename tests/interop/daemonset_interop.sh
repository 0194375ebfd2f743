#!/usr/bin/env bash
# Interop: DaemonSets with the real kubectl against a fresh three-node timonel-cluster — one pod
# per node, rollout status / history / undo / restart through ControllerRevisions, drain
# --ignore-daemonsets leaving the daemon pod, and a deleted daemon pod coming back on its node.
# Usage: daemonset_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2" --nodes 3

want='daemonset.apps/agent created' expect "create a DaemonSet from YAML" bash -c "'$K' apply -f - <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  annotations:
    kubernetes.io/change-cause: first release
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      containers:
      - name: agent
        image: nginx:1.25
EOF"
want='successfully rolled out' expect "rollout status returns when done" timeout 90 "$K" rollout status ds/agent --timeout=80s
want='^3$' eventually 30 "a running pod on each of the three nodes" bash -c "'$K' get pods -l app=agent --field-selector=status.phase=Running -o jsonpath='{range .items[*]}{.spec.nodeName}{\"\\n\"}{end}' | sort -u | wc -l"
want='timonel-node-1.*|timonel-node-2.*|timonel-node-3' expect "get pods -o wide shows the nodes" "$K" get pods -l app=agent -o wide
want='agent +3 +3 +3 +3 +3' expect "get ds columns" "$K" get ds agent
want='agent-[a-z0-9]+ +daemonset.apps/agent +1' expect "a ControllerRevision" "$K" get controllerrevisions
want='Created pod: agent-' expect "SuccessfulCreate events" "$K" get events --field-selector involvedObject.kind=DaemonSet

want='not-ready.*unreachable.*disk-pressure.*memory-pressure.*pid-pressure.*unschedulable' expect "daemon tolerations" bash -c "'$K' get pods -l app=agent -o jsonpath='{range .items[0].spec.tolerations[*]}{.key} {end}'"

want='^agent:|image updated' expect "set image" "$K" set image ds/agent agent=nginx:1.26
want='successfully rolled out' expect "rolling update completes" timeout 120 "$K" rollout status ds/agent --timeout=110s
want='^nginx:1\.26 nginx:1\.26 nginx:1\.26$' eventually 60 "every pod runs the new image" bash -c "'$K' get pods -l app=agent --field-selector=status.phase=Running -o jsonpath='{.items[*].spec.containers[0].image}'"
want='^2$' expect "rollout history lists 2 revisions" bash -c "'$K' rollout history ds/agent | grep -cE '^[0-9]+ '"
want='^1 +first release' expect "change-cause in the history" bash -c "'$K' rollout history ds/agent | grep -E '^1 '"
want='nginx:1\.25' expect "rollout history --revision=1 shows its template" "$K" rollout history ds/agent --revision=1

want='rolled back' expect "rollout undo" "$K" rollout undo ds/agent
want='successfully rolled out' expect "undo completes" timeout 120 "$K" rollout status ds/agent --timeout=110s
want='^nginx:1\.25$' expect "template is revision 1's again" "$K" get ds agent -o jsonpath='{.spec.template.spec.containers[0].image}'
want='^2 3 $' expect "revision 1 became 3" bash -c "'$K' rollout history ds/agent | grep -E '^[0-9]+ ' | awk '{printf \"%s \", \$1}'"
want='^nginx:1\.25 nginx:1\.25 nginx:1\.25$' eventually 60 "pods back on the old image" bash -c "'$K' get pods -l app=agent --field-selector=status.phase=Running -o jsonpath='{.items[*].spec.containers[0].image}'"
want='rolled back' expect "rollout undo --to-revision=2" "$K" rollout undo ds/agent --to-revision=2
want='successfully rolled out' expect "undo to 2 completes" timeout 120 "$K" rollout status ds/agent --timeout=110s
want='^nginx:1\.26$' expect "template is revision 2's" "$K" get ds agent -o jsonpath='{.spec.template.spec.containers[0].image}'

want='restarted' expect "rollout restart" "$K" rollout restart ds/agent
want='successfully rolled out' expect "restart completes" timeout 120 "$K" rollout status ds/agent --timeout=110s
want='^3$' eventually 60 "restarted pods carry restartedAt" bash -c "'$K' get pods -l app=agent --field-selector=status.phase=Running -o jsonpath='{range .items[*]}{.metadata.annotations.kubectl\.kubernetes\.io/restartedAt}{\"\\n\"}{end}' | grep -c ."

want='created' expect "a deployment to drain" "$K" create deployment web --image=nginx:1.25 --replicas=2
want='successfully rolled out' expect "deployment ready" timeout 60 "$K" rollout status deploy/web --timeout=50s
daemon_on_1=$("$K" get pods -l app=agent --field-selector=spec.nodeName=timonel-node-1 -o jsonpath='{.items[0].metadata.name}')
want='drained' expect "drain --ignore-daemonsets" timeout 90 "$K" drain timonel-node-1 --ignore-daemonsets --timeout=80s
want="^$daemon_on_1 Running$" expect "the daemon pod stays on the drained node" bash -c "'$K' get pods -l app=agent --field-selector=spec.nodeName=timonel-node-1 -o jsonpath='{range .items[*]}{.metadata.name} {.status.phase}{end}'"
want='^$' expect "no deployment pod left on node 1" bash -c "'$K' get pods -l app=web --field-selector=spec.nodeName=timonel-node-1 --no-headers 2>/dev/null | grep -v Terminating || true"

want='deleted' expect "delete the daemon pod of the cordoned node" "$K" delete pod "$daemon_on_1"
want='^1$' eventually 60 "a new daemon pod runs on the cordoned node" bash -c "'$K' get pods -l app=agent --field-selector=spec.nodeName=timonel-node-1,status.phase=Running -o jsonpath='{range .items[*]}{.metadata.name}{\"\\n\"}{end}' | grep -vc '^$daemon_on_1\$'"
want='uncordoned' expect "uncordon" "$K" uncordon timonel-node-1

want='node/timonel-node-3 labeled' expect "label a node" "$K" label node timonel-node-3 disk=ssd
want='daemonset.apps/ssd created' expect "a DaemonSet with a nodeSelector" bash -c "'$K' apply -f - <<'EOF'
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ssd
spec:
  selector:
    matchLabels:
      app: ssd
  template:
    metadata:
      labels:
        app: ssd
    spec:
      nodeSelector:
        disk: ssd
      containers:
      - name: ssd
        image: nginx:1.25
EOF"
want='successfully rolled out' expect "nodeSelector set rolls out" timeout 60 "$K" rollout status ds/ssd --timeout=50s
want='^timonel-node-3$' expect "its only pod is on the labelled node" "$K" get pods -l app=ssd -o jsonpath='{.items[*].spec.nodeName}'
want='ssd +1 +1 +1 +1 +1 +disk=ssd' expect "NODE SELECTOR column" "$K" get ds ssd

want='daemonset.apps "agent" deleted' expect "delete the DaemonSet" "$K" delete ds agent
want='^0$' eventually 60 "its pods are collected" bash -c "'$K' get pods -l app=agent --no-headers 2>/dev/null | wc -l"
want='^0$' eventually 30 "its revisions are collected" bash -c "'$K' get controllerrevisions -l app=agent --no-headers 2>/dev/null | wc -l"

finish
