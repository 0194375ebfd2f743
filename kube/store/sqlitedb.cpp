#include "sqlitedb.h"

#include "walwritebuffer.h"

#include <QFileInfo>
#include <QStringList>

#include <sqlite3.h>

namespace kube {

namespace {

constexpr int busyTimeoutMs = 5000;
// SQLite truncates a WAL larger than this after a checkpoint resets it (k3s#1575: unbounded WAL).
constexpr const char *journalSizeLimit = "PRAGMA journal_size_limit=67108864";

bool isDamage(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

void setCheckpointOnClose(sqlite3 *db, bool on)
{
    sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, on ? 0 : 1, nullptr);
}

int walHook(void *context, sqlite3 *, const char *, int frames)
{
    static_cast<std::atomic<int> *>(context)->store(frames, std::memory_order_relaxed);
    return SQLITE_OK;
}

} // namespace

SqliteDb::OpenResult SqliteDb::open(const QString &path, Mode mode)
{
    // SQLite deletes a WAL whose database is empty: a truncated store.db next to a WAL that holds
    // commits would lose them silently. Report it instead.
    const QFileInfo file(path);
    const QFileInfo wal(path + u"-wal"_qs);
    if (mode == Mode::ReadWrite && (!file.exists() || file.size() == 0) && wal.exists() && wal.size() > 0) {
        return {nullptr, Failure::Damaged,
                Status::internalError(u"%1 is missing or empty but its write-ahead log %2 holds %3 bytes"_qs.arg(
                    path, wal.filePath()).arg(wal.size()))};
    }
    const int flags = (mode == Mode::ReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY)
        | SQLITE_OPEN_NOMUTEX;
    sqlite3 *raw = nullptr;
    // The WAL's writes gathered into one per commit (walwritebuffer.h); the default VFS otherwise.
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, walbuffer::vfsName());
    std::unique_ptr<SqliteDb> db(raw ? new SqliteDb(raw) : nullptr);
    if (rc != SQLITE_OK) {
        const QString why = raw ? QString::fromUtf8(sqlite3_errmsg(raw)) : QString::fromUtf8(sqlite3_errstr(rc));
        return {nullptr, isDamage(rc) ? Failure::Damaged : Failure::Other,
                Status::internalError(u"cannot open %1: %2"_qs.arg(path, why))};
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, busyTimeoutMs);
    // Until the file is known good, closing must not checkpoint: that would write the WAL into a
    // damaged database and delete the WAL. Damaged files are left exactly as found.
    setCheckpointOnClose(raw, false);
    const auto fail = [&](const Status &status) {
        const Failure failure = isDamage(sqlite3_errcode(raw)) ? Failure::Damaged : Failure::Other;
        return OpenResult{nullptr, failure, status};
    };
    if (mode == Mode::ReadOnly)
        return {std::move(db), Failure::None, {}};

    // WAL, and synchronous=FULL set explicitly: entering WAL mode would otherwise switch to
    // SQLITE_DEFAULT_WAL_SYNCHRONOUS, which may be NORMAL (no fsync per commit).
    Expected<QString> journal = db->pragmaText("PRAGMA journal_mode=WAL");
    if (!journal)
        return fail(journal.error());
    if (Status s = db->exec("PRAGMA synchronous=FULL"); !s.isSuccess())
        return fail(s);
#ifdef Q_OS_MACOS
    // fsync() does not reach the platter on macOS; F_FULLFSYNC does.
    db->exec("PRAGMA fullfsync=ON");
    db->exec("PRAGMA checkpoint_fullfsync=ON");
#endif
    Expected<QString> sync = db->pragmaText("PRAGMA synchronous");
    if (!sync)
        return fail(sync.error());
    db->m_journalMode = journal->toLower();
    db->m_synchronous = sync->toInt();
    if (db->m_journalMode != u"wal"_qs || db->m_synchronous != 2) {
        return {nullptr, Failure::Other,
                Status::internalError(u"%1: SQLite did not apply the durability settings (journal_mode=%2, synchronous=%3; "
                                      "wanted wal and 2 = FULL)"_qs.arg(path, db->m_journalMode).arg(db->m_synchronous))};
    }
    if (Status s = db->exec(journalSizeLimit); !s.isSuccess())
        return fail(s);
    // The store checkpoints itself, between batches (see Store); the hook replaces the
    // automatic checkpoint that would otherwise run inside a commit.
    sqlite3_wal_hook(raw, walHook, &db->m_walFrames);

    Expected<SqliteStatement> check = db->prepare("PRAGMA quick_check");
    if (!check)
        return fail(check.error());
    QStringList problems;
    for (;;) {
        const SqliteStatement::Step step = check.value().step();
        if (step == SqliteStatement::Step::Error)
            return fail(db->error(u"PRAGMA quick_check on %1"_qs.arg(path)));
        if (step == SqliteStatement::Step::Done)
            break;
        const QString line = check.value().textAt(0);
        if (line != u"ok"_qs && problems.size() < 5)
            problems.append(line);
    }
    if (!problems.isEmpty()) {
        return {nullptr, Failure::Damaged,
                Status::internalError(u"%1 failed its integrity check: %2"_qs.arg(path, problems.join(u"; "_qs)))};
    }
    setCheckpointOnClose(raw, true); // a clean close folds the WAL into the database
    return {std::move(db), Failure::None, {}};
}

SqliteDb::~SqliteDb()
{
    sqlite3_close_v2(m_db);
}

Expected<QString> SqliteDb::pragmaText(const char *sql)
{
    Expected<SqliteStatement> stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    if (stmt.value().step() != SqliteStatement::Step::Row)
        return error(QString::fromUtf8(sql));
    return stmt.value().textAt(0);
}

Status SqliteDb::exec(const char *sql)
{
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return error(QString::fromUtf8(sql));
    return {};
}

Expected<SqliteStatement> SqliteDb::prepare(const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        return error(u"preparing %1"_qs.arg(QString::fromUtf8(sql)));
    return SqliteStatement(stmt);
}

Status SqliteDb::error(const QString &doing) const
{
    return Status::internalError(u"%1: %2 (SQLite %3)"_qs.arg(doing, QString::fromUtf8(sqlite3_errmsg(m_db)))
                                     .arg(sqlite3_extended_errcode(m_db)));
}

int SqliteDb::lastErrorCode() const
{
    return sqlite3_extended_errcode(m_db);
}

Status SqliteDb::checkpoint(Checkpoint kind)
{
    const int mode = kind == Checkpoint::Truncate ? SQLITE_CHECKPOINT_TRUNCATE : SQLITE_CHECKPOINT_PASSIVE;
    int logFrames = 0;
    int checkpointed = 0;
    const int rc = sqlite3_wal_checkpoint_v2(m_db, nullptr, mode, &logFrames, &checkpointed);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        return error(u"checkpointing the WAL"_qs);
    if (logFrames < 0)
        return {}; // another connection (a sqlite3 shell, say) was checkpointing: nothing was counted
    // Frames left behind (a reader still needs them) count towards the next checkpoint.
    m_walFrames = logFrames - checkpointed;
    return {};
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bind(int index, QByteArrayView bytes)
{
    // A zero-length blob, not NULL, for empty keys.
    sqlite3_bind_blob64(m_stmt, index, bytes.data() ? bytes.data() : "", sqlite3_uint64(bytes.size()), SQLITE_STATIC);
}

SqliteStatement::Step SqliteStatement::step()
{
    switch (sqlite3_step(m_stmt)) {
    case SQLITE_ROW:
        return Step::Row;
    case SQLITE_DONE:
        return Step::Done;
    default:
        return Step::Error;
    }
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 SqliteStatement::int64At(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QByteArray SqliteStatement::bytesAt(int column) const
{
    const void *data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return QByteArray(static_cast<const char *>(data), size);
}

QString SqliteStatement::textAt(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column));
}

} // namespace kube
