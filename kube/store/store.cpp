#include "store.h"

#include "batchtimings.h"
#include "commitqueue.h"
#include "eventfanout.h"
#include "eventhistory.h"
#include "revisionlog.h"
#include "sqlitedb.h"
#include "storedirectory.h"
#include "storekey.h"
#include "watchhub.h"
#include "writeplan.h"

#include <QHash>
#include <QLoggingCategory>

#include <chrono>
#include <mutex>
#include <shared_mutex>
#include <thread>

#include <pthread.h>

Q_LOGGING_CATEGORY(lcStore, "timonel.store")

namespace kube {

class Store::Private final : public CommitQueue::Committer
{
public:
    explicit Private(const StoreOptions &o)
        : options(o), history(o.historyWindow),
          queue(*this, o.maxBatch, std::chrono::microseconds(std::max(o.coalesceWindowMicros, 0)))
    {
    }

    Status load();
    void runHousekeeping();
    void commitBatch(const std::vector<WriteRequest *> &batch) override;
    bool afterBatch() override;
    void failBatch(const std::vector<WriteRequest *> &batch, const Status &why);
    Status beginCompaction(qint64 horizon);
    void compactStep();
    void maintain(bool idle);
    bool idleWorkPending() const;
    Expected<Object> submit(WriteRequest::Kind kind, const QByteArray &key, const Object &object, std::optional<qint64> expected);
    Expected<ListResult> listFromLog(QByteArrayView prefix, const ListOptions &options, qint64 revision) const;

    const StoreOptions options;
    std::unique_ptr<StoreDirectory> directory;
    QString recoveryNotice;

    // The commit token's: after open(), touched only by the thread holding it (a leading
    // caller, or the housekeeping thread), one at a time.
    std::unique_ptr<SqliteDb> writeDb;
    std::unique_ptr<RevisionLog> log;
    qint64 compactionDone = 0;   // superseded rows at or below this are deleted
    qint64 compactionTarget = 0; // ...and up to this are being deleted, chunk by chunk
    bool walDirty = false;       // commits since the last checkpoint attempt
    Status poisoned;             // set when SQLite and memory may disagree: writes refused
    QList<StoreEvent> toDispatch; // the batch's events while watchers are open, for the fan-out
    BatchTimings timings;

    // Reads at past revisions, from any thread, one at a time.
    mutable std::mutex readDbMutex;
    std::unique_ptr<SqliteDb> readDb; // guarded by readDbMutex

    // The current state. Readers hold stateMutex shared; only the commit token's holder changes it,
    // holding it exclusively. Invariants: revision >= every modRevision in keys and every
    // event in history; history holds every event in (history.floorRevision(), revision];
    // compacted <= revision and never decreases; revision never decreases.
    mutable std::shared_mutex stateMutex;
    KeySpace keys;
    EventHistory history;
    qint64 revision = 0;
    qint64 compacted = 0;

    CommitQueue queue;
    WatchHub hub;
    std::unique_ptr<EventFanout> fanout; // dispatches to hub; reset before hub goes
    std::thread housekeeper;             // idle checkpoints and compaction chunks
};

namespace {

Status tooLargeResourceVersion(qint64 wanted, qint64 current)
{
    // What the apiserver answers for a revision it has not reached (a 504 it retries).
    return Status(504, QString::fromLatin1(reason::Timeout),
                  u"Too large resource version: %1, current resource version: %2"_qs.arg(wanted).arg(current));
}

Status compactedAway(qint64 wanted, qint64 compacted)
{
    return Status::expired(u"too old resource version: %1 (%2)"_qs.arg(wanted).arg(compacted));
}

StoreEvent::Type eventType(const RevisionLog::Row &row)
{
    if (row.deleted)
        return StoreEvent::Type::Deleted;
    return row.createRevision == row.revision ? StoreEvent::Type::Added : StoreEvent::Type::Modified;
}

} // namespace

// ---- open ---------------------------------------------------------------------------------

Expected<std::unique_ptr<Store>> Store::open(const QString &dir, const StoreOptions &options)
{
    auto d = std::make_unique<Private>(options);
    Expected<std::unique_ptr<StoreDirectory>> directory = StoreDirectory::open(dir);
    if (!directory)
        return directory.error();
    d->directory = std::move(directory).value();
    const QString path = d->directory->databasePath();

    SqliteDb::OpenResult opened = SqliteDb::open(path, SqliteDb::Mode::ReadWrite);
    if (opened.failure == SqliteDb::Failure::Damaged) {
        Expected<StoreDirectory::MovedAside> moved = d->directory->moveDatabaseAside();
        if (!moved) {
            return Status::internalError(u"%1; moving the damaged files aside failed too: %2; nothing was deleted"_qs.arg(
                opened.status.message(), moved.error().message()));
        }
        const QString notice = u"The store %1 is damaged (%2). Its files (%3) were moved, not deleted, to %4."_qs.arg(
            path, opened.status.message(), moved->files.join(u", "_qs), moved->folder);
        qCWarning(lcStore).noquote() << notice;
        if (options.onDamage == DamagedStorePolicy::Fail)
            return Status::internalError(notice + u" Restore them from a backup, or open with a fresh store."_qs);
        d->recoveryNotice = notice + u" Timonel started with an empty store."_qs;
        opened = SqliteDb::open(path, SqliteDb::Mode::ReadWrite);
    }
    if (!opened.db)
        return opened.status;
    d->writeDb = std::move(opened.db);

    Expected<std::unique_ptr<RevisionLog>> log = RevisionLog::attach(*d->writeDb);
    if (!log)
        return log.error();
    d->log = std::move(log).value();
    if (Status s = d->load(); !s.isSuccess())
        return s;

    SqliteDb::OpenResult reader = SqliteDb::open(path, SqliteDb::Mode::ReadOnly);
    if (!reader.db)
        return reader.status;
    d->readDb = std::move(reader.db);

    d->fanout = std::make_unique<EventFanout>(d->hub);
    d->fanout->post({}, d->revision); // the loaded revisions have no watchers to reach
    Private *p = d.get();
    d->housekeeper = std::thread([p] {
        pthread_setname_np(pthread_self(), "store-idle");
        p->runHousekeeping();
    });
    return std::unique_ptr<Store>(new Store(std::move(d)));
}

// Rebuilds memory from the log: every live key, the revision, and the history window.
Status Store::Private::load()
{
    Expected<RevisionLog::Meta> meta = log->readMeta();
    if (!meta)
        return meta.error();
    revision = meta->revision;
    compacted = meta->compactedRevision;
    compactionDone = 0;
    compactionTarget = compacted; // finish (idempotently) any compaction cut short

    Status parseError;
    Status s = log->readLatest([&](RevisionLog::Row &&row) {
        Expected<Object> object = Object::parse(row.value);
        if (!object) {
            parseError = Status::internalError(u"revision %1 of %2 in the store is not a valid object: %3"_qs.arg(row.revision).arg(
                QString::fromUtf8(row.key), object.error().message()));
            return;
        }
        keys.put(row.key, KeyEntry{std::move(object).value(), row.createRevision, row.revision});
    });
    if (!s.isSuccess())
        return s;
    if (!parseError.isSuccess())
        return parseError;

    // Every revision above the compaction horizon is in the log, so the window is complete.
    const qint64 floor = std::max(compacted, revision - qint64(history.capacity()));
    history = EventHistory(options.historyWindow, floor);
    QHash<qint64, Object> byRevision;
    s = log->readAfter(floor, [&](RevisionLog::Row &&row) {
        // A key's latest row was parsed by readLatest already: share that object, parse the rest.
        Object parsed;
        if (const KeyEntry *live = row.deleted ? nullptr : keys.find(row.key); live && live->modRevision == row.revision) {
            parsed = live->object;
        } else {
            Expected<Object> object = Object::parse(row.value);
            if (!object)
                return; // unreachable for a log that passed readLatest and quick_check
            parsed = std::move(object).value();
        }
        StoreEvent event{eventType(row), row.key, std::move(parsed), Object(), row.revision};
        if (row.prevRevision > 0) {
            if (const auto it = byRevision.constFind(row.prevRevision); it != byRevision.cend()) {
                event.prevObject = *it;
            } else if (Expected<QByteArray> prev = log->valueAt(row.prevRevision); prev && !prev->isEmpty()) {
                if (Expected<Object> parsed = Object::parse(*prev))
                    event.prevObject = std::move(parsed).value();
            }
        }
        byRevision.insert(row.revision, event.object);
        history.append(std::move(event));
    });
    return s;
}

Store::Store(std::unique_ptr<Private> d) : d(std::move(d)) {}

Store::~Store()
{
    d->queue.close();
    if (d->housekeeper.joinable())
        d->housekeeper.join(); // returns once every caller left and no commit runs
    d->fanout.reset();         // dispatches what is still posted
    d->hub.closeAll(Status(503, QString::fromLatin1(reason::ServiceUnavailable), u"the store was closed"_qs));
}

// ---- group commit (on the leading caller's thread, holding the commit token) ----------------

void Store::Private::runHousekeeping()
{
    while (queue.runIdle([this] {
        maintain(true);
        return idleWorkPending();
    })) {
    }
}

// One transaction, one fsync, for everything queued. The queue wakes the callers afterwards.
void Store::Private::commitBatch(const std::vector<WriteRequest *> &batch)
{
    if (!poisoned.isSuccess()) {
        failBatch(batch, poisoned);
        return;
    }
    timings.begin(batch.size());
    WritePlan plan = planBatch(keys, revision, batch); // keys: only the token holder changes them
    timings.mark(BatchTimings::Plan);
    if (!plan.isEmpty()) {
        if (Status s = log->append(plan.rows, &timings); !s.isSuccess()) {
            qCWarning(lcStore).noquote() << "commit failed; the batch is refused:" << s.message();
            // A failed COMMIT rolls back; make sure, since memory must match the log.
            Expected<RevisionLog::Meta> meta = log->readMeta();
            if (!meta || meta->revision != revision) {
                poisoned = Status::internalError(u"the store could not confirm the state of its database after a failed "
                                                 "commit; reopen it (%1)"_qs.arg(s.message()));
            }
            failBatch(batch, s);
            return;
        }
        timings.mark(BatchTimings::Commit);
        walDirty = true;
        std::unique_lock lock(stateMutex);
        for (qsizetype i = 0; i < plan.events.size(); ++i) {
            const StoreEvent &e = plan.events.at(i);
            if (e.type == StoreEvent::Type::Deleted)
                keys.erase(e.key);
            else
                keys.put(e.key, KeyEntry{e.object, plan.createRevisions.at(i), e.revision});
            history.append(e);
        }
        revision = plan.lastRevision;
    }
    for (WriteRequest *r : batch) {
        if (r->kind != WriteRequest::Kind::Compact)
            continue;
        const Status s = beginCompaction(*r->expectedRevision);
        r->result = s.isSuccess() ? Expected<Object>(Object()) : Expected<Object>(s);
    }
    timings.mark(BatchTimings::Apply);
    // Checked after the state changed: a watcher added later replays these events from history.
    if (hub.size() > 0)
        toDispatch = std::move(plan.events);
}

// The batch is durable and applied; its callers are woken next. Hands its events to the
// fan-out (which runs on its own thread) and does the housekeeping due between batches.
bool Store::Private::afterBatch()
{
    fanout->post(std::exchange(toDispatch, {}), revision);
    maintain(false);
    timings.mark(BatchTimings::After);
    return idleWorkPending();
}

void Store::Private::failBatch(const std::vector<WriteRequest *> &batch, const Status &why)
{
    for (WriteRequest *r : batch)
        r->result = why;
}

// Raises the horizon: memory first (so no reader starts below it), then durably; rows go later.
Status Store::Private::beginCompaction(qint64 horizon)
{
    if (horizon > revision)
        return tooLargeResourceVersion(horizon, revision);
    if (horizon <= compacted)
        return {};
    {
        std::unique_lock lock(stateMutex);
        compacted = horizon;
        history.trimThrough(horizon);
    }
    if (Status s = log->recordCompaction(horizon, revision); !s.isSuccess())
        return s;
    compactionTarget = horizon;
    return {};
}

void Store::Private::compactStep()
{
    const qint64 to = std::min(compactionTarget, compactionDone + std::max<qint64>(options.compactionChunk, 1));
    Expected<qint64> deleted = log->compactRange(compactionDone, to);
    if (!deleted) {
        qCWarning(lcStore).noquote() << "compaction stopped:" << deleted.error().message();
        compactionTarget = compactionDone; // retried at the next compaction
        return;
    }
    compactionDone = to;
    walDirty = true;
}

// Housekeeping between batches: automatic compaction, compaction chunks, WAL checkpoints.
// idle: no write was waiting. A busy store still checkpoints when the WAL grows large.
void Store::Private::maintain(bool idle)
{
    if (options.compactionRetain > 0 && revision - compacted >= options.compactionRetain + options.compactionInterval)
        beginCompaction(revision - options.compactionRetain);
    if (compactionDone < compactionTarget)
        compactStep();
    const int frames = writeDb->walFrames();
    const bool due = idle ? walDirty && frames >= options.idleCheckpointFrames : frames >= options.busyCheckpointFrames;
    if (!due)
        return;
    // Between batches, holding the token: a checkpoint beside the commits (its own connection and
    // thread) was tried and measured slower — its fsyncs of the database file delayed the WAL's,
    // and under steady writes it never caught up enough to let the WAL start over.
    if (Status s = writeDb->checkpoint(SqliteDb::Checkpoint::Passive); !s.isSuccess())
        qCWarning(lcStore).noquote() << s.message();
    walDirty = false;
}

bool Store::Private::idleWorkPending() const
{
    return compactionDone < compactionTarget || (walDirty && writeDb->walFrames() >= options.idleCheckpointFrames);
}

// ---- writes -------------------------------------------------------------------------------

Expected<Object> Store::Private::submit(WriteRequest::Kind kind, const QByteArray &key, const Object &object,
                                        std::optional<qint64> expected)
{
    if (key.isEmpty() && kind != WriteRequest::Kind::Compact)
        return Status::badRequest(u"empty store key"_qs);
    if ((kind == WriteRequest::Kind::Create || kind == WriteRequest::Kind::Update) && object.isNull())
        return Status::badRequest(u"no object to store at %1"_qs.arg(QString::fromUtf8(key)));
    WriteRequest request;
    request.kind = kind;
    request.key = key;
    request.object = object;
    if (kind == WriteRequest::Kind::Create || kind == WriteRequest::Kind::Update) {
        // The stamped copy's allocation and bytes, made here, in parallel with other writers
        // and outside the commit token: the leader only writes the revision into the gap.
        request.draft = object.draftResourceVersion();
    }
    request.expectedRevision = expected;
    return queue.submit(request);
}

Expected<Object> Store::create(const QByteArray &key, const Object &object)
{
    return d->submit(WriteRequest::Kind::Create, key, object, std::nullopt);
}

Expected<Object> Store::update(const QByteArray &key, const Object &object, std::optional<qint64> expectedModRevision)
{
    return d->submit(WriteRequest::Kind::Update, key, object, expectedModRevision);
}

Expected<Object> Store::remove(const QByteArray &key, std::optional<qint64> expectedModRevision)
{
    return d->submit(WriteRequest::Kind::Delete, key, Object(), expectedModRevision);
}

Expected<Object> Store::guaranteedUpdate(const QByteArray &key, const TryUpdate &tryUpdate, IfMissing ifMissing)
{
    for (;;) {
        const std::optional<KeyEntry> current = entry(key);
        if (!current && ifMissing == IfMissing::Fail)
            return Status::notFound(StoreKey::groupResource(key), StoreKey::name(key));
        Expected<Object> next = tryUpdate(current ? current->object : Object());
        if (!next)
            return next;
        if (current && next->withResourceVersion(current->object.resourceVersion()) == current->object)
            return current->object; // no change: no write, no new revision (upstream does the same)
        Expected<Object> written = current ? update(key, *next, current->modRevision) : create(key, *next);
        if (written)
            return written;
        const Status &error = written.error();
        const bool raced = error.is(reason::Conflict) || error.is(reason::AlreadyExists)
            || (error.is(reason::NotFound) && ifMissing == IfMissing::Create);
        if (!raced)
            return written;
    }
}

Status Store::compact(qint64 revision)
{
    Expected<Object> r = d->submit(WriteRequest::Kind::Compact, QByteArray(), Object(), revision);
    return r ? Status() : r.error();
}

// ---- reads --------------------------------------------------------------------------------

Expected<Object> Store::get(QByteArrayView key) const
{
    std::shared_lock lock(d->stateMutex);
    if (const KeyEntry *e = d->keys.find(key))
        return e->object;
    return Status::notFound(StoreKey::groupResource(key), StoreKey::name(key));
}

std::optional<KeyEntry> Store::entry(QByteArrayView key) const
{
    std::shared_lock lock(d->stateMutex);
    const KeyEntry *e = d->keys.find(key);
    return e ? std::optional<KeyEntry>(*e) : std::nullopt;
}

Expected<ListResult> Store::list(QByteArrayView prefix, const ListOptions &options) const
{
    {
        std::shared_lock lock(d->stateMutex);
        if (options.revision > d->revision)
            return tooLargeResourceVersion(options.revision, d->revision);
        if (options.revision != 0 && options.revision < d->compacted)
            return compactedAway(options.revision, d->compacted);
        if (options.revision == 0 || options.revision == d->revision) {
            KeySpace::Page page = d->keys.list(prefix, options.continueKey, options.limit);
            ListResult result;
            result.items = std::move(page.items);
            result.revision = d->revision;
            result.remainingItemCount = page.remaining;
            if (page.more)
                result.continueKey = page.lastKey;
            return result;
        }
    }
    return d->listFromLog(prefix, options, options.revision);
}

Expected<ListResult> Store::Private::listFromLog(QByteArrayView prefix, const ListOptions &options, qint64 atRevision) const
{
    Expected<QList<RevisionLog::Row>> read = [&] {
        std::lock_guard lock(readDbMutex);
        return RevisionLog::listAt(*readDb, prefix, options.continueKey, atRevision, options.limit);
    }();
    if (!read)
        return read.error();
    QList<RevisionLog::Row> rows = std::move(read).value();
    {
        // Compaction raises the horizon before deleting rows: if it passed us meanwhile, the
        // rows read may be incomplete.
        std::shared_lock lock(stateMutex);
        if (atRevision < compacted)
            return compactedAway(atRevision, compacted);
    }
    ListResult result;
    result.revision = atRevision;
    const bool more = options.limit > 0 && rows.size() > options.limit;
    if (more)
        rows.resize(options.limit);
    result.items.reserve(rows.size());
    for (const RevisionLog::Row &row : std::as_const(rows)) {
        Expected<Object> object = Object::parse(row.value);
        if (!object)
            return Status::internalError(u"revision %1 of %2 is not a valid object"_qs.arg(row.revision).arg(QString::fromUtf8(row.key)));
        result.items.append(std::move(object).value());
    }
    if (more)
        result.continueKey = rows.last().key;
    return result;
}

qint64 Store::currentRevision() const
{
    std::shared_lock lock(d->stateMutex);
    return d->revision;
}

qint64 Store::compactedRevision() const
{
    std::shared_lock lock(d->stateMutex);
    return d->compacted;
}

Expected<std::shared_ptr<Watcher>> Store::watch(QByteArrayView prefix, qint64 fromRevision, WatchOptions options)
{
    std::shared_ptr<Watcher> watcher;
    bool notify = false;
    {
        // Held across replay and registration: no batch is applied in between, so the watcher
        // sees every revision once (the hub skips what the replay delivered; batches applied
        // earlier but still queued in the fan-out are skipped by position the same way).
        std::shared_lock lock(d->stateMutex);
        const qint64 from = fromRevision == 0 ? d->revision : fromRevision;
        if (from < d->compacted)
            return compactedAway(from, d->compacted);
        Expected<QList<StoreEvent>> replay = d->history.eventsAfter(std::min(from, d->revision));
        if (!replay)
            return replay.error();
        watcher = std::make_shared<Watcher>(prefix.toByteArray(), std::move(options), from);
        notify = watcher->offer(*replay);
        d->hub.add(watcher);
    }
    if (notify)
        watcher->notify();
    return watcher;
}

StoreDiagnostics Store::diagnostics() const
{
    StoreDiagnostics out;
    out.databasePath = d->directory->databasePath();
    out.journalMode = d->writeDb->journalMode();
    out.synchronous = d->writeDb->synchronous();
    out.recoveryNotice = d->recoveryNotice;
    out.watchers = d->hub.size();
    out.dispatchedRevision = d->fanout->dispatchedRevision();
    std::shared_lock lock(d->stateMutex);
    out.revision = d->revision;
    out.compactedRevision = d->compacted;
    out.keys = d->keys.size();
    out.historySize = d->history.size();
    out.historyFloor = d->history.floorRevision();
    out.walFrames = d->writeDb->walFrames(); // racy read of a counter; diagnostic only
    return out;
}

} // namespace kube
