#pragma once
// InformerEvent: one change an informer hands its handlers, and ResourceEventHandler, the
// per-event callbacks most consumers want (client-go's ResourceEventHandlerFuncs).
//
// Plain value types; usable from any thread.

#include "kube/api/object.h"

#include <QList>

#include <functional>

namespace kube {

// Why a deletion was reported: seen in the watch, or inferred because a relist no longer had
// the object (client-go's DeletedFinalStateUnknown: `object` is the last state cached).
enum class DeleteState { Observed, FinalStateUnknown };

struct InformerEvent {
    enum class Type {
        Added,
        Updated,
        Deleted,
        // The informer's first list has been delivered (events before it are the initial state).
        Synced,
    };
    Type type = Type::Added;
    Object object;    // the new state; for Deleted the last known state
    Object oldObject; // Updated only: the state it replaced
    DeleteState deleteState = DeleteState::Observed;
};

using InformerEventBatch = QList<InformerEvent>;
using BatchHandler = std::function<void(const InformerEventBatch &)>;

struct ResourceEventHandler {
    std::function<void(const Object &object)> added;
    std::function<void(const Object &oldObject, const Object &newObject)> updated;
    std::function<void(const Object &object, DeleteState state)> deleted;
    // After the events of the initial list.
    std::function<void()> synced;
    // After each batch, for consumers that commit work per batch (a model's layout change).
    std::function<void()> batchDelivered;

    // Calls the members above for each event of the batch, in order.
    void dispatch(const InformerEventBatch &batch) const;
};

} // namespace kube
