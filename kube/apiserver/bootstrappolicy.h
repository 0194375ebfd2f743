#pragma once
// The default RBAC objects every cluster starts with (upstream's bootstrap policy,
// plugin/pkg/auth/authorizer/rbac/bootstrappolicy): the cluster-admin, admin, edit and view
// ClusterRoles, system:discovery, system:basic-user and system:public-info-viewer, and the
// ClusterRoleBindings that give cluster-admin to system:masters and the discovery, basic-user and
// public-info roles to every authenticated caller. admin, edit and view are aggregated upstream;
// here they carry their aggregated rules directly. Labelled kubernetes.io/bootstrapping=rbac-defaults.
//
// seedBootstrapPolicy() creates the ones that are absent (an edited one is kept, as upstream
// keeps one whose autoupdate annotation is "false"). Any thread; one store write per missing
// object (so a few at a cluster's first start, none after).

#include "kube/api/status.h"

#include <QJsonObject>
#include <QList>

namespace kube {

class Store;
class TypeRegistry;

QList<QJsonObject> bootstrapClusterRoles();
QList<QJsonObject> bootstrapClusterRoleBindings();

Status seedBootstrapPolicy(Store &store, const TypeRegistry &registry, const QString &creationTimestamp);

} // namespace kube
