#pragma once
// The pod-template-hash: the label and name suffix that ties a ReplicaSet to one version of a
// Deployment's pod template (upstream controller.ComputeHash). Ours hashes the template's
// canonical JSON (keys sorted) with FNV-32a, then the collision count, and spells the number
// with upstream's vowel-free alphabet so names never form words. Pure functions; any thread.

#include <QJsonObject>
#include <QString>

#include <optional>

namespace kube {

inline constexpr auto PodTemplateHashLabel = "pod-template-hash";

QString computePodTemplateHash(const QJsonObject &podTemplate, std::optional<int> collisionCount);

// EqualIgnoreHash: the two templates are the same once the pod-template-hash label is removed.
bool templatesEqualIgnoringHash(QJsonObject a, QJsonObject b);

} // namespace kube
