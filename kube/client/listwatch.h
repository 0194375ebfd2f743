#pragma once
// ListWatch: the two calls a Reflector needs from a cluster — list one page, open one watch —
// for one resource in one namespace scope. The contract between kube/client (which implements
// it over HTTP: RestListWatch) and kube/cache (which consumes it), so the cache is tested with
// fakes and runs against any cluster.
//
// Thread affinity: a ListWatch and the WatchConnections it opens belong to the thread that
// created them (it must run an event loop); callbacks and signals arrive on that thread.

#include "kube/api/expected.h"
#include "kube/api/object.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace kube {

struct ListRequest {
    QString labelSelector;
    QString fieldSelector;
    qsizetype limit = 0;          // 0: no paging
    QString continueToken;
    QString resourceVersion;      // "" (most recent, quorum), "0" (any), or a revision
    QString resourceVersionMatch; // "", "NotOlderThan", "Exact"
    // Decoding, not sent: items without metadata.managedFields (what informers cache).
    bool dropManagedFields = false;
};

struct ListPage {
    QList<Object> items;
    QString resourceVersion;      // the list's metadata.resourceVersion
    QString continueToken;        // non-empty when more pages follow
    qint64 remainingItemCount = -1;
};

struct WatchRequest {
    QString labelSelector;
    QString fieldSelector;
    QString resourceVersion;      // start after this revision ("" or "0": from now / any)
    int timeoutSeconds = 0;       // 0: the server's default
    bool allowWatchBookmarks = true;
    bool sendInitialEvents = false; // with resourceVersionMatch=NotOlderThan (WatchList)
};

struct WatchEvent {
    enum class Type { Added, Modified, Deleted, Bookmark, Error };
    Type type = Type::Added;
    Object object;  // Added/Modified/Deleted/Bookmark (a bookmark carries only metadata.resourceVersion)
    Status error;   // Error: the Status the server sent (410 Expired, …)
};

// One open watch. Emits events in order; closed() exactly once, after which nothing is emitted.
// Destroying it (or stop()) closes the connection without emitting closed().
class WatchConnection : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~WatchConnection() override = default;
    virtual void stop() = 0;

Q_SIGNALS:
    // Events decoded from one or more chunks, in server order.
    void eventsReceived(const QList<kube::WatchEvent> &events);
    // The stream ended: success Status when the server ended it normally (timeoutSeconds),
    // otherwise why (connection refused or reset, HTTP error Status, decoding error).
    void closed(const kube::Status &why);
};

class ListWatch
{
public:
    virtual ~ListWatch() = default;
    // Lists one page; done is called exactly once, on the owner's thread.
    virtual void list(const ListRequest &request, std::function<void(Expected<ListPage>)> done) = 0;
    // Opens a watch; failures to connect arrive as closed() with the reason (never synchronously).
    virtual std::unique_ptr<WatchConnection> watch(const WatchRequest &request) = 0;
    // For messages: "pods in namespace default", "nodes".
    virtual QString describe() const = 0;
};

} // namespace kube
