#pragma once
// ConnectionSettings: how to reach one cluster — host, port, TLS (trusted CAs, verification
// name, client certificate) and proxy — resolved once from a RestConfig so every connection of
// a transport shares it. Proxies come only from RestConfig::proxyUrl; the environment's are
// ignored on purpose (a kubeconfig names its proxy explicitly).
//
// Immutable value; any thread. Cost of fromRestConfig: parsing the PEM blocks.

#include "kube/api/expected.h"

#include <QNetworkProxy>
#include <QSslConfiguration>
#include <QString>

namespace kube {

struct RestConfig;

struct ConnectionSettings {
    QString host;
    quint16 port = 0;
    bool tls = true;
    QString peerName;          // SNI and verification name (the host unless tlsServerName)
    QString pathPrefix;        // from a server URL like https://host/prefix (no trailing slash)
    QByteArray hostHeader;     // "host:port" as the Host header carries it
    QSslConfiguration ssl;
    QNetworkProxy proxy;

    // Errors are 400-less Status values (code 0) naming the bad field, never quoting secrets.
    static Expected<ConnectionSettings> fromRestConfig(const RestConfig &config);
};

} // namespace kube
