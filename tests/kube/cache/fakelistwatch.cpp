#include "fakelistwatch.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace kube::testing {

// Events are queued and emitted from the event loop in chunks; closing is queued behind them.
class FakeWatchConnection final : public WatchConnection
{
public:
    using WatchConnection::WatchConnection;
    bool allowBookmarks = true;

    void push(const WatchEvent &event, int chunkSize)
    {
        if (m_ended)
            return;
        m_pending.append(event);
        m_chunkSize = chunkSize;
        schedule();
    }
    void end(const Status &why)
    {
        if (m_ended)
            return;
        m_ended = true;
        m_why = why;
        schedule();
    }
    void stop() override
    {
        m_ended = true;
        m_stopped = true;
        m_pending.clear();
    }
    bool isOpen() const { return !m_ended; }

private:
    void schedule()
    {
        if (m_scheduled)
            return;
        m_scheduled = true;
        QTimer::singleShot(0, this, [this] { flush(); });
    }
    void flush()
    {
        m_scheduled = false;
        if (m_stopped)
            return;
        if (!m_pending.isEmpty()) {
            const QList<WatchEvent> chunk = m_pending.mid(0, m_chunkSize);
            m_pending.remove(0, chunk.size());
            Q_EMIT eventsReceived(chunk);
            if (m_stopped)
                return;
            if (!m_pending.isEmpty() || m_ended)
                schedule();
            return;
        }
        if (m_ended && !m_closedEmitted) {
            m_closedEmitted = true;
            Q_EMIT closed(m_why);
        }
    }

    QList<WatchEvent> m_pending;
    int m_chunkSize = 50;
    bool m_scheduled = false;
    bool m_ended = false;
    bool m_stopped = false;
    bool m_closedEmitted = false;
    Status m_why;
};

FakeServer::FakeServer() = default;

FakeServer::~FakeServer() = default;

Object FakeServer::put(const Object &object)
{
    const Object stored = object.withResourceVersion(QString::number(++m_revision));
    const bool exists = m_objects.contains(stored.key());
    m_objects.insert(stored.key(), stored);
    WatchEvent event{exists ? WatchEvent::Type::Modified : WatchEvent::Type::Added, stored, {}};
    m_log.append({m_revision, event});
    broadcast(event);
    return stored;
}

bool FakeServer::remove(const ObjectKey &key)
{
    auto it = m_objects.find(key);
    if (it == m_objects.end())
        return false;
    const Object gone = it->withResourceVersion(QString::number(++m_revision));
    m_objects.erase(it);
    WatchEvent event{WatchEvent::Type::Deleted, gone, {}};
    m_log.append({m_revision, event});
    broadcast(event);
    return true;
}

void FakeServer::bookmark()
{
    QJsonObject o{{u"kind"_qs, u"Pod"_qs}, {u"apiVersion"_qs, u"v1"_qs},
                  {u"metadata"_qs, QJsonObject{{u"resourceVersion"_qs, QString::number(m_revision)}}}};
    const WatchEvent event{WatchEvent::Type::Bookmark, Object::fromJson(o), {}};
    for (const auto &c : std::as_const(m_connections)) {
        if (c && c->isOpen() && c->allowBookmarks)
            c->push(event, chunkSize);
    }
}

void FakeServer::broadcast(const WatchEvent &event)
{
    for (const auto &c : std::as_const(m_connections)) {
        if (c && c->isOpen())
            c->push(event, chunkSize);
    }
}

void FakeServer::dropConnections()
{
    for (const auto &c : std::as_const(m_connections)) {
        if (c)
            c->end(Status(0, QString(), u"connection reset by peer"_qs));
    }
    m_connections.clear();
}

void FakeServer::restart(int refusals)
{
    dropConnections();
    m_snapshots.clear();
    m_refusals = refusals;
}

bool FakeServer::refuse()
{
    if (m_refusals <= 0)
        return false;
    --m_refusals;
    return true;
}

void FakeServer::endExpired(FakeWatchConnection *connection)
{
    const Status gone = Status::expired(u"too old resource version"_qs);
    if (m_expiryDelivery == ExpiryDelivery::ClosedStatus) {
        connection->end(gone);
        return;
    }
    connection->push({WatchEvent::Type::Error, {}, gone}, chunkSize);
    connection->end(Status());
}

void FakeServer::expire(ExpiryDelivery delivery)
{
    m_expiryDelivery = delivery;
    m_compactedRevision = m_revision;
    m_log.clear();
    m_snapshots.clear();
    for (const auto &c : std::as_const(m_connections)) {
        if (c)
            endExpired(c);
    }
    m_connections.clear();
}

void FakeServer::closeNormally()
{
    for (const auto &c : std::as_const(m_connections)) {
        if (c)
            c->end(Status());
    }
    m_connections.clear();
}

int FakeServer::openConnections() const
{
    int n = 0;
    for (const auto &c : m_connections)
        n += c && c->isOpen();
    return n;
}

void FakeServer::list(const ListRequest &request, std::function<void(Expected<ListPage>)> done)
{
    ++m_listCalls;
    m_listRequests.append(request);
    auto answer = [done = std::move(done)](Expected<ListPage> page) {
        QTimer::singleShot(0, [done, page] { done(page); });
    };
    if (refuse()) {
        answer(Status(0, QString(), u"connection refused"_qs));
        return;
    }
    Snapshot snapshot;
    qsizetype offset = 0;
    if (!request.continueToken.isEmpty()) {
        const QStringList parts = request.continueToken.split(u':');
        if (parts.size() != 2 || !m_snapshots.contains(parts[0])) {
            answer(Status::expired(u"The provided continue parameter is too old"_qs));
            return;
        }
        snapshot = m_snapshots.value(parts[0]);
        offset = parts[1].toLongLong();
    } else {
        snapshot = {m_objects.values(), m_revision};
    }
    const qsizetype limit = request.limit > 0 ? request.limit : snapshot.items.size();
    ListPage page;
    page.items = snapshot.items.mid(offset, limit);
    page.resourceVersion = QString::number(snapshot.revision);
    const qsizetype next = offset + page.items.size();
    if (next < snapshot.items.size()) {
        QString id = request.continueToken.section(u':', 0, 0);
        if (id.isEmpty()) {
            id = QString::number(m_nextToken++);
            m_snapshots.insert(id, snapshot);
        }
        page.continueToken = id + u':' + QString::number(next);
        page.remainingItemCount = snapshot.items.size() - next;
    }
    answer(page);
}

std::unique_ptr<WatchConnection> FakeServer::watch(const WatchRequest &request)
{
    ++m_watchCalls;
    m_watchRequests.append(request);
    auto connection = std::make_unique<FakeWatchConnection>();
    connection->allowBookmarks = request.allowWatchBookmarks;
    if (refuse()) {
        connection->end(Status(0, QString(), u"connection refused"_qs));
        return connection;
    }
    if (m_closeImmediately) {
        connection->end(Status());
        return connection;
    }
    const qint64 from = request.resourceVersion.toLongLong();
    if (from < m_compactedRevision) {
        endExpired(connection.get());
        return connection;
    }
    for (const LoggedEvent &e : std::as_const(m_log)) {
        if (e.revision > from)
            connection->push(e.event, chunkSize);
    }
    m_connections.append(QPointer<FakeWatchConnection>(connection.get()));
    return connection;
}

Object makePod(const QString &ns, const QString &name, const QString &rv, const Labels &labels, const QString &nodeName, const QString &ownerUid)
{
    QJsonObject metadata{{u"name"_qs, name}, {u"namespace"_qs, ns}, {u"uid"_qs, u"uid-"_qs + ns + u'-' + name}};
    if (!rv.isEmpty())
        metadata[u"resourceVersion"_qs] = rv;
    if (!labels.isEmpty()) {
        QJsonObject l;
        for (const auto &[k, v] : labels)
            l[k] = v;
        metadata[u"labels"_qs] = l;
    }
    if (!ownerUid.isEmpty())
        metadata[u"ownerReferences"_qs] = QJsonArray{QJsonObject{{u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"ReplicaSet"_qs}, {u"name"_qs, u"rs"_qs}, {u"uid"_qs, ownerUid}, {u"controller"_qs, true}}};
    metadata[u"managedFields"_qs] = QJsonArray{QJsonObject{{u"manager"_qs, u"kubectl"_qs}, {u"operation"_qs, u"Apply"_qs},
                                                           {u"fieldsV1"_qs, QJsonObject{{u"f:spec"_qs, QJsonObject{}}}}}};
    QJsonObject spec{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"c"_qs}, {u"image"_qs, u"nginx"_qs}}}}};
    if (!nodeName.isEmpty())
        spec[u"nodeName"_qs] = nodeName;
    return Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs}, {u"metadata"_qs, metadata}, {u"spec"_qs, spec}});
}

} // namespace kube::testing
