#!/usr/bin/env bash
# Interop: who am I and what may I do, with the real kubectl against a fresh timonel-cluster:
# kubectl auth whoami (the admin, a service account token, --as), RBAC enforcement with
# upstream's Forbidden message, kubectl create role / rolebinding taking effect at once,
# kubectl auth can-i (yes/no and exit codes, --list, --as) and impersonation refused to an
# account that may not impersonate; a Pod starts Pending with its QoS class.
# Usage: auth_interop.sh <timonel-cluster> <clients-dir>
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
start_cluster "$1" "$2"

want='created' expect "create namespace demo" "$K" create namespace demo
want='created' expect "create serviceaccount demo/app" "$K" create serviceaccount app -n demo
want='created' expect "create a pod" "$K" run web --image=nginx -n demo --restart=Never
want='^Pending BestEffort$' expect "a new pod is Pending with its QoS class" "$K" get pod web -n demo -o jsonpath='{.status.phase} {.status.qosClass}'
token=$("$K" create token app -n demo 2> "$work/token.err")
SA=("$K" --token="$token")

# Who am I.
want='^Username +kubernetes-admin' expect "whoami: the admin" "$K" auth whoami
want='^Groups +\[system:masters system:authenticated\]' expect "whoami: the admin is in system:masters" "$K" auth whoami
want='^Username +system:serviceaccount:demo:app' expect "whoami: the service account token" "${SA[@]}" auth whoami
want='^Groups +\[system:serviceaccounts system:serviceaccounts:demo system:authenticated\]' expect "whoami: the account's groups" "${SA[@]}" auth whoami
want='authentication.kubernetes.io/credential-id +\[JTI=' expect "whoami: the credential id" "${SA[@]}" auth whoami
want='username: system:serviceaccount:demo:app' expect "whoami -o yaml" "${SA[@]}" auth whoami -o yaml
want='^Username +system:serviceaccount:demo:app' expect "whoami --as the account" "$K" auth whoami --as=system:serviceaccount:demo:app
want='^Groups +\[devs system:authenticated\]' expect "whoami --as jane --as-group devs" "$K" auth whoami --as=jane --as-group=devs

# RBAC: nothing granted yet.
want='Error from server \(Forbidden\): pods is forbidden: User "system:serviceaccount:demo:app" cannot list resource "pods" in API group "" in the namespace "demo"' \
  expect_fail "the account may not list pods" "${SA[@]}" get pods -n demo
want='nodes is forbidden: User "system:serviceaccount:demo:app" cannot list resource "nodes" in API group "" at the cluster scope' \
  expect_fail "nor nodes (cluster scope)" "${SA[@]}" get nodes
want='^no$' expect_fail "can-i list pods: no (exit 1)" "${SA[@]}" auth can-i list pods -n demo
want='^yes$' expect "the admin can-i anything" "$K" auth can-i '*' '*' -A

want='role.rbac.authorization.k8s.io/pod-reader created' expect "create role pod-reader" "$K" create role pod-reader --verb=get,list,watch --resource=pods -n demo
want='rolebinding.rbac.authorization.k8s.io/app-reads created' expect "create rolebinding to the account" "$K" create rolebinding app-reads --role=pod-reader --serviceaccount=demo:app -n demo
want='^web ' expect "now the account lists pods" "${SA[@]}" get pods -n demo --no-headers
want='pods "web" is forbidden: User "system:serviceaccount:demo:app" cannot delete resource "pods" in API group "" in the namespace "demo"' \
  expect_fail "but may not delete one" "${SA[@]}" delete pod web -n demo
want='pods is forbidden: User "system:serviceaccount:demo:app" cannot list resource "pods" in API group "" in the namespace "default"' \
  expect_fail "nor list another namespace's" "${SA[@]}" get pods -n default

# can-i.
want='^yes$' expect "can-i list pods: yes" "${SA[@]}" auth can-i list pods -n demo
want='^no$' expect_fail "can-i delete pods: no" "${SA[@]}" auth can-i delete pods -n demo
want='^no$' expect_fail "can-i create deployments --as the account: no" "$K" auth can-i create deployments --as=system:serviceaccount:demo:app -n demo
want='^yes$' expect "can-i get pods --as the account: yes" "$K" auth can-i get pods --as=system:serviceaccount:demo:app -n demo
want='^yes$' expect "can-i create deployments as the admin" "$K" auth can-i create deployments -n demo
want='^pods +\[\] +\[\] +\[get list watch\]' expect "can-i --list shows the role" "${SA[@]}" auth can-i --list -n demo
want='selfsubjectreviews.authentication.k8s.io +\[\] +\[\] +\[create\]' expect "can-i --list shows the basic-user rules" "${SA[@]}" auth can-i --list -n demo
want='^\*\.\* +\[\] +\[\] +\[\*\]' expect "can-i --list for the admin" "$K" auth can-i --list -n demo

# Impersonation.
want='^web ' expect "--as the account lists demo's pods" "$K" get pods -n demo --as=system:serviceaccount:demo:app --no-headers
want='pods is forbidden: User "system:serviceaccount:demo:app" cannot list resource "pods" in API group "" in the namespace "default"' \
  expect_fail "--as the account is refused like it" "$K" get pods -n default --as=system:serviceaccount:demo:app
want='users "jane" is forbidden: User "system:serviceaccount:demo:app" cannot impersonate resource "users" in API group "" at the cluster scope' \
  expect_fail "the account may not impersonate" "${SA[@]}" get pods -n demo --as=jane
want='selfsubjectreviews +authentication.k8s.io/v1 +false +SelfSubjectReview' expect "api-resources lists the authentication reviews" "$K" api-resources --api-group=authentication.k8s.io
want='selfsubjectaccessreviews +authorization.k8s.io/v1 +false +SelfSubjectAccessReview' expect "api-resources lists the authorization reviews" "$K" api-resources --api-group=authorization.k8s.io

finish
