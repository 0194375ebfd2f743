#pragma once
// FakeServer + FakeListWatch: a scripted in-memory API server for one resource, for testing
// the cache without HTTP. One revision counter; every change is logged so watches replay from
// any revision not yet compacted; paged lists read a snapshot kept per continue token.
// Failures on demand: dropConnections() (reset), restart() (reset, then refuse N attempts),
// expire() (compact the log: open watches get a 410 Error event, old revisions answer 410),
// closeNormally() (timeoutSeconds elapsed). Answers and events are delivered asynchronously
// (posted to the event loop), as a network would.
//
// Thread affinity: the test's thread.

#include "kube/client/listwatch.h"

#include <QHash>
#include <QMap>
#include <QPointer>

namespace kube::testing {

class FakeWatchConnection;

class FakeServer
{
public:
    FakeServer();
    ~FakeServer();

    // Stores the object at a new revision (Added when new, Modified otherwise).
    Object put(const Object &object);
    // Deletes; returns false when absent.
    bool remove(const ObjectKey &key);
    void bookmark();

    void dropConnections();
    // Drops every connection and refuses the next `refusals` lists and watches.
    void restart(int refusals);
    // Compacts history up to now: open watches and watches from older RVs end with 410, as an
    // Error event (what API servers send) or as closed(410).
    enum class ExpiryDelivery { ErrorEvent, ClosedStatus };
    void expire(ExpiryDelivery delivery = ExpiryDelivery::ErrorEvent);
    // Revisions used by other resources: bookmarks reveal them, no event does.
    void bumpRevision(qint64 by) { m_revision += by; }
    void closeNormally();
    // Every watch opened from now on closes at once, without events (until set to false).
    void setCloseImmediately(bool close) { m_closeImmediately = close; }

    qint64 revision() const { return m_revision; }
    const QMap<ObjectKey, Object> &objects() const { return m_objects; }
    int listCalls() const { return m_listCalls; }
    int watchCalls() const { return m_watchCalls; }
    int openConnections() const;
    QList<ListRequest> listRequests() const { return m_listRequests; }
    QList<WatchRequest> watchRequests() const { return m_watchRequests; }

    void list(const ListRequest &request, std::function<void(Expected<ListPage>)> done);
    std::unique_ptr<WatchConnection> watch(const WatchRequest &request);

    // Objects per eventsReceived() emission.
    int chunkSize = 50;

private:
    struct LoggedEvent {
        qint64 revision;
        WatchEvent event;
    };
    struct Snapshot {
        QList<Object> items;
        qint64 revision;
    };
    void broadcast(const WatchEvent &event);
    bool refuse();
    void endExpired(FakeWatchConnection *connection);

    QMap<ObjectKey, Object> m_objects;
    QList<LoggedEvent> m_log;
    qint64 m_revision = 100;
    qint64 m_compactedRevision = 0;
    QHash<QString, Snapshot> m_snapshots;
    int m_nextToken = 1;
    int m_refusals = 0;
    bool m_closeImmediately = false;
    ExpiryDelivery m_expiryDelivery = ExpiryDelivery::ErrorEvent;
    int m_listCalls = 0;
    int m_watchCalls = 0;
    QList<ListRequest> m_listRequests;
    QList<WatchRequest> m_watchRequests;
    QList<QPointer<FakeWatchConnection>> m_connections;
};

class FakeListWatch final : public ListWatch
{
public:
    explicit FakeListWatch(FakeServer &server) : m_server(server) {}
    void list(const ListRequest &request, std::function<void(Expected<ListPage>)> done) override { m_server.list(request, std::move(done)); }
    std::unique_ptr<WatchConnection> watch(const WatchRequest &request) override { return m_server.watch(request); }
    QString describe() const override { return QStringLiteral("fake pods"); }

private:
    FakeServer &m_server;
};

// A pod-shaped object with a managedFields entry.
Object makePod(const QString &ns, const QString &name, const QString &rv = {}, const Labels &labels = {},
               const QString &nodeName = {}, const QString &ownerUid = {});

} // namespace kube::testing
