#pragma once
// Store: the durable revisioned store — MVCC over SQLite, the model of etcd that the embedded API
// server keeps its objects in.
//
// - One revision counter for the whole store. Every successful write takes the next revision;
//   the stored object's metadata.resourceVersion is that revision. It never goes backwards,
//   across restarts and compactions.
// - Writes block until durable: callers on any thread enqueue; one of them leads (CommitQueue):
//   on its own thread it takes all queued requests, checks preconditions, writes them in ONE
//   SQLite transaction and commits (WAL + synchronous=FULL: one fsync for the whole group),
//   applies them to memory, hands the events to the fan-out thread and wakes the callers.
//   Nothing is acknowledged before its COMMIT returned; a failed commit fails the whole batch
//   with 500 and changes nothing. Revision order is commit order (one leader at a time).
// - Reads (get, list, precondition checks) are served from the in-memory current state; a list
//   pinned to an older revision (a paginated list's later pages) reads SQLite.
// - Watches start now or at a past revision within the history window; older → 410 Expired.
//   Watchers are notified by the fan-out thread ("store-writer"), in revision order, around the
//   time the batch's callers are woken: an event may reach a watcher before or after its write
//   was acknowledged, but never before it is durable.
//
// Thread safety: every public member may be called from any thread, concurrently. Watch
// notify callbacks run on the fan-out thread, never on a caller's. Idle checkpoints and
// compaction chunks run on a housekeeping thread ("store-idle"); busy ones on the leader.
// Ownership: the caller owns the Store; destroying it finishes queued writes, closes watchers
// (503) and releases the folder's lock.
// Cost: a write ≈ one fsync shared with concurrent writers; get O(log n); list O(log n + items)
// with objects shared, not copied.

#include "kube/api/expected.h"
#include "kube/api/object.h"
#include "keyspace.h"
#include "storeoptions.h"
#include "watcher.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace kube {

class Store
{
public:
    // Opens (or creates) the store in folder `dir` (created 0700): takes the single-process lock,
    // verifies WAL + synchronous=FULL, runs the integrity check, restores state and revision.
    static Expected<std::unique_ptr<Store>> open(const QString &dir, const StoreOptions &options = {});
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // AlreadyExists when the key is live. Returns the object as stored (resourceVersion set).
    Expected<Object> create(const QByteArray &key, const Object &object);
    // NotFound when the key is absent; Conflict ("the object has been modified…") when
    // expectedModRevision is given and differs from the key's modRevision.
    Expected<Object> update(const QByteArray &key, const Object &object, std::optional<qint64> expectedModRevision = {});
    // Deletes the key; returns the deleted object (resourceVersion = the deletion's revision).
    Expected<Object> remove(const QByteArray &key, std::optional<qint64> expectedModRevision = {});

    // The apiserver's GuaranteedUpdate: reads the current object, calls tryUpdate, writes with
    // the read revision as precondition, and retries from a fresh read on Conflict. tryUpdate
    // may run several times, on the calling thread; an error from it is returned as is. When the
    // result equals the current object nothing is written (the revision does not move).
    using TryUpdate = std::function<Expected<Object>(const Object &current)>;
    enum class IfMissing { Fail, Create }; // Create: tryUpdate gets a null Object
    Expected<Object> guaranteedUpdate(const QByteArray &key, const TryUpdate &tryUpdate, IfMissing ifMissing = IfMissing::Fail);

    Expected<Object> get(QByteArrayView key) const;
    // The key's object with its create and mod revisions; nullopt when absent.
    std::optional<KeyEntry> entry(QByteArrayView key) const;
    // Keys starting with prefix, in key order. Later pages pass the previous continueKey and
    // revision. A revision older than the compaction horizon → 410 Expired; newer than the
    // current one → 504 Timeout ("Too large resource version").
    Expected<ListResult> list(QByteArrayView prefix, const ListOptions &options = {}) const;

    qint64 currentRevision() const;
    qint64 compactedRevision() const;

    // Events for keys starting with prefix with revision > fromRevision (0: from now), oldest
    // first: history first, then live. 410 Expired when fromRevision is below the history window
    // or the compaction horizon.
    Expected<std::shared_ptr<Watcher>> watch(QByteArrayView prefix, qint64 fromRevision, WatchOptions options = {});

    // Forgets history at and below `revision` (must not exceed the current revision): lists
    // and watches from older revisions get 410 from now on. Returns once the horizon is durable;
    // superseded rows are deleted in bounded chunks afterwards.
    Status compact(qint64 revision);

    StoreDiagnostics diagnostics() const;

    class Private; // store.cpp

private:
    explicit Store(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace kube
