#pragma once
// RestListWatch: the ListWatch of one resource in one namespace scope over HTTP — list pages
// through RestClient (decoded with simdjson), watches as a streamed
// GET …?watch=1&allowWatchBookmarks=true&resourceVersion=… on a dedicated connection, events
// decoded incrementally as chunks arrive (RestWatchConnection).
//
// Objects are decoded without metadata.managedFields unless asked (what informers cache; the
// strip happens in the decoder's own buffer, so it costs no copy).
//
// Thread affinity: the transport's thread (see ListWatch). The transport is not owned and must
// outlive this object and every watch it opened.

#include "listwatch.h"
#include "restclient.h"

namespace kube {

class ClusterTransport;
class HttpStream;
class WatchDecoder;

class RestListWatch : public ListWatch
{
public:
    // namespace_ "": all namespaces (or a cluster-scoped resource).
    RestListWatch(ClusterTransport *transport, GroupVersionResource gvr, QString namespace_,
                  Object::ManagedFields managedFields = Object::ManagedFields::Drop);
    ~RestListWatch() override;

    void list(const ListRequest &request, std::function<void(Expected<ListPage>)> done) override;
    std::unique_ptr<WatchConnection> watch(const WatchRequest &request) override;
    QString describe() const override;

    // The request target of a watch ("/api/v1/namespaces/x/pods?watch=1&…").
    QByteArray watchTarget(const WatchRequest &request) const;

private:
    RestClient m_client;
    ResourceRef m_ref;
    Object::ManagedFields m_managedFields;
};

// One watch over HTTP. Emits eventsReceived per decoded batch and closed() once.
class RestWatchConnection : public WatchConnection
{
    Q_OBJECT
public:
    RestWatchConnection(ClusterTransport *transport, QByteArray target, Object::ManagedFields managedFields = Object::ManagedFields::Keep,
                        QObject *parent = nullptr);
    ~RestWatchConnection() override;
    void stop() override;

private:
    void close(const Status &why);

    std::unique_ptr<HttpStream> m_stream;
    std::unique_ptr<WatchDecoder> m_decoder;
    bool m_closed = false;
};

} // namespace kube
