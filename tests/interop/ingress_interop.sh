#!/usr/bin/env bash
# Interop: the course's Ingress lesson with the real kubectl and curl against a fresh
# timonel-cluster — the default IngressClass "timonel", `kubectl create ingress` with two hosts
# (kubectl's own generator), each Host header reaching its Service's pods through the ingress
# port, the default backend's 404 for other hosts, the loopback ADDRESS, the Sync event, and a
# 503 once a Service has no ready pod.
# Usage: ingress_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2" --ingress-port 0

# The ingress port is printed on the line after "ready".
for _ in $(seq 100); do grep -q '^ingress http://127.0.0.1:' "$work/server.out" && break; sleep 0.05; done
port=$(sed -n 's|^ingress http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$work/server.out")
want='^[0-9]+$' expect "ingress port printed after ready" echo "$port"

want='^timonel \(default\) +timonel\.dev/ingress-controller +<none>' expect "default IngressClass" "$K" get ingressclass --no-headers
want='^true$' expect "default-class annotation" "$K" get ingressclass timonel -o "jsonpath={.metadata.annotations.ingressclass\.kubernetes\.io/is-default-class}"
want="^$port\$" expect "class names the port" "$K" get ingressclass timonel -o "jsonpath={.metadata.annotations.timonel\.dev/ingress-port}"

want='created' expect "deployment app-a" "$K" create deployment app-a --image=nginx:1.25 --replicas=2
want='created' expect "deployment app-b" "$K" create deployment app-b --image=learnk8s/app:1.0.0 --replicas=2 --port=8080
want='exposed' expect "service svc-a" "$K" expose deployment app-a --name=svc-a --port=80
want='exposed' expect "service svc-b" "$K" expose deployment app-b --name=svc-b --port=80 --target-port=8080
want='successfully rolled out' expect "app-a rolled out" timeout 60 "$K" rollout status deploy/app-a
want='successfully rolled out' expect "app-b rolled out" timeout 60 "$K" rollout status deploy/app-b

want='ingress.networking.k8s.io/demo created' expect "create ingress with two hosts" \
  "$K" create ingress demo --rule="a.test/*=svc-a:80" --rule="b.test/*=svc-b:80"
want='^demo +[^ ]+ +a\.test,b\.test +127\.0\.0\.1 +80 ' eventually 20 "get ingress shows HOSTS and ADDRESS" "$K" get ingress demo --no-headers
# Upstream's DefaultIngressClass admission writes the default class into a class-less Ingress.
want='^demo +timonel ' expect "get ingress shows CLASS timonel" "$K" get ingress demo --no-headers
want='^127\.0\.0\.1$' eventually 20 "status.loadBalancer on loopback" "$K" get ingress demo -o 'jsonpath={.status.loadBalancer.ingress[0].ip}'
want='Sync +Scheduled for sync|Scheduled for sync' eventually 20 "Sync event" "$K" get events --field-selector involvedObject.name=demo

pods_a=$("$K" get pods -l app=app-a -o jsonpath='{.items[*].metadata.name}')
pods_b=$("$K" get pods -l app=app-b -o jsonpath='{.items[*].metadata.name}')
want="Served by ($(tr ' ' '|' <<<"$pods_a"))" eventually 30 "Host a.test names a pod of app-a" curl -s -H 'Host: a.test' "127.0.0.1:$port/"
want="Hello from ($(tr ' ' '|' <<<"$pods_b"))" eventually 30 "Host b.test names a pod of app-b" curl -s -H 'Host: b.test' "127.0.0.1:$port/"
want='' eventually 20 "both hosts answer 20 times in a row" bash -c "for _ in \$(seq 20); do curl -sf -H 'Host: a.test' 127.0.0.1:$port/ >/dev/null && curl -sf -H 'Host: b.test' 127.0.0.1:$port/ >/dev/null || exit 1; done"
want='^20$' expect "a.test never reaches app-b" bash -c "for _ in \$(seq 20); do curl -s -H 'Host: a.test' 127.0.0.1:$port/; done | grep -c 'Served by app-a-'"
want='^20$' expect "b.test never reaches app-a" bash -c "for _ in \$(seq 20); do curl -s -H 'Host: b.test' 127.0.0.1:$port/; done | grep -c 'Hello from app-b-'"
want='^default backend - 404$' expect "unknown host gets the default backend" curl -s -H 'Host: c.test' "127.0.0.1:$port/"
want='^404$' expect "with status 404" curl -s -o /dev/null -w '%{http_code}' -H 'Host: c.test' "127.0.0.1:$port/"

# Exact and Prefix paths from a manifest, an Ingress of another class ignored.
"$K" apply -f - >/dev/null <<'EOF2'
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: paths}
spec:
  ingressClassName: timonel
  rules:
  - host: p.test
    http:
      paths:
      - {path: /a, pathType: Prefix, backend: {service: {name: svc-a, port: {number: 80}}}}
      - {path: /b, pathType: Exact, backend: {service: {name: svc-b, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: other-class}
spec:
  ingressClassName: nginx
  rules:
  - host: o.test
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: svc-a, port: {number: 80}}}}
EOF2
# The path reaches the pod unchanged (no rewrite, as ingress-nginx): its server may answer 404
# itself, so the pod that served is read from the X-Timonel-Served-By header.
want='X-Timonel-Served-By: app-a-' eventually 20 "Prefix /a matches /a/x" curl -s -D - -o /dev/null -H 'Host: p.test' "127.0.0.1:$port/a/x"
want='^default backend - 404$' expect "Prefix /a does not match /ab" curl -s -H 'Host: p.test' "127.0.0.1:$port/ab"
want='X-Timonel-Served-By: app-b-' expect "Exact /b matches /b" curl -s -D - -o /dev/null -H 'Host: p.test' "127.0.0.1:$port/b"
want='^default backend - 404$' expect "Exact /b does not match /b/x" curl -s -H 'Host: p.test' "127.0.0.1:$port/b/x"
want='^default backend - 404$' expect "another class's Ingress is not served" curl -s -H 'Host: o.test' "127.0.0.1:$port/"
want='^other-class +nginx +o\.test +80 ' expect "and gets no ADDRESS" "$K" get ingress other-class --no-headers

# No ready pod behind a Service: 503 naming it.
want='scaled' expect "scale app-a to zero" "$K" scale deploy/app-a --replicas=0
want='no ready endpoints for service default/svc-a' eventually 30 "503 when svc-a has no ready pod" curl -s -H 'Host: a.test' "127.0.0.1:$port/"
want='^503$' expect "status 503" curl -s -o /dev/null -w '%{http_code}' -H 'Host: a.test' "127.0.0.1:$port/"

want='deleted' expect "delete the ingress" "$K" delete ingress demo
want='^default backend - 404$' eventually 20 "its hosts are gone" curl -s -H 'Host: b.test' "127.0.0.1:$port/"

finish
