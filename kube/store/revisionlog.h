#pragma once
// RevisionLog: the durable, append-only log of revisions in SQLite — one row per write, kine's
// layout. Tombstones are rows too. It is the truth the in-memory state is rebuilt from at open.
//
//   log(rev INTEGER PRIMARY KEY, key BLOB, value BLOB, created INTEGER, deleted INTEGER,
//       prev_rev INTEGER) + covering index (key, rev, deleted)
//   meta(name, value): schema_version, compacted (rows superseded at or below it are gone),
//       revision (>= every revision ever deleted by compaction, so max(rev) can't go back)
//
// Thread affinity: one thread at a time (the Store's commit-token holder) for everything except
// listAt(), which takes its own (read-only) connection. Ownership: borrows the connection,
// which must outlive it. Cost: append is one transaction (one fsync) per call.

#include "kube/api/expected.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <memory>

namespace kube {

class BatchTimings;
class SqliteDb;
class SqliteStatement;

class RevisionLog
{
public:
    static constexpr qint64 schemaVersion = 1;

    struct Row {
        qint64 revision = 0;
        QByteArray key;
        QByteArray value; // the object's JSON, resourceVersion == revision
        qint64 createRevision = 0;
        bool deleted = false;
        qint64 prevRevision = 0; // the key's previous row, 0 when created here
    };
    struct Meta {
        qint64 compactedRevision = 0;
        qint64 revision = 0; // max(rev in log, meta revision): the last revision ever handed out
    };

    // Creates the schema on a new file; refuses a newer schema ("newer format") clearly.
    static Expected<std::unique_ptr<RevisionLog>> attach(SqliteDb &db);
    ~RevisionLog();

    Expected<Meta> readMeta();
    // Calls sink for the latest row of every live key (any order).
    Status readLatest(const std::function<void(Row &&)> &sink);
    // Calls sink for every row with revision > after, in revision order.
    Status readAfter(qint64 after, const std::function<void(Row &&)> &sink);
    // The value of one row; an empty array when the row is gone (compacted).
    Expected<QByteArray> valueAt(qint64 revision);

    // Writes the rows in one transaction; returns only after COMMIT (durable with
    // synchronous=FULL). On failure the transaction is rolled back and nothing was written.
    // timings (optional) gets the inserts marked, just before COMMIT.
    Status append(const QList<Row> &rows, BatchTimings *timings = nullptr);

    // Records a new compaction horizon (and the current revision) durably. Rows are deleted
    // afterwards, chunk by chunk.
    Status recordCompaction(qint64 compactedRevision, qint64 currentRevision);
    // Deletes, in one transaction, what the revisions in (from, to] made obsolete, for a
    // horizon at or above to: the rows they superseded (each row names its key's previous row,
    // whatever its age) and those of them that are tombstones. Successive ranges up to the
    // horizon leave each key's latest row at or below it, unless that is a tombstone. Returns how
    // many rows went.
    Expected<qint64> compactRange(qint64 from, qint64 to);

    // A page of the keys in [prefix, prefixEnd) after `after`, as they were at `revision`
    // (latest row per key at or below it, tombstones skipped), in key order; limit + 1 rows are
    // read so the caller learns whether more follow. For any thread, on its own connection.
    static Expected<QList<Row>> listAt(SqliteDb &db, QByteArrayView prefix, QByteArrayView after,
                                       qint64 revision, qsizetype limit);

private:
    explicit RevisionLog(SqliteDb &db);
    Status prepareStatements();

    SqliteDb &m_db;
    std::unique_ptr<SqliteStatement> m_begin, m_commit, m_rollback, m_insert;
};

} // namespace kube
