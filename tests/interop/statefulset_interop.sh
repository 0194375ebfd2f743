#!/usr/bin/env bash
# Interop: the classic StatefulSet lesson with the real kubectl against a fresh timonel-cluster —
# a headless Service and StatefulSet web (nginx, 3 replicas, volumeClaimTemplates www): members
# created in order with stable names and claims, a deleted member coming back, scale-down from
# the highest ordinal keeping its claim, rolling updates through ControllerRevisions (status,
# history, undo, restart), a partition, and deletion keeping the claims.
# Usage: statefulset_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2"

cat > "$work/web.yaml" <<'EOF'
apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels: {app: nginx}
spec:
  ports: [{port: 80, name: web}]
  clusterIP: None
  selector: {app: nginx}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels: {app: nginx}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports: [{containerPort: 80, name: web}]
        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
  volumeClaimTemplates:
  - metadata: {name: www}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
EOF

# Watch the pods while the set is created: the order kubectl sees is the order that counts.
"$K" get pods -l app=nginx -w --no-headers > "$work/watch.out" 2>&1 &
watcher=$!
sleep 1
want='statefulset.apps/web created' expect "apply the Service and StatefulSet" "$K" apply -f "$work/web.yaml"
want='roll(ed)? ?out complete|rolling update complete' expect "rollout status returns when all are ready" timeout 120 "$K" rollout status sts/web
kill "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null
ordered() {
  local ready0 first1 ready1 first2
  ready0=$(grep -n '^web-0 .*1/1 .*Running' "$work/watch.out" | head -1 | cut -d: -f1)
  first1=$(grep -n '^web-1 ' "$work/watch.out" | head -1 | cut -d: -f1)
  ready1=$(grep -n '^web-1 .*1/1 .*Running' "$work/watch.out" | head -1 | cut -d: -f1)
  first2=$(grep -n '^web-2 ' "$work/watch.out" | head -1 | cut -d: -f1)
  [ -n "$ready0" ] && [ -n "$first1" ] && [ -n "$ready1" ] && [ -n "$first2" ] && [ "$ready0" -lt "$first1" ] && [ "$ready1" -lt "$first2" ] && echo in-order
}
want='^in-order$' expect "web-1 appears after web-0 is ready, web-2 after web-1 (kubectl get -w)" ordered
want='^web-0 web-1 web-2$' expect "stable names web-0..2" "$K" get pods -l app=nginx -o 'jsonpath={.items[*].metadata.name}'
want='^web +3/3 ' expect "get sts shows 3/3 ready" "$K" get sts web --no-headers
want='^web-1\.nginx$' expect "hostname and subdomain" "$K" get pod web-1 -o 'jsonpath={.spec.hostname}.{.spec.subdomain}'
want='^1 web-1$' expect "pod-index and pod-name labels" "$K" get pod web-1 -o "jsonpath={.metadata.labels['apps\.kubernetes\.io/pod-index']} {.metadata.labels['statefulset\.kubernetes\.io/pod-name']}"
want='^www-web-0 www-web-1 www-web-2$' expect "get pvc shows www-web-0..2" "$K" get pvc -o 'jsonpath={.items[*].metadata.name}'
want='^www-web-2$' expect "web-2 mounts www-web-2" "$K" get pod web-2 -o 'jsonpath={.spec.volumes[?(@.name=="www")].persistentVolumeClaim.claimName}'
want='create Pod web-0 in StatefulSet web successful' expect "SuccessfulCreate pod event" "$K" get events
want='create Claim www-web-0 Pod web-0 in StatefulSet web success' expect "SuccessfulCreate claim event" "$K" get events
want='^web-[a-z0-9]+ ' expect "a ControllerRevision for the template" "$K" get controllerrevisions --no-headers

uid=$("$K" get pod web-1 -o 'jsonpath={.metadata.uid}')
want='pod "web-1" deleted' expect "delete web-1" "$K" delete pod web-1
want='^web-1 +1/1 +Running' eventually 60 "web-1 comes back with its name" bash -c "[ \"\$('$K' get pod web-1 -o 'jsonpath={.metadata.uid}')\" != '$uid' ] && '$K' get pod web-1 --no-headers"

want='statefulset.apps/web scaled' expect "scale --replicas=2" "$K" scale sts web --replicas=2
want='^web-0 web-1$' eventually 60 "web-2 removed" "$K" get pods -l app=nginx -o 'jsonpath={.items[*].metadata.name}'
want='delete Pod web-2 in StatefulSet web successful' expect "SuccessfulDelete event" "$K" get events
want='^www-web-0 www-web-1 www-web-2$' expect "www-web-2 is kept" "$K" get pvc -o 'jsonpath={.items[*].metadata.name}'

want='image updated' expect "set image" "$K" set image sts/web nginx=nginx:1.26
want='roll(ed)? ?out complete|rolling update complete' expect "rollout status of the update" timeout 120 "$K" rollout status sts/web
want='^nginx:1\.26 nginx:1\.26$' expect "members run the new image" "$K" get pods -l app=nginx -o 'jsonpath={.items[*].spec.containers[0].image}'
want='^2$' expect "rollout history lists revisions 1 and 2" bash -c "'$K' rollout history sts/web | grep -cE '^(1|2) '"
want='nginx:1\.25' expect "rollout history --revision=1 shows its template" "$K" rollout history sts/web --revision=1
want='rolled back' expect "rollout undo" "$K" rollout undo sts/web
want='roll(ed)? ?out complete|rolling update complete' expect "undo completes" timeout 120 "$K" rollout status sts/web
want='^nginx:1\.25 nginx:1\.25$' expect "members run revision 1's image again" "$K" get pods -l app=nginx -o 'jsonpath={.items[*].spec.containers[0].image}'
want='^2 3 $' expect "revision 1 became 3" bash -c "'$K' rollout history sts/web | grep -oE '^[0-9]+' | tr '\n' ' '"
want='rolled back' expect "rollout undo --to-revision=2" "$K" rollout undo sts/web --to-revision=2
want='roll(ed)? ?out complete|rolling update complete' expect "undo to 2 completes" timeout 120 "$K" rollout status sts/web
want='^nginx:1\.26$' expect "template is revision 2's again" "$K" get sts web -o 'jsonpath={.spec.template.spec.containers[0].image}'
want='restarted' expect "rollout restart" "$K" rollout restart sts/web
want='roll(ed)? ?out complete|rolling update complete' expect "restart completes" timeout 120 "$K" rollout status sts/web
want='^[0-9TZ:-]+ [0-9TZ:-]+$' expect "members carry restartedAt" "$K" get pods -l app=nginx -o "jsonpath={.items[*].metadata.annotations['kubectl\.kubernetes\.io/restartedAt']}"

want='patched' expect "partition 1" "$K" patch sts web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":1}}}}'
want='image updated' expect "set image with a partition" "$K" set image sts/web nginx=nginx:1.27
want='partitioned roll out complete: 1 new pods have been updated' expect "rollout status says the partition is done" timeout 120 "$K" rollout status sts/web
want='^nginx:1\.26 nginx:1\.27$' expect "only web-1 was updated" "$K" get pods -l app=nginx -o 'jsonpath={.items[*].spec.containers[0].image}'

want='statefulset.apps "web" deleted' expect "delete the StatefulSet" "$K" delete sts web
want='^$' eventually 60 "its pods are collected" "$K" get pods -l app=nginx -o 'jsonpath={.items[*].metadata.name}'
want='^www-web-0 www-web-1 www-web-2$' expect "its claims are kept" "$K" get pvc -o 'jsonpath={.items[*].metadata.name}'

finish
