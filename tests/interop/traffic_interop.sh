#!/usr/bin/env bash
# Interop: the course's Service lessons with the real kubectl and curl against a fresh
# timonel-cluster — expose a deployment as a NodePort and curl it on loopback, Endpoints list
# the pod IPs, a canary (3 × v1 + 1 × v2) gets about a quarter of the traffic on v2, and a
# blue-green switch with `kubectl patch svc` moves all traffic at once.
# Usage: traffic_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2"

want='created' expect "create deployment" "$K" create deployment hello --image=nginx:1.25 --replicas=2
want='successfully rolled out' expect "rollout completes" timeout 60 "$K" rollout status deploy/hello
want='exposed' expect "expose as NodePort" "$K" expose deployment hello --type=NodePort --port=80
port=$("$K" get svc hello -o jsonpath='{.spec.ports[0].nodePort}')
want='^3[0-9]{4}$' expect "nodePort allocated" echo "$port"
pods=$("$K" get pods -l app=hello -o jsonpath='{.items[*].metadata.name}')
want="Served by ($(tr ' ' '|' <<<"$pods"))" eventually 20 "curl the node port names a pod of hello" curl -s "127.0.0.1:$port"
ips=$("$K" get pods -l app=hello -o jsonpath='{.items[*].status.podIP}')
for ip in $ips; do
  want="$ip:80" expect "endpoints list pod IP $ip" "$K" get endpoints hello
done
want='hello-[a-z0-9]+ +IPv4 +80 ' expect "endpointslice of the service" "$K" get endpointslices -l kubernetes.io/service-name=hello

# The canary: one Service over two Deployments sharing app=myapp.
"$K" apply -f - >/dev/null <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata: {name: app-v1}
spec:
  replicas: 3
  selector: {matchLabels: {app: myapp, version: "1.0.0"}}
  template:
    metadata: {labels: {app: myapp, version: "1.0.0"}}
    spec: {containers: [{name: app, image: "learnk8s/app:1.0.0", ports: [{containerPort: 8080}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app-v2}
spec:
  replicas: 1
  selector: {matchLabels: {app: myapp, version: "2.0.0"}}
  template:
    metadata: {labels: {app: myapp, version: "2.0.0"}}
    spec: {containers: [{name: app, image: "learnk8s/app:2.0.0", ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: myapp}
spec:
  type: NodePort
  selector: {app: myapp}
  ports: [{port: 80, targetPort: 8080}]
EOF
want='successfully rolled out' expect "v1 rolled out" timeout 60 "$K" rollout status deploy/app-v1
want='successfully rolled out' expect "v2 rolled out" timeout 60 "$K" rollout status deploy/app-v2
want='^4$' eventually 20 "four ready endpoints" bash -c "'$K' get endpoints myapp -o jsonpath='{.subsets[*].addresses[*].ip}' | wc -w"
port=$("$K" get svc myapp -o jsonpath='{.spec.ports[0].nodePort}')
# Without a readiness probe a pod is Ready once started; its server needs the image's startup time.
want='' eventually 20 "every canary pod answers" bash -c "for _ in \$(seq 40); do curl -sf 127.0.0.1:$port/ >/dev/null || exit 1; done"
v2=$(for _ in $(seq 1000); do curl -s "127.0.0.1:$port/"; done | grep -c 'version 2.0.0')
echo "     canary: $v2 of 1000 requests reached v2"
want='^ok$' expect "canary gets 25 % ± 5 % of 1000 requests" bash -c "[ $v2 -ge 200 ] && [ $v2 -le 300 ] && echo ok || echo 'v2: $v2'"

# Blue-green: a Service pinned to 1.0.0, switched to 2.0.0 by patching its selector.
want='exposed' expect "blue-green service" "$K" expose deployment app-v1 --name=bluegreen --type=NodePort --port=80 --target-port=8080
port=$("$K" get svc bluegreen -o jsonpath='{.spec.ports[0].nodePort}')
want='^3$' eventually 20 "three blue endpoints" bash -c "'$K' get endpoints bluegreen -o jsonpath='{.subsets[*].addresses[*].ip}' | wc -w"
want='^50$' expect "all traffic on blue" bash -c "for _ in \$(seq 50); do curl -s 127.0.0.1:$port/; done | grep -c 'version 1.0.0'"
want='patched' expect "switch selector to green" "$K" patch svc bluegreen -p '{"spec":{"selector":{"app":"myapp","version":"2.0.0"}}}'
want='^1$' eventually 20 "one green endpoint" bash -c "'$K' get endpoints bluegreen -o jsonpath='{.subsets[*].addresses[*].ip}' | wc -w"
want='^50$' expect "all traffic on green" bash -c "for _ in \$(seq 50); do curl -s 127.0.0.1:$port/; done | grep -c 'version 2.0.0'"

# LoadBalancer: ingress on loopback; deleting the Service closes its port.
want='exposed' expect "expose as LoadBalancer" "$K" expose deployment hello --name=hello-lb --type=LoadBalancer --port=80
want='127\.0\.0\.1' eventually 20 "external IP is 127.0.0.1" "$K" get svc hello-lb
port=$("$K" get svc hello-lb -o jsonpath='{.spec.ports[0].nodePort}')
want='Served by hello-' eventually 20 "curl the LoadBalancer node port" curl -s "127.0.0.1:$port"
want='deleted' expect "delete the LoadBalancer service" "$K" delete svc hello-lb
want='^closed$' eventually 20 "its port closes" bash -c "curl -s 127.0.0.1:$port >/dev/null && echo open || echo closed"

finish
