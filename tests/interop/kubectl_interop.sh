#!/usr/bin/env bash
# Interop: the real kubectl v1.35 and helm v4 against a fresh timonel-cluster. Each step checks
# the output or the resulting state, not just the exit code. When a client disagrees with us,
# we are wrong.
# Usage: kubectl_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2" --nodes 2

# --- kubeconfig written as kubectl expects it ---
want='^600$' expect "kubeconfig is 0600" stat -c %a "$KUBECONFIG"
want='^timonel$' expect "current context" "$K" config current-context

# --- discovery, version, health ---
want='Server Version: v1\.35\.' expect "version" "$K" version
want='is running at https://127\.0\.0\.1' expect "cluster-info" "$K" cluster-info
want='deployments +deploy +apps/v1 +true +Deployment' expect "api-resources" "$K" api-resources
want='^rbac\.authorization\.k8s\.io/v1$' expect "api-versions" "$K" api-versions
want='kube-system +Active' expect "get ns" "$K" get ns
want='^ok$' expect "readyz" "$K" get --raw /readyz
want='DeploymentStrategy' expect "explain deployment.spec.strategy" "$K" explain deployment.spec.strategy

# --- nodes (--nodes 2), cordon and uncordon ---
want='timonel-node-2 +Ready' expect "get nodes shows --nodes 2" "$K" get nodes
want='cordoned' expect "cordon" "$K" cordon timonel-node-2
want='timonel-node-2 +Ready,SchedulingDisabled' expect "cordoned node shows SchedulingDisabled" "$K" get nodes
want='uncordoned' expect "uncordon" "$K" uncordon timonel-node-2

# --- create, get, columns ---
want='namespace/demo created' expect "create ns demo" "$K" create ns demo
want='deployment.apps/web created' expect "create deployment" "$K" create deployment web --image=nginx:1.25 -n demo
want='^NAME +READY +UP-TO-DATE +AVAILABLE +AGE' expect "get deploy columns" "$K" get deploy -n demo
want='CONTAINERS +IMAGES +SELECTOR' expect "get deploy -o wide" "$K" get deploy -n demo -o wide
want='^NAMESPACE +NAME' expect "get deploy -A" "$K" get deploy -A
want='web' expect "get -l app=web" "$K" get deploy -n demo -l app=web
want='No resources found' expect "get -l app=none" "$K" get deploy -n demo -l app=none
want='^nginx:1\.25$' expect "jsonpath" "$K" get deploy web -n demo -o jsonpath='{.spec.template.spec.containers[0].image}'
want='^web +1$' expect "custom-columns" "$K" get deploy web -n demo -o custom-columns=N:.metadata.name,R:.spec.replicas --no-headers
want='"kind": "Deployment"' expect "-o json" "$K" get deploy web -n demo -o json
want='imagePullPolicy: IfNotPresent' expect "-o yaml shows defaults" "$K" get deploy web -n demo -o yaml
want='kubernetes.io/metadata.name=kube-system' expect "--show-labels" "$K" get ns kube-system --show-labels

# --- apply (client side), re-apply with a change, server side, diff ---
cat > "$work/app.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: demo
  labels: {app: api}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: api
        image: httpd:2.4
        ports: [{containerPort: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: demo}
spec:
  selector: {app: api}
  ports: [{port: 80, targetPort: 80}]
YAML
want='deployment.apps/api created' expect "apply -f" "$K" apply -f "$work/app.yaml"
"$K" annotate deploy api -n demo kept=yes >/dev/null
sed -i 's/replicas: 2/replicas: 3/' "$work/app.yaml"
want='deployment.apps/api configured' expect "re-apply with a change" "$K" apply -f "$work/app.yaml"
want='^3 yes$' expect "change landed, rest kept" "$K" get deploy api -n demo -o jsonpath='{.spec.replicas} {.metadata.annotations.kept}'
sed -i 's/replicas: 3/replicas: 4/' "$work/app.yaml"
want='serverside-applied' expect "apply --server-side" "$K" apply --server-side --force-conflicts -f "$work/app.yaml"
want='^4$' expect "server-side apply landed" "$K" get deploy api -n demo -o jsonpath='{.spec.replicas}'
want='manager: kubectl' expect "managedFields recorded" "$K" get deploy api -n demo -o yaml --show-managed-fields
want='' expect "diff -f unchanged" "$K" diff -f "$work/app.yaml"
sed -i 's/replicas: 4/replicas: 5/' "$work/app.yaml"
out=$("$K" diff -f "$work/app.yaml" 2>&1); rc=$?
if [ $rc -eq 1 ] && grep -q '^+  replicas: 5' <<<"$out"; then pass "diff -f shows a change"; else fail "diff -f shows a change (rc $rc)" "$out"; fi

# --- label, annotate, scale, patch, edit ---
want='labeled' expect "label" "$K" label deploy web -n demo tier=front
want='annotated' expect "annotate" "$K" annotate deploy web -n demo note=hello
want='scaled' expect "scale --replicas=3" "$K" scale deploy web -n demo --replicas=3
want='^3 front hello$' expect "label/annotate/scale landed" "$K" get deploy web -n demo -o jsonpath='{.spec.replicas} {.metadata.labels.tier} {.metadata.annotations.note}'
want='^kubectl(-scale)? Update \{"f:spec":\{"f:replicas":\{\}\}\}$' expect "scale recorded its manager with subresource scale" \
  "$K" get deploy web -n demo --show-managed-fields -o jsonpath='{range .metadata.managedFields[?(@.subresource=="scale")]}{.manager} {.operation} {.fieldsV1}{end}'
want='patched' expect "patch --type=json" "$K" patch deploy web -n demo --type=json -p '[{"op":"replace","path":"/spec/replicas","value":4}]'
want='patched' expect "patch --type=merge" "$K" patch deploy web -n demo --type=merge -p '{"spec":{"minReadySeconds":2}}'
want='patched' expect "patch (strategic)" "$K" patch deploy web -n demo -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}'
want='^4 2 nginx:1\.26 nginx$' expect "patches landed, containers merged by name" "$K" get deploy web -n demo -o jsonpath='{.spec.replicas} {.spec.minReadySeconds} {.spec.template.spec.containers[0].image} {.spec.template.spec.containers[*].name}' 
want='edited' expect "edit with KUBE_EDITOR" env KUBE_EDITOR="sed -i s/minReadySeconds:\ 2/minReadySeconds:\ 9/" "$K" edit deploy web -n demo
want='^9$' expect "edit landed" "$K" get deploy web -n demo -o jsonpath='{.spec.minReadySeconds}'

# --- server-side apply against a field another manager updated: 409 naming it, then --force-conflicts ---
cat > "$work/ssa.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: demo}
spec:
  minReadySeconds: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.26}]
YAML
want='^kubectl-edit Update$' expect "edit recorded its manager" "$K" get deploy web -n demo -o jsonpath='{.metadata.managedFields[?(@.manager=="kubectl-edit")].manager} {.metadata.managedFields[?(@.manager=="kubectl-edit")].operation}'
want='Apply failed with 1 conflict: conflict with "kubectl-edit" using apps/v1: \.spec\.minReadySeconds' expect_fail "server-side apply conflicts with kubectl edit" "$K" apply --server-side -f "$work/ssa.yaml"
want='^9$' expect "the conflict changed nothing" "$K" get deploy web -n demo -o jsonpath='{.spec.minReadySeconds}'
want='serverside-applied' expect "--force-conflicts takes the field over" "$K" apply --server-side --force-conflicts -f "$work/ssa.yaml"
want='^3$' expect "forced apply landed" "$K" get deploy web -n demo -o jsonpath='{.spec.minReadySeconds}'

# --- watch sees a change made meanwhile ---
timeout 5 "$K" get deploy web -n demo -w --output-watch-events > "$work/watch.out" 2>&1 &
watch_pid=$!
sleep 1.5
"$K" scale deploy web -n demo --replicas=6 >/dev/null
wait $watch_pid
if grep -q '^MODIFIED' "$work/watch.out"; then pass "get -w sees a change"; else fail "get -w sees a change" "$(cat "$work/watch.out")"; fi

# --- typed creates (protobuf bodies) ---
want='secret/s1 created' expect "create secret generic" "$K" create secret generic s1 -n demo --from-literal=user=admin
want='^YWRtaW4=$' expect "secret data stored base64" "$K" get secret s1 -n demo -o jsonpath='{.data.user}'
want='configmap/c1 created' expect "create configmap --from-literal" "$K" create configmap c1 -n demo --from-literal=color=blue
want='^blue$' expect "configmap data" "$K" get cm c1 -n demo -o jsonpath='{.data.color}'
want='service/np created' expect "create service nodeport" "$K" create service nodeport np -n demo --tcp=80:8080
want='^NodePort$' expect "service type" "$K" get svc np -n demo -o jsonpath='{.spec.type}'
want='job.batch/j1 created' expect "create job" "$K" create job j1 -n demo --image=busybox -- echo hi
want='role.rbac.authorization.k8s.io/r1 created' expect "create role" "$K" create role r1 -n demo --verb=get --resource=pods
want='rolebinding.rbac.authorization.k8s.io/rb1 created' expect "create rolebinding" "$K" create rolebinding rb1 -n demo --role=r1 --user=bob

# --- custom resources: a CRD serves its kind, with its printer columns; deleting it takes them ---
cat > "$work/crd.yaml" <<'YAML'
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: crontabs.stable.example.com}
spec:
  group: stable.example.com
  scope: Namespaced
  names: {plural: crontabs, singular: crontab, kind: CronTab, shortNames: [ct]}
  versions:
  - name: v1
    served: true
    storage: true
    additionalPrinterColumns:
    - {name: Spec, type: string, jsonPath: .spec.cronSpec}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              cronSpec: {type: string}
              replicas: {type: integer, minimum: 1, maximum: 10}
              color: {type: string, enum: [red, blue]}
YAML
cat > "$work/ct.yaml" <<'YAML'
apiVersion: stable.example.com/v1
kind: CronTab
metadata: {name: nightly, namespace: demo}
spec: {cronSpec: "0 3 * * *", replicas: 1}
YAML
want='created' expect "apply a CRD" "$K" apply -f "$work/crd.yaml"
want='condition met' expect "CRD becomes Established" "$K" wait --for condition=established crd/crontabs.stable.example.com --timeout=10s
want='crontab.stable.example.com/nightly created' expect "create a custom resource" "$K" apply -f "$work/ct.yaml"
want='^nightly +0 3 \* \* \*' expect "custom printer columns" "$K" get ct -n demo --no-headers
want='spec\.replicas: Invalid value: 20: spec\.replicas in body should be less than or equal to 10' expect_fail "schema maximum is enforced" \
  "$K" patch ct nightly -n demo --type=merge -p '{"spec":{"replicas":20}}'
want='spec\.color: Unsupported value: "pink": supported values: "red", "blue"' expect_fail "schema enum is enforced" \
  "$K" create -f - <<<'{"apiVersion":"stable.example.com/v1","kind":"CronTab","metadata":{"name":"pink","namespace":"demo"},"spec":{"color":"pink"}}'
want='deleted' expect "delete the CRD" "$K" delete crd crontabs.stable.example.com
want='NotFound|not find' expect_fail "its kind is no longer served" "$K" get ct -n demo

# --- bad input gets a Status, nothing changes ---
want='AlreadyExists|already exists' expect_fail "create twice is 409" "$K" create ns demo
want='NotFound|not found' expect_fail "get missing is 404" "$K" get deploy nope -n demo
want='Invalid|invalid' expect_fail "patch with a failing test op is 422" "$K" patch deploy web -n demo --type=json -p '[{"op":"test","path":"/spec/replicas","value":99}]'

# --- helm ---
(cd "$work" && "$H" create demo >/dev/null) || fail "helm create"
want='STATUS: deployed' expect "helm install" "$H" install demo "$work/demo" -n demo
want='^demo\s+demo\s+1\s.*deployed' expect "helm list" "$H" list -n demo
want='^helm\.sh/release\.v1$' expect "release Secret in helm's format" "$K" get secret sh.helm.release.v1.demo.v1 -n demo -o jsonpath='{.type}'
want='STATUS: deployed' expect "helm status" "$H" status demo -n demo
want='kind: Deployment' expect "helm get manifest" "$H" get manifest demo -n demo
want='REVISION: 2' expect "helm upgrade --set replicaCount=2" "$H" upgrade demo "$work/demo" -n demo --set replicaCount=2
want='^2$' expect "upgrade changed the deployment" "$K" get deploy demo -n demo -o jsonpath='{.spec.replicas}'
want='Upgrade complete' expect "helm history" "$H" history demo -n demo
want='Rollback was a success' expect "helm rollback demo 1" "$H" rollback demo 1 -n demo
want='^1$' expect "rollback restored replicas" "$K" get deploy demo -n demo -o jsonpath='{.spec.replicas}'
want='uninstalled' expect "helm uninstall" "$H" uninstall demo -n demo
want_absent=$("$K" get deploy demo -n demo 2>&1)
if grep -q NotFound <<<"$want_absent"; then pass "uninstall removed the objects"; else fail "uninstall removed the objects" "$want_absent"; fi

# --- delete ---
want='deleted' expect "delete -f" "$K" delete -f "$work/app.yaml"
want='namespace "demo" deleted' expect "delete ns demo" "$K" delete ns demo
want='No resources found' expect "its objects went too" "$K" get deploy,cm,secret -n demo
want_ns=$("$K" get ns demo 2>&1)
if grep -q NotFound <<<"$want_ns"; then pass "namespace gone"; else fail "namespace gone" "$want_ns"; fi

# --- SIGTERM shuts down cleanly; a restart on the same data keeps everything ---
"$K" create configmap survivor -n default --from-literal=k=v >/dev/null
kill -TERM "$server_pid"
for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.05; done
if kill -0 "$server_pid" 2>/dev/null; then fail "SIGTERM stops the server"; else
  wait "$server_pid"; rc=$?
  if [ $rc -eq 0 ]; then pass "SIGTERM stops the server cleanly"; else fail "SIGTERM exit code $rc"; fi
fi
"$cluster_bin" serve --data-dir "$work/data" --port 0 --kubeconfig "$KUBECONFIG" > "$work/server2.out" 2> "$work/server2.err" &
server_pid=$!
for _ in $(seq 100); do grep -q '^ready ' "$work/server2.out" 2>/dev/null && break; sleep 0.05; done
want='^v$' expect "restart keeps acknowledged objects" "$K" get configmap survivor -n default -o jsonpath='{.data.k}'

finish
