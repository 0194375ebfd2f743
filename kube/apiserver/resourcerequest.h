#pragma once
// ApiContext and ResourceRequest: what every resource handler works with. The context holds
// the cluster's long-lived parts (registry, store, clock); the request the decoded HTTP request
// plus the kind it addresses.
//
// Thread affinity: read handlers run on the API server's thread, write handlers on worker
// threads (apiserver.h); the store and registry they reach are thread-safe, watches and
// namespaces are the server thread's (NamespaceLifecycle::finalizeLater posts itself there).
// Nothing here is owned.

#include "apirequest.h"

#include "kube/api/expected.h"
#include "kube/api/object.h"
#include "kube/api/typeregistry.h"

namespace kube {

class Clock;
class Store;
class WatchStreams;
class NamespaceLifecycle;

struct ApiContext {
    TypeRegistry *registry = nullptr; // the cluster's registry (built-ins + CRDs)
    Store *store = nullptr;
    const Clock *clock = nullptr;
    QString serverAddress;            // "127.0.0.1:<port>", for discovery
    WatchStreams *watches = nullptr;  // every open watch stream (the API server's thread)
    NamespaceLifecycle *namespaces = nullptr; // empties deleted namespaces
};

struct ResourceRequest {
    const ApiRequest &http;
    KindInfoPtr kind;
    QString namespace_;   // empty for cluster-scoped kinds and all-namespace lists
    QString name;
    QString subresource;

    bool isDryRun() const { return http.query.allQueryItemValues(u"dryRun"_qs).contains(u"All"_qs); }
    QByteArray key() const;
    QByteArray prefix() const;
};

// Answers an object as JSON with the given status (200 or 201).
void respondObject(ApiResponder &responder, int status, const Object &object);

// Parses an object's resourceVersion into a store revision; 0 when empty. Non-numbers: 400.
Expected<qint64> parseResourceVersion(const QString &rv);

} // namespace kube
