#pragma once
// WritePlan: what one batch of write requests does, decided before anything touches the disk.
// Requests are checked in arrival order against the current state plus the batch's own earlier
// writes (so two creates of one key in a batch give one AlreadyExists); each successful one
// gets the next revision and its object is stamped with it (metadata.resourceVersion).
//
// Runs on the commit leader's thread; consumes the requests' drafts, otherwise a pure function of
// its inputs. Cost per request: a hash lookup and the resourceVersion stamp — a few bytes and a
// memmove into the draft the caller prepared (a delete copies the deleted object's JSON).

#include "commitqueue.h"
#include "keyspace.h"
#include "revisionlog.h"
#include "storeevent.h"

#include <vector>

namespace kube {

struct WritePlan {
    // One per successful request, in revision order: the row to append and the event to apply.
    QList<RevisionLog::Row> rows;
    QList<StoreEvent> events;
    QList<qint64> createRevisions; // parallel to events
    qint64 lastRevision = 0;       // the revision after the batch (unchanged when nothing is written)

    bool isEmpty() const { return rows.isEmpty(); }
};

// Fills every request's result (the stamped object, or the Status why it was refused) and
// returns the rows and events for those that succeed. `revision` is the last committed revision.
WritePlan planBatch(const KeySpace &state, qint64 revision, const std::vector<WriteRequest *> &batch);

// The upstream error texts, for the keys' qualified resource and name.
Status conflictStatus(QByteArrayView key);

} // namespace kube
