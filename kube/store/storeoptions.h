#pragma once
// The knobs of a Store, and the shapes its list calls take and return. Plain value types.

#include "kube/api/object.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace kube {

// What Store::open does when store.db is damaged (not a database, or its integrity check
// fails). Either way the files are moved aside into "damaged-<time>/" — never deleted.
enum class DamagedStorePolicy {
    Fail,       // move aside and return an error naming the files and the folder
    StartFresh, // move aside, start an empty store, and say so in StoreDiagnostics::recoveryNotice
};

struct StoreOptions {
    // Events kept in memory for watches that start from a past revision. Memory: up to this many
    // old object versions (~4 KB each for pods).
    qsizetype historyWindow = 10000;
    // Automatic compaction keeps this many revisions (0: never compact automatically)…
    qint64 compactionRetain = 10000;
    // …and runs each time the horizon can advance by this many.
    qint64 compactionInterval = 1000;
    // Revisions whose superseded rows one compaction transaction deletes (bounds the stall).
    qint64 compactionChunk = 2000;
    // Most requests one group commit takes.
    qsizetype maxBatch = 1024;
    // How long a commit may wait for as many requests as were in flight after the last batch to
    // gather (their callers were just woken and are coming back; see CommitQueue); extended by
    // each arrival, up to 4 windows. Bounds the delay this adds to a write; 0 turns coalescing
    // off. One writer alone never waits.
    int coalesceWindowMicros = 200;
    // WAL frames (pages) after which the store checkpoints when idle, and always. A WAL that
    // is reset often is rewritten in place, and fsync of an overwrite is cheaper than of an append.
    int idleCheckpointFrames = 256;
    int busyCheckpointFrames = 1000;
    DamagedStorePolicy onDamage = DamagedStorePolicy::Fail;
};

struct ListOptions {
    qsizetype limit = 0;   // at most this many items; <= 0: all
    QByteArray continueKey; // list only keys after this one (the previous page's continueKey)
    qint64 revision = 0;    // 0: the latest state; otherwise the state exactly at this revision
};

struct ListResult {
    QList<Object> items;   // in key order
    qint64 revision = 0;   // the revision the list reflects; pin later pages to it
    QByteArray continueKey; // the last key returned when more items follow; empty otherwise
    qint64 remainingItemCount = -1; // items after this page; -1 when not known
};

struct StoreDiagnostics {
    QString databasePath;
    QString journalMode; // as read back from SQLite: "wal"
    int synchronous = -1; // as read back: 2 (FULL)
    QString recoveryNotice; // non-empty when open() moved a damaged store aside and started fresh
    qint64 revision = 0;
    qint64 compactedRevision = 0;
    qsizetype keys = 0;
    qsizetype historySize = 0;
    qint64 historyFloor = 0; // watches may start at this revision or later
    qsizetype watchers = 0;
    // Every event up to this revision has been offered to the watchers (the fan-out runs behind
    // the acknowledgements; tests wait on this instead of sleeping).
    qint64 dispatchedRevision = 0;
    int walFrames = 0;
};

} // namespace kube
