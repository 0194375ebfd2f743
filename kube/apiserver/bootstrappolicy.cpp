#include "bootstrappolicy.h"

#include "storagekeys.h"

#include "kube/api/object.h"
#include "kube/api/typeregistry.h"
#include "kube/store/store.h"

#include <QJsonArray>
#include <QUuid>

#include <mutex>
#include <thread>
#include <vector>

namespace kube {

namespace {

const QStringList Read{u"get"_qs, u"list"_qs, u"watch"_qs};
const QStringList Write{u"create"_qs, u"delete"_qs, u"deletecollection"_qs, u"patch"_qs, u"update"_qs};
const QStringList ReadWrite = Read + Write;

QJsonObject rule(const QStringList &verbs, const QStringList &groups, const QStringList &resources)
{
    return {{u"verbs"_qs, QJsonArray::fromStringList(verbs)},
            {u"apiGroups"_qs, QJsonArray::fromStringList(groups)},
            {u"resources"_qs, QJsonArray::fromStringList(resources)}};
}

QJsonObject urlRule(const QStringList &verbs, const QStringList &urls)
{
    return {{u"verbs"_qs, QJsonArray::fromStringList(verbs)}, {u"nonResourceURLs"_qs, QJsonArray::fromStringList(urls)}};
}

QJsonObject metadata(const QString &name)
{
    return {{u"name"_qs, name},
            {u"labels"_qs, QJsonObject{{u"kubernetes.io/bootstrapping"_qs, u"rbac-defaults"_qs}}},
            {u"annotations"_qs, QJsonObject{{u"rbac.authorization.kubernetes.io/autoupdate"_qs, u"true"_qs}}}};
}

QJsonObject clusterRole(const QString &name, const QJsonArray &rules)
{
    return {{u"apiVersion"_qs, u"rbac.authorization.k8s.io/v1"_qs}, {u"kind"_qs, u"ClusterRole"_qs}, {u"metadata"_qs, metadata(name)},
            {u"rules"_qs, rules}};
}

QJsonObject bindToGroups(const QString &name, const QStringList &groups)
{
    QJsonArray subjects;
    for (const QString &g : groups)
        subjects.append(QJsonObject{{u"apiGroup"_qs, u"rbac.authorization.k8s.io"_qs}, {u"kind"_qs, u"Group"_qs}, {u"name"_qs, g}});
    return {{u"apiVersion"_qs, u"rbac.authorization.k8s.io/v1"_qs},
            {u"kind"_qs, u"ClusterRoleBinding"_qs},
            {u"metadata"_qs, metadata(name)},
            {u"roleRef"_qs, QJsonObject{{u"apiGroup"_qs, u"rbac.authorization.k8s.io"_qs}, {u"kind"_qs, u"ClusterRole"_qs}, {u"name"_qs, name}}},
            {u"subjects"_qs, subjects}};
}

// What view grants: reading the workloads and their configuration, never secrets.
QJsonArray viewRules()
{
    return {
        rule(Read, {u""_qs}, {u"pods"_qs, u"replicationcontrollers"_qs, u"replicationcontrollers/scale"_qs, u"serviceaccounts"_qs,
                              u"services"_qs, u"services/status"_qs, u"endpoints"_qs, u"persistentvolumeclaims"_qs,
                              u"persistentvolumeclaims/status"_qs, u"configmaps"_qs}),
        rule(Read, {u""_qs}, {u"limitranges"_qs, u"resourcequotas"_qs, u"bindings"_qs, u"events"_qs, u"pods/status"_qs,
                              u"resourcequotas/status"_qs, u"namespaces/status"_qs, u"replicationcontrollers/status"_qs, u"pods/log"_qs}),
        rule(Read, {u""_qs}, {u"namespaces"_qs}),
        rule(Read, {u"discovery.k8s.io"_qs}, {u"endpointslices"_qs}),
        rule(Read, {u"apps"_qs}, {u"controllerrevisions"_qs, u"statefulsets"_qs, u"statefulsets/scale"_qs, u"statefulsets/status"_qs,
                                  u"daemonsets"_qs, u"daemonsets/status"_qs, u"deployments"_qs, u"deployments/scale"_qs,
                                  u"deployments/status"_qs, u"replicasets"_qs, u"replicasets/scale"_qs, u"replicasets/status"_qs}),
        rule(Read, {u"autoscaling"_qs}, {u"horizontalpodautoscalers"_qs, u"horizontalpodautoscalers/status"_qs}),
        rule(Read, {u"batch"_qs}, {u"jobs"_qs, u"jobs/status"_qs, u"cronjobs"_qs, u"cronjobs/status"_qs}),
        rule(Read, {u"policy"_qs}, {u"poddisruptionbudgets"_qs, u"poddisruptionbudgets/status"_qs}),
        rule(Read, {u"networking.k8s.io"_qs}, {u"networkpolicies"_qs, u"ingresses"_qs, u"ingresses/status"_qs}),
    };
}

// What edit adds: changing workloads and configuration, reading secrets, acting as service accounts.
QJsonArray editRules()
{
    QJsonArray rules = viewRules();
    const QJsonArray extra{
        rule({u"impersonate"_qs}, {u""_qs}, {u"serviceaccounts"_qs}),
        rule(Write, {u""_qs}, {u"pods"_qs, u"pods/attach"_qs, u"pods/proxy"_qs, u"pods/exec"_qs, u"pods/portforward"_qs}),
        rule({u"create"_qs}, {u""_qs}, {u"pods/eviction"_qs}),
        rule(Write, {u""_qs}, {u"replicationcontrollers"_qs, u"replicationcontrollers/scale"_qs, u"serviceaccounts"_qs, u"services"_qs,
                               u"services/proxy"_qs, u"persistentvolumeclaims"_qs, u"configmaps"_qs, u"secrets"_qs, u"events"_qs}),
        rule({u"create"_qs}, {u""_qs}, {u"serviceaccounts/token"_qs}),
        rule(Read, {u""_qs}, {u"pods/attach"_qs, u"pods/exec"_qs, u"pods/portforward"_qs, u"pods/proxy"_qs, u"secrets"_qs,
                              u"services/proxy"_qs}),
        rule(Write, {u"apps"_qs}, {u"statefulsets"_qs, u"statefulsets/scale"_qs, u"daemonsets"_qs, u"deployments"_qs,
                                   u"deployments/rollback"_qs, u"deployments/scale"_qs, u"replicasets"_qs, u"replicasets/scale"_qs}),
        rule(Write, {u"autoscaling"_qs}, {u"horizontalpodautoscalers"_qs}),
        rule(Write, {u"batch"_qs}, {u"jobs"_qs, u"cronjobs"_qs}),
        rule(Write, {u"policy"_qs}, {u"poddisruptionbudgets"_qs}),
        rule(Write, {u"networking.k8s.io"_qs}, {u"networkpolicies"_qs, u"ingresses"_qs}),
        rule(ReadWrite, {u"coordination.k8s.io"_qs}, {u"leases"_qs}),
    };
    for (const QJsonValue &r : extra)
        rules.append(r);
    return rules;
}

// What admin adds: managing access inside a namespace.
QJsonArray adminRules()
{
    QJsonArray rules = editRules();
    rules.append(rule({u"create"_qs}, {u"authorization.k8s.io"_qs}, {u"localsubjectaccessreviews"_qs}));
    rules.append(rule(ReadWrite, {u"rbac.authorization.k8s.io"_qs}, {u"rolebindings"_qs, u"roles"_qs}));
    return rules;
}

} // namespace

QList<QJsonObject> bootstrapClusterRoles()
{
    return {
        clusterRole(u"cluster-admin"_qs, {rule({u"*"_qs}, {u"*"_qs}, {u"*"_qs}), urlRule({u"*"_qs}, {u"*"_qs})}),
        clusterRole(u"admin"_qs, adminRules()),
        clusterRole(u"edit"_qs, editRules()),
        clusterRole(u"view"_qs, viewRules()),
        clusterRole(u"system:discovery"_qs,
                    {urlRule({u"get"_qs}, {u"/api"_qs, u"/api/*"_qs, u"/apis"_qs, u"/apis/*"_qs, u"/healthz"_qs, u"/livez"_qs,
                                           u"/openapi"_qs, u"/openapi/*"_qs, u"/readyz"_qs, u"/version"_qs, u"/version/"_qs})}),
        clusterRole(u"system:basic-user"_qs,
                    {rule({u"create"_qs}, {u"authentication.k8s.io"_qs}, {u"selfsubjectreviews"_qs}),
                     rule({u"create"_qs}, {u"authorization.k8s.io"_qs}, {u"selfsubjectaccessreviews"_qs, u"selfsubjectrulesreviews"_qs})}),
        clusterRole(u"system:public-info-viewer"_qs,
                    {urlRule({u"get"_qs}, {u"/healthz"_qs, u"/livez"_qs, u"/readyz"_qs, u"/version"_qs, u"/version/"_qs})}),
    };
}

QList<QJsonObject> bootstrapClusterRoleBindings()
{
    return {
        bindToGroups(u"cluster-admin"_qs, {u"system:masters"_qs}),
        bindToGroups(u"system:discovery"_qs, {u"system:authenticated"_qs}),
        bindToGroups(u"system:basic-user"_qs, {u"system:authenticated"_qs}),
        bindToGroups(u"system:public-info-viewer"_qs, {u"system:authenticated"_qs, u"system:unauthenticated"_qs}),
    };
}

Status seedBootstrapPolicy(Store &store, const TypeRegistry &registry, const QString &creationTimestamp)
{
    QList<QPair<QByteArray, Object>> missing;
    const auto collect = [&](const QString &resource, const QList<QJsonObject> &objects) {
        const KindInfoPtr kind = registry.resource({u"rbac.authorization.k8s.io"_qs, u"v1"_qs, resource});
        if (!kind)
            return;
        for (QJsonObject o : objects) {
            QJsonObject meta = o.value(u"metadata").toObject();
            const QByteArray key = storageKey(*kind, QString(), meta.value(u"name").toString());
            if (store.entry(key))
                continue;
            meta.insert(u"uid", QUuid::createUuid().toString(QUuid::WithoutBraces));
            meta.insert(u"creationTimestamp", creationTimestamp);
            o.insert(u"metadata", meta);
            missing.append({key, Object::fromJson(o)});
        }
    };
    collect(u"clusterroles"_qs, bootstrapClusterRoles());
    collect(u"clusterrolebindings"_qs, bootstrapClusterRoleBindings());
    // On a first start every object is missing: written one after another they cost an fsync
    // each (~10 ms before the server is ready); from a thread each, they share group commits.
    std::mutex failureMutex;
    Status failure;
    std::vector<std::thread> writers;
    writers.reserve(size_t(missing.size()));
    for (const auto &[key, object] : std::as_const(missing)) {
        writers.emplace_back([&store, &failureMutex, &failure, key = key, object = object] {
            const auto created = store.create(key, object);
            if (!created.ok() && !created.error().is(reason::AlreadyExists)) {
                std::lock_guard lock(failureMutex);
                failure = created.error();
            }
        });
    }
    for (std::thread &t : writers)
        t.join();
    return failure;
}

} // namespace kube
