#!/usr/bin/env bash
# The real kubectl against API writes that run on the server's worker threads (issue 3): many
# kubectl processes writing at once. Creates in parallel all land with distinct
# resourceVersions; server-side applies of one object by eight managers at once all succeed
# (writes to one object stay serial in the server, so none answers a spurious 409) and merge;
# Services created at once get distinct cluster IPs and node ports (allocation stays serial);
# a namespace deleted through a worker is still emptied and removed (its finalization is
# posted to the server's thread).
#   tests/interop/apiwrites_interop.sh <timonel-cluster> <clients dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2" --no-controllers

want='created' expect "namespace par" "$K" create namespace par

# 1. 48 creates from 12 kubectl processes at a time.
seq 1 48 | xargs -P 12 -I{} "$K" create configmap cm-{} -n par --from-literal=k={} > "$work/creates.out" 2>&1
want='^48$' expect "48 parallel creates: all exist" bash -c "\"$K\" get configmaps -n par -o name | grep -c '^configmap/cm-'"
want='^48$' expect "48 parallel creates: 48 distinct resourceVersions" bash -c \
  "\"$K\" get configmaps -n par -o jsonpath='{range .items[*]}{.metadata.resourceVersion}{\"\\n\"}{end}' | grep -E '^[0-9]+$' | sort -u | wc -l"

# 2. Eight field managers apply their own key of one ConfigMap at the same time.
apply_one() {
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n  namespace: par\ndata:\n  key%s: "v%s"\n' "$1" "$1" |
    "$K" apply --server-side --field-manager="manager-$1" -f - 2>&1
}
export -f apply_one; export K
seq 1 8 | xargs -P 8 -I{} bash -c 'apply_one {}' > "$work/applies.out" 2>&1
want='^8$' expect "8 concurrent server-side applies: each succeeded" bash -c "grep -c 'serverside-applied' '$work/applies.out'"
want='^8$' expect "8 concurrent server-side applies: all 8 keys merged" bash -c \
  "\"$K\" get configmap shared -n par -o json | grep -cE '\"key[1-8]\": \"v[1-8]\"'"
want='^8$' expect "8 concurrent server-side applies: 8 managers in managedFields" bash -c \
  "\"$K\" get configmap shared -n par --show-managed-fields -o jsonpath='{range .metadata.managedFields[*]}{.manager}{\"\\n\"}{end}' | grep -c '^manager-'"

# 3. Ten NodePort Services at once: ten distinct cluster IPs and node ports.
seq 1 10 | xargs -P 10 -I{} "$K" create service nodeport svc-{} -n par --tcp=80:8080 > "$work/services.out" 2>&1
want='^10$' expect "10 concurrent Services: distinct cluster IPs" bash -c \
  "\"$K\" get services -n par -o jsonpath='{range .items[*]}{.spec.clusterIP}{\"\\n\"}{end}' | grep -E '^10\\.' | sort -u | wc -l"
want='^10$' expect "10 concurrent Services: distinct node ports" bash -c \
  "\"$K\" get services -n par -o jsonpath='{range .items[*]}{.spec.ports[0].nodePort}{\"\\n\"}{end}' | grep -E '^3[0-9]{4}$' | sort -u | wc -l"

# 4. Deleting the namespace empties and removes it.
want='deleted' expect "delete namespace par" "$K" delete namespace par --wait=false
want='NotFound|not found' eventually 30 "namespace par is gone" bash -c "\"$K\" get namespace par 2>&1; true"

finish
