#pragma once
// DeploymentEdit: the small, pure edits the canary and blue-green plans make to Deployments and
// Services — a label on the pod template and selector, a container's image, the replica count,
// a Service's selector — each returning a new object, plus the reads those plans need (container
// names, the Service's selector, whether a Service selects a Deployment's pods).
//
// Pure functions over immutable objects; any thread. Cost: one JSON parse and serialisation each.

#include "kube/api/labels.h"
#include "kube/api/object.h"

#include <QStringList>

namespace timonel::deploymentedit {

kube::Object withTemplateLabel(const kube::Object &deployment, const QString &key, const QString &value);
// Adds key=value to spec.selector.matchLabels (and to the pod template, which must match it).
kube::Object withSelectorLabel(const kube::Object &deployment, const QString &key, const QString &value);
kube::Object withImage(const kube::Object &deployment, const QString &container, const QString &image);
kube::Object withReplicas(const kube::Object &deployment, int replicas);
kube::Object withServiceSelector(const kube::Object &service, const kube::Labels &selector);

int replicasOf(const kube::Object &deployment);
QStringList containerNames(const kube::Object &deployment);
QString imageOf(const kube::Object &deployment, const QString &container);
kube::Labels templateLabels(const kube::Object &deployment);
kube::Labels serviceSelector(const kube::Object &service);
// The Service's selector is not empty and matches the Deployment's pod template labels.
bool selectsPodsOf(const kube::Object &service, const kube::Object &deployment);

// A new Deployment beside source: named name, its selector and pod template carrying
// version=versionValue, replicas and the container's image set, server-managed fields,
// status and the revision annotation dropped; annotation (key, value) added to its metadata.
kube::Object sibling(const kube::Object &source, const QString &name, const QString &versionValue, int replicas,
                     const QString &container, const QString &image, const QString &annotationKey);

} // namespace timonel::deploymentedit
