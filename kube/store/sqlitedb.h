#pragma once
// SqliteDb: one SQLite connection with the store's durability settings applied and verified, and
// SqliteStatement, a prepared statement. The only files that include sqlite3.h are the .cpp files.
//
// Thread affinity: a connection and its statements belong to one thread at a time (the caller
// serialises). Ownership: SqliteDb owns the connection; statements must die before it.
// Cost: open() runs PRAGMA quick_check, which reads the whole file (~1 s per GB).

#include "kube/api/expected.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace kube {

class SqliteStatement;

class SqliteDb
{
public:
    enum class Mode { ReadWrite, ReadOnly };
    // Why open() failed: Damaged (the file is not a database, or the integrity check failed) is
    // the only case in which the caller may move the files aside.
    enum class Failure { None, Damaged, Other };

    struct OpenResult {
        std::unique_ptr<SqliteDb> db;
        Failure failure = Failure::None;
        Status status; // set when db is null
    };

    // ReadWrite: creates the file when missing, sets journal_mode=WAL and synchronous=FULL and
    // reads both back (fails when SQLite did not apply them), busy_timeout, then quick_check.
    // ReadOnly: a second connection for reads at past revisions (no check).
    static OpenResult open(const QString &path, Mode mode);
    ~SqliteDb();
    SqliteDb(const SqliteDb &) = delete;
    SqliteDb &operator=(const SqliteDb &) = delete;

    // As read back after open: "wal" and 2 (FULL) on a ReadWrite connection.
    const QString &journalMode() const { return m_journalMode; }
    int synchronous() const { return m_synchronous; }

    // Runs statements without results; the error names the failing SQL.
    Status exec(const char *sql);
    Expected<SqliteStatement> prepare(const char *sql);
    // A Status for the connection's last error, prefixed with what was being done.
    Status error(const QString &doing) const;
    int lastErrorCode() const;

    // WAL frames written since the last checkpoint (tracked by a WAL hook).
    int walFrames() const { return m_walFrames.load(std::memory_order_relaxed); }
    // PRAGMA wal_checkpoint(PASSIVE) or (TRUNCATE).
    enum class Checkpoint { Passive, Truncate };
    Status checkpoint(Checkpoint kind);

    sqlite3 *handle() const { return m_db; }

private:
    explicit SqliteDb(sqlite3 *db) : m_db(db) {}
    Expected<QString> pragmaText(const char *sql);

    sqlite3 *m_db; // owned; never null
    QString m_journalMode;
    int m_synchronous = -1;
    std::atomic<int> m_walFrames = 0; // written by the WAL hook on the connection's thread
};

// A prepared statement: bind (1-based), step, read columns (0-based), reset for reuse.
class SqliteStatement
{
public:
    enum class Step { Row, Done, Error };

    explicit SqliteStatement(sqlite3_stmt *stmt) : m_stmt(stmt) {}
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept : m_stmt(std::exchange(other.m_stmt, nullptr)) {}
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    void bind(int index, qint64 value);
    // The bytes must outlive the step (bound without copying).
    void bind(int index, QByteArrayView bytes);
    Step step();
    void reset(); // also clears bindings

    qint64 int64At(int column) const;
    // A deep copy of the column's bytes.
    QByteArray bytesAt(int column) const;
    QString textAt(int column) const;

private:
    sqlite3_stmt *m_stmt; // owned; null after a move
};

} // namespace kube
