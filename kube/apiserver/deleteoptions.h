#pragma once
// DeleteOptions from a DELETE request: the body (meta/v1 DeleteOptions) merged with the query
// parameters, as upstream reads them. Value type; any thread.

#include "kube/api/expected.h"

#include <QString>

#include <optional>

namespace kube {

struct ApiContext;
struct ApiRequest;
struct KindInfo;
class Object;
class TypeRegistry;

struct DeleteOptions {
    enum class Propagation { Default, Background, Foreground, Orphan };
    Propagation propagation = Propagation::Default;
    std::optional<qint64> gracePeriodSeconds;
    QString preconditionUid;
    QString preconditionResourceVersion;
    bool dryRun = false;

    static Expected<DeleteOptions> fromRequest(const ApiRequest &request, const TypeRegistry &registry);
};

// Deletes one object (the step shared by DELETE, deletecollection and namespace finalization):
// at once when nothing holds it, else marks it deleting (deletionTimestamp, and the finalizer a
// foreground or orphan propagation adds) and sets *marked. Retries on write conflicts.
Expected<Object> deleteObject(const ApiContext &context, const KindInfo &kind, const QByteArray &key, const QString &name,
                              const DeleteOptions &options, bool *marked);

// After an update or patch: an object being deleted whose last finalizer was just removed goes
// now (upstream's ShouldDeleteDuringUpdate) — unless a grace period is still running (a
// terminating pod: its kubelet deletes it) or, for a namespace, spec.finalizers still hold it.
// A write that raced in since is left alone: the next one that empties the list deletes.
void deleteIfFinalized(const ApiContext &context, const KindInfo &kind, const QByteArray &key, const Object &stored);

} // namespace kube
