#pragma once
// The garbage collector's pure decisions (upstream pkg/controller/garbagecollector): how an
// object's owner references stand (solid, dangling, waiting for their dependents' deletion),
// what attemptToDelete does about it, and the merge patches that drop owner references and
// finalizers. No I/O: the GarbageCollector looks owners up and applies the verdicts.
//
// Pure functions and value types; any thread. Cost: one parse of the object per patch.

#include "kube/api/object.h"
#include "kube/client/restclient.h"

#include <QByteArray>
#include <QSet>
#include <QString>

namespace kube {

namespace finalizer {
inline constexpr auto ForegroundDeletion = "foregroundDeletion";
inline constexpr auto Orphan = "orphan";
} // namespace finalizer

bool hasFinalizer(const Object &object, QLatin1StringView name);
// Being deleted, holding the foregroundDeletion finalizer: its dependents go first.
bool isDeletingDependents(const Object &object);
// Being deleted, holding the orphan finalizer: its dependents lose their reference to it.
bool isOrphaningDependents(const Object &object);

// How one owner reference stands, found by a cache read or a live GET.
enum class OwnerState {
    Solid,    // exists with that uid and is not deleting its dependents
    Dangling, // absent, or the name now belongs to an object with another uid
    Waiting,  // exists but is being deleted in the foreground: its dependents go first
};

struct OwnerVerdict {
    QString uid;
    OwnerState state;
};

// What attemptToDelete does with a dependent whose owners were all looked up.
struct DeleteDecision {
    enum class Action { None, RemoveReferences, Delete };
    Action action = Action::None;
    QSet<QString> removeUids;                                   // RemoveReferences
    PropagationPolicy policy = PropagationPolicy::Background;   // Delete
};

// Upstream's attemptToDeleteItem: a solid owner keeps the object (dangling and waiting
// references are dropped); an owner deleting in the foreground takes an object that has
// dependents of its own in the foreground too (so they go first); otherwise, with no solid
// owner left, the object goes — in background unless its finalizers ask for more.
DeleteDecision decideAttemptToDelete(const Object &item, const QList<OwnerVerdict> &owners, bool itemHasDependents);

// A JSON merge patch replacing metadata.ownerReferences with the object's minus uids, guarded
// by the object's resourceVersion (a concurrent writer makes it a Conflict, not a lost update).
QByteArray removeOwnerReferencesPatch(const Object &object, const QSet<QString> &uids);
// The same for dropping one finalizer.
QByteArray removeFinalizerPatch(const Object &object, QLatin1StringView name);

} // namespace kube
