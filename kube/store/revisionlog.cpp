#include "revisionlog.h"

#include "batchtimings.h"
#include "sqlitedb.h"
#include "storekey.h"

namespace kube {

namespace {

constexpr const char *schemaSql = R"sql(
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS log (
  rev INTEGER PRIMARY KEY,
  key BLOB NOT NULL,
  value BLOB NOT NULL,
  created INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  prev_rev INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS log_key_rev ON log(key, rev, deleted);
INSERT OR IGNORE INTO meta(name, value) VALUES ('schema_version', 1), ('compacted', 0), ('revision', 0);
)sql";

RevisionLog::Row rowFrom(const SqliteStatement &s)
{
    RevisionLog::Row row;
    row.revision = s.int64At(0);
    row.key = s.bytesAt(1);
    row.value = s.bytesAt(2);
    row.createRevision = s.int64At(3);
    row.deleted = s.int64At(4) != 0;
    row.prevRevision = s.int64At(5);
    return row;
}

} // namespace

RevisionLog::RevisionLog(SqliteDb &db) : m_db(db) {}
RevisionLog::~RevisionLog() = default;

Expected<std::unique_ptr<RevisionLog>> RevisionLog::attach(SqliteDb &db)
{
    // Read the version before touching anything: a newer store must not be modified.
    {
        Expected<SqliteStatement> version = db.prepare("SELECT value FROM meta WHERE name = 'schema_version'");
        if (version && version.value().step() == SqliteStatement::Step::Row && version.value().int64At(0) > schemaVersion) {
            return Status::internalError(
                u"the store was written by a newer Timonel (store format %1; this version reads up to %2); "
                "open it with that version or choose another store folder"_qs.arg(version.value().int64At(0)).arg(schemaVersion));
        }
    }
    if (Status s = db.exec("BEGIN IMMEDIATE"); !s.isSuccess())
        return s;
    if (Status s = db.exec(schemaSql); !s.isSuccess()) {
        db.exec("ROLLBACK");
        return s;
    }
    if (Status s = db.exec("COMMIT"); !s.isSuccess()) {
        db.exec("ROLLBACK");
        return s;
    }
    std::unique_ptr<RevisionLog> log(new RevisionLog(db));
    if (Status s = log->prepareStatements(); !s.isSuccess())
        return s;
    return log;
}

Status RevisionLog::prepareStatements()
{
    const auto prepare = [this](std::unique_ptr<SqliteStatement> &into, const char *sql) {
        Expected<SqliteStatement> s = m_db.prepare(sql);
        if (!s)
            return s.error();
        into = std::make_unique<SqliteStatement>(std::move(s).value());
        return Status();
    };
    for (const auto &[into, sql] : {std::pair{&m_begin, "BEGIN IMMEDIATE"}, std::pair{&m_commit, "COMMIT"},
                                    std::pair{&m_rollback, "ROLLBACK"},
                                    std::pair{&m_insert, "INSERT INTO log(rev, key, value, created, deleted, prev_rev) "
                                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"}}) {
        if (Status s = prepare(*into, sql); !s.isSuccess())
            return s;
    }
    return {};
}

Expected<RevisionLog::Meta> RevisionLog::readMeta()
{
    Expected<SqliteStatement> s = m_db.prepare(
        "SELECT (SELECT value FROM meta WHERE name = 'compacted'), "
        "max(coalesce((SELECT max(rev) FROM log), 0), (SELECT value FROM meta WHERE name = 'revision'))");
    if (!s)
        return s.error();
    if (s.value().step() != SqliteStatement::Step::Row)
        return m_db.error(u"reading the store's revision"_qs);
    return Meta{s.value().int64At(0), s.value().int64At(1)};
}

Status RevisionLog::readLatest(const std::function<void(Row &&)> &sink)
{
    Expected<SqliteStatement> s = m_db.prepare(
        "SELECT l.rev, l.key, l.value, l.created, l.deleted, l.prev_rev FROM log AS l "
        "JOIN (SELECT max(rev) AS rev FROM log GROUP BY key) AS m ON l.rev = m.rev WHERE l.deleted = 0");
    if (!s)
        return s.error();
    for (;;) {
        switch (s.value().step()) {
        case SqliteStatement::Step::Row:
            sink(rowFrom(*s));
            continue;
        case SqliteStatement::Step::Done:
            return {};
        case SqliteStatement::Step::Error:
            return m_db.error(u"reading the current state"_qs);
        }
    }
}

Status RevisionLog::readAfter(qint64 after, const std::function<void(Row &&)> &sink)
{
    Expected<SqliteStatement> s = m_db.prepare(
        "SELECT rev, key, value, created, deleted, prev_rev FROM log WHERE rev > ?1 ORDER BY rev");
    if (!s)
        return s.error();
    s.value().bind(1, after);
    for (;;) {
        switch (s.value().step()) {
        case SqliteStatement::Step::Row:
            sink(rowFrom(*s));
            continue;
        case SqliteStatement::Step::Done:
            return {};
        case SqliteStatement::Step::Error:
            return m_db.error(u"reading the history"_qs);
        }
    }
}

Expected<QByteArray> RevisionLog::valueAt(qint64 revision)
{
    Expected<SqliteStatement> s = m_db.prepare("SELECT value FROM log WHERE rev = ?1");
    if (!s)
        return s.error();
    s.value().bind(1, revision);
    switch (s.value().step()) {
    case SqliteStatement::Step::Row:
        return s.value().bytesAt(0);
    case SqliteStatement::Step::Done:
        return QByteArray();
    case SqliteStatement::Step::Error:
        break;
    }
    return m_db.error(u"reading revision %1"_qs.arg(revision));
}

Status RevisionLog::append(const QList<Row> &rows, BatchTimings *timings)
{
    const auto rollback = [this](const Status &why) {
        m_rollback->step();
        m_rollback->reset();
        return why;
    };
    m_begin->reset();
    if (m_begin->step() != SqliteStatement::Step::Done)
        return m_db.error(u"starting a write transaction"_qs);
    m_begin->reset();
    for (const Row &row : rows) {
        m_insert->bind(1, row.revision);
        m_insert->bind(2, row.key);
        m_insert->bind(3, row.value);
        m_insert->bind(4, row.createRevision);
        m_insert->bind(5, qint64(row.deleted));
        m_insert->bind(6, row.prevRevision);
        const SqliteStatement::Step step = m_insert->step();
        m_insert->reset();
        if (step != SqliteStatement::Step::Done)
            return rollback(m_db.error(u"writing revision %1"_qs.arg(row.revision)));
    }
    if (timings)
        timings->mark(BatchTimings::Insert);
    const SqliteStatement::Step committed = m_commit->step();
    m_commit->reset();
    if (committed != SqliteStatement::Step::Done)
        return rollback(m_db.error(u"committing revisions %1–%2"_qs.arg(rows.first().revision).arg(rows.last().revision)));
    return {};
}

Status RevisionLog::recordCompaction(qint64 compactedRevision, qint64 currentRevision)
{
    Expected<SqliteStatement> s = m_db.prepare(
        "UPDATE meta SET value = max(value, CASE name WHEN 'compacted' THEN ?1 ELSE ?2 END) "
        "WHERE name IN ('compacted', 'revision')");
    if (!s)
        return s.error();
    s.value().bind(1, compactedRevision);
    s.value().bind(2, currentRevision);
    if (s.value().step() != SqliteStatement::Step::Done)
        return m_db.error(u"recording compaction at revision %1"_qs.arg(compactedRevision));
    return {};
}

Expected<qint64> RevisionLog::compactRange(qint64 from, qint64 to)
{
    // Looking only at the rows inside the range (as this once did) misses a row that was its key's
    // latest when an earlier range was compacted and was superseded since: it stayed forever.
    Expected<SqliteStatement> s = m_db.prepare(
        "DELETE FROM log WHERE rev IN (SELECT prev_rev FROM log WHERE rev > ?1 AND rev <= ?2 AND prev_rev > 0 "
        "UNION ALL SELECT rev FROM log WHERE rev > ?1 AND rev <= ?2 AND deleted = 1)");
    if (!s)
        return s.error();
    s.value().bind(1, from);
    s.value().bind(2, to);
    if (s.value().step() != SqliteStatement::Step::Done)
        return m_db.error(u"compacting revisions %1–%2"_qs.arg(from + 1).arg(to));
    Expected<SqliteStatement> changes = m_db.prepare("SELECT changes()");
    if (!changes || changes.value().step() != SqliteStatement::Step::Row)
        return qint64(0);
    return changes.value().int64At(0);
}

Expected<QList<RevisionLog::Row>> RevisionLog::listAt(SqliteDb &db, QByteArrayView prefix, QByteArrayView after,
                                                      qint64 revision, qsizetype limit)
{
    const QByteArray end = StoreKey::prefixEnd(prefix);
    // The inner query walks the covering index (key, rev, deleted) in key order, one group per
    // key (SQLite takes `deleted` from the max(rev) row); only the rows of the page are read.
    const char *sql = end.isEmpty()
        ? "SELECT l.rev, l.key, l.value, l.created, l.deleted, l.prev_rev FROM "
          "(SELECT key, max(rev) AS rev, deleted FROM log WHERE key >= ?1 AND key > ?3 AND rev <= ?4 "
          "GROUP BY key ORDER BY key) AS m CROSS JOIN log AS l ON l.rev = m.rev WHERE m.deleted = 0 LIMIT ?5"
        : "SELECT l.rev, l.key, l.value, l.created, l.deleted, l.prev_rev FROM "
          "(SELECT key, max(rev) AS rev, deleted FROM log WHERE key >= ?1 AND key < ?2 AND key > ?3 AND rev <= ?4 "
          "GROUP BY key ORDER BY key) AS m CROSS JOIN log AS l ON l.rev = m.rev WHERE m.deleted = 0 LIMIT ?5";
    Expected<SqliteStatement> s = db.prepare(sql);
    if (!s)
        return s.error();
    s.value().bind(1, prefix);
    if (!end.isEmpty())
        s.value().bind(2, end);
    s.value().bind(3, after);
    s.value().bind(4, revision);
    s.value().bind(5, limit > 0 ? qint64(limit) + 1 : qint64(-1));
    QList<Row> rows;
    for (;;) {
        switch (s.value().step()) {
        case SqliteStatement::Step::Row:
            rows.append(rowFrom(*s));
            continue;
        case SqliteStatement::Step::Done:
            return rows;
        case SqliteStatement::Step::Error:
            return db.error(u"listing at revision %1"_qs.arg(revision));
        }
    }
}

} // namespace kube
