#include "writeplan.h"

#include "storekey.h"

#include <QHash>

#include <optional>

namespace kube {

namespace {

// The state of one key as the batch has left it so far.
struct Overlay {
    QHash<QByteArray, std::optional<KeyEntry>> written; // nullopt: deleted in this batch
    const KeySpace &state;

    std::optional<KeyEntry> current(const QByteArray &key) const
    {
        const auto it = written.constFind(key);
        if (it != written.cend())
            return *it;
        const KeyEntry *entry = state.find(key);
        return entry ? std::optional<KeyEntry>(*entry) : std::nullopt;
    }
};

Status notFound(QByteArrayView key)
{
    return Status::notFound(StoreKey::groupResource(key), StoreKey::name(key));
}

Status preconditionFailed(QByteArrayView key, qint64 expected, qint64 actual)
{
    // Upstream's wording for a delete whose preconditions do not hold.
    return Status::conflict(StoreKey::groupResource(key), StoreKey::name(key),
                            u"Precondition failed: ResourceVersion in precondition: %1, ResourceVersion in object meta: %2"_qs
                                .arg(expected)
                                .arg(actual));
}

} // namespace

Status conflictStatus(QByteArrayView key)
{
    return Status::conflict(StoreKey::groupResource(key), StoreKey::name(key),
                            u"the object has been modified; please apply your changes to the latest version and try again"_qs);
}

WritePlan planBatch(const KeySpace &state, qint64 revision, const std::vector<WriteRequest *> &batch)
{
    WritePlan plan;
    Overlay overlay{{}, state};
    for (WriteRequest *request : batch) {
        const QByteArray &key = request->key;
        const std::optional<KeyEntry> current = overlay.current(key);
        RevisionLog::Row row;
        StoreEvent event;
        event.key = key;
        switch (request->kind) {
        case WriteRequest::Kind::Create:
            if (current) {
                request->result = Status::alreadyExists(StoreKey::groupResource(key), StoreKey::name(key));
                continue;
            }
            event.type = StoreEvent::Type::Added;
            break;
        case WriteRequest::Kind::Update:
            if (!current) {
                request->result = notFound(key);
                continue;
            }
            if (request->expectedRevision && *request->expectedRevision != current->modRevision) {
                request->result = conflictStatus(key);
                continue;
            }
            event.type = StoreEvent::Type::Modified;
            break;
        case WriteRequest::Kind::Delete:
            if (!current) {
                request->result = notFound(key);
                continue;
            }
            if (request->expectedRevision && *request->expectedRevision != current->modRevision) {
                request->result = preconditionFailed(key, *request->expectedRevision, current->modRevision);
                continue;
            }
            event.type = StoreEvent::Type::Deleted;
            break;
        case WriteRequest::Kind::Compact:
            continue; // the leader handles these after the batch's writes
        }

        const qint64 rev = ++revision;
        if (event.type == StoreEvent::Type::Deleted)
            event.object = current->object.withResourceVersion(QString::number(rev));
        else
            event.object = request->object.stampResourceVersion(std::move(request->draft), rev);
        event.revision = rev;
        const qint64 createRevision = current ? current->createRevision : rev;
        if (current)
            event.prevObject = current->object;

        row.revision = rev;
        row.key = key;
        row.value = event.object.json();
        row.createRevision = createRevision;
        row.deleted = event.type == StoreEvent::Type::Deleted;
        row.prevRevision = current ? current->modRevision : 0;

        if (row.deleted)
            overlay.written.insert(key, std::nullopt);
        else
            overlay.written.insert(key, KeyEntry{event.object, createRevision, rev});
        request->result = event.object;
        plan.rows.append(std::move(row));
        plan.createRevisions.append(createRevision);
        plan.events.append(std::move(event));
    }
    plan.lastRevision = revision;
    return plan;
}

} // namespace kube
