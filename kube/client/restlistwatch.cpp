#include "restlistwatch.h"

#include "clustertransport.h"
#include "httpstream.h"
#include "resourcepath.h"
#include "watchdecoder.h"

#include <QPointer>

namespace kube {

RestListWatch::RestListWatch(ClusterTransport *transport, GroupVersionResource gvr, QString namespace_, Object::ManagedFields managedFields)
    : m_client(transport)
    , m_ref{std::move(gvr), std::move(namespace_), QString(), QString()}
    , m_managedFields(managedFields)
{
}

RestListWatch::~RestListWatch() = default;

void RestListWatch::list(const ListRequest &request, std::function<void(Expected<ListPage>)> done)
{
    ListRequest decoded = request;
    decoded.dropManagedFields = m_managedFields == Object::ManagedFields::Drop;
    m_client.list(m_ref, decoded, std::move(done));
}

QByteArray RestListWatch::watchTarget(const WatchRequest &r) const
{
    QueryString q;
    q.add("watch", QStringLiteral("1"));
    q.addFlag("allowWatchBookmarks", r.allowWatchBookmarks || r.sendInitialEvents);
    q.add("labelSelector", r.labelSelector).add("fieldSelector", r.fieldSelector).add("resourceVersion", r.resourceVersion);
    if (r.timeoutSeconds > 0)
        q.add("timeoutSeconds", r.timeoutSeconds);
    if (r.sendInitialEvents)
        q.add("sendInitialEvents", QStringLiteral("true")).add("resourceVersionMatch", QStringLiteral("NotOlderThan"));
    return resourcePath(m_ref.gvr, m_ref.namespace_) + q.toByteArray();
}

std::unique_ptr<WatchConnection> RestListWatch::watch(const WatchRequest &request)
{
    return std::make_unique<RestWatchConnection>(m_client.transport(), watchTarget(request), m_managedFields);
}

QString RestListWatch::describe() const
{
    const QString what = m_ref.gvr.groupResource();
    if (m_ref.namespace_.isEmpty())
        return what;
    return u"%1 in namespace %2"_qs.arg(what, m_ref.namespace_);
}

RestWatchConnection::RestWatchConnection(ClusterTransport *transport, QByteArray target, Object::ManagedFields managedFields, QObject *parent)
    : WatchConnection(parent)
    , m_decoder(std::make_unique<WatchDecoder>(managedFields))
{
    HttpRequest request;
    request.target = std::move(target);
    m_stream = transport->openStream(std::move(request));
    m_stream->onData = [this](QByteArrayView data) {
        QList<WatchEvent> events;
        const Status s = m_decoder->feed(data, events);
        QPointer<RestWatchConnection> self(this);
        if (!events.isEmpty())
            Q_EMIT eventsReceived(events);
        if (self && !s.isSuccess())
            close(s);
    };
    m_stream->onFinished = [this](const Status &status) {
        if (!status.isSuccess()) {
            close(status);
            return;
        }
        QList<WatchEvent> events;
        const Status s = m_decoder->finish(events);
        QPointer<RestWatchConnection> self(this);
        if (!events.isEmpty())
            Q_EMIT eventsReceived(events);
        if (self)
            close(s);
    };
}

RestWatchConnection::~RestWatchConnection()
{
    m_closed = true;
}

void RestWatchConnection::stop()
{
    m_closed = true;
    if (m_stream)
        m_stream->stop();
}

void RestWatchConnection::close(const Status &why)
{
    if (m_closed)
        return;
    m_closed = true;
    m_stream->stop();
    Q_EMIT closed(why);
}

} // namespace kube
