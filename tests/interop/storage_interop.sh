#!/usr/bin/env bash
# Interop: persistent volumes with the real kubectl against a fresh timonel-cluster — the default
# StorageClass, dynamic provisioning of a claim without a class, a pod mounting it, pvc-protection
# while the pod runs and the Delete policy after, the docs' static hostPath volume with Retain,
# a claim with no volume and no class, and a pod whose claim does not exist.
# Usage: storage_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2"

want='^standard \(default\) +timonel\.dev/local-path +Delete +Immediate +false ' \
  expect "get storageclass shows the default class" "$K" get storageclass --no-headers

cat > "$work/claim.yaml" <<'EOF'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF
want='persistentvolumeclaim/data created' expect "apply a claim without a class" "$K" apply -f "$work/claim.yaml"
want='^data +Bound +pvc-[0-9a-f-]{36} +1Gi +RWO +standard ' eventually 30 "the claim is Bound to a provisioned volume" "$K" get pvc data --no-headers
uid=$("$K" get pvc data -o jsonpath='{.metadata.uid}')
want="^pvc-$uid +1Gi +RWO +Delete +Bound +default/data +standard " expect "get pv shows the provisioned volume" "$K" get pv --no-headers
want='^timonel\.dev/local-path$' expect "provisioned-by annotation" "$K" get pv "pvc-$uid" -o jsonpath='{.metadata.annotations.pv\.kubernetes\.io/provisioned-by}'
want="^$uid\$" expect "the volume's claimRef carries the claim's uid" "$K" get pv "pvc-$uid" -o jsonpath='{.spec.claimRef.uid}'
want='^Status: +Bound' expect "describe pvc: Bound" "$K" describe pvc data
want='^StorageClass: +standard' expect "describe pvc: the default class" "$K" describe pvc data
want='ProvisioningSucceeded .* timonel\.dev/local-path[^ ]* +Successfully provisioned volume pvc-' \
  expect "describe pvc: provisioning events" "$K" describe pvc data
want='Finalizers: +\[kubernetes\.io/pvc-protection\]' expect "describe pvc: pvc-protection finalizer" "$K" describe pvc data

cat > "$work/pod.yaml" <<'EOF'
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
    volumeMounts:
    - name: data
      mountPath: /usr/share/nginx/html
  volumes:
  - name: data
    persistentVolumeClaim:
      claimName: data
EOF
want='pod/web created' expect "apply a pod mounting the claim" "$K" apply -f "$work/pod.yaml"
want='^web +1/1 +Running ' eventually 60 "the pod runs" "$K" get pod web --no-headers
want='Used By: +web' expect "describe pvc names the pod using it" "$K" describe pvc data
want='deleted' expect "delete the claim without waiting" "$K" delete pvc data --wait=false
sleep 1
want='^data +Terminating ' expect "the claim stays Terminating while the pod runs" "$K" get pvc data --no-headers
want='deleted' expect "delete the pod" "$K" delete pod web --wait=true --timeout=90s
want='^0$' eventually 30 "then the claim goes" bash -c "'$K' get pvc data --no-headers 2>/dev/null | wc -l"
want='^0$' eventually 30 "and its volume is deleted (reclaim policy Delete)" bash -c "'$K' get pv pvc-$uid --no-headers 2>/dev/null | wc -l"

cat > "$work/static.yaml" <<'EOF'
apiVersion: v1
kind: PersistentVolume
metadata:
  name: task-pv-volume
  labels:
    type: local
spec:
  storageClassName: manual
  capacity:
    storage: 10Gi
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: Retain
  hostPath:
    path: /mnt/data
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: task-pv-claim
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 3Gi
EOF
want='persistentvolume/task-pv-volume created' expect "apply a static hostPath volume and its claim" "$K" apply -f "$work/static.yaml"
want='^task-pv-claim +Bound +task-pv-volume +10Gi +RWO +manual ' eventually 30 "the claim binds to the static volume" "$K" get pvc task-pv-claim --no-headers
want='^task-pv-volume +10Gi +RWO +Retain +Bound +default/task-pv-claim +manual ' expect "get pv shows it Bound" "$K" get pv task-pv-volume --no-headers
want='deleted' expect "delete the static claim" "$K" delete pvc task-pv-claim
want='^task-pv-volume +10Gi +RWO +Retain +Released +default/task-pv-claim +manual ' eventually 30 "the Retain volume is Released" "$K" get pv task-pv-volume --no-headers
sleep 1
want='Released' expect "and stays" "$K" get pv task-pv-volume -o jsonpath='{.status.phase}'

cat > "$work/noclass.yaml" <<'EOF'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: nowhere
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 50Gi
EOF
want='created' expect "apply a claim with no class and no volume for it" "$K" apply -f "$work/noclass.yaml"
want='FailedBinding .* persistentvolume-controller +no persistent volumes available for this claim and no storage class is set' \
  eventually 30 "describe pvc explains why it is Pending" "$K" describe pvc nowhere
want='^nowhere +Pending ' expect "it stays Pending" "$K" get pvc nowhere --no-headers

want='pod/orphan created' expect "run a pod whose claim does not exist" "$K" run orphan --image=nginx \
  --overrides='{"spec":{"volumes":[{"name":"d","persistentVolumeClaim":{"claimName":"ghost"}}],"containers":[{"name":"orphan","image":"nginx","volumeMounts":[{"name":"d","mountPath":"/d"}]}]}}'
want='FailedScheduling .*persistentvolumeclaim "ghost" not found' eventually 30 "FailedScheduling names the missing claim" "$K" describe pod orphan
want='^orphan +0/1 +Pending ' expect "the pod stays Pending" "$K" get pod orphan --no-headers
cat > "$work/ghost.yaml" <<'EOF'
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ghost
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
EOF
want='created' expect "create the missing claim" "$K" apply -f "$work/ghost.yaml"
want='^orphan +1/1 +Running ' eventually 60 "the pod runs once its claim is bound" "$K" get pod orphan --no-headers

finish
