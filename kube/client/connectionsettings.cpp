#include "connectionsettings.h"

#include "httperror.h"
#include "restconfig.h"

#include <QSslCertificate>
#include <QSslKey>

namespace kube {

namespace {

// PEM keys may be RSA, EC (SEC1 or PKCS#8) or, rarely, DSA; QSslKey needs to be told which.
QSslKey readPrivateKey(const QByteArray &pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return QSslKey();
}

Expected<QNetworkProxy> proxyFor(const QUrl &url)
{
    if (url.isEmpty())
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QString scheme = url.scheme().toLower();
    QNetworkProxy::ProxyType type = QNetworkProxy::NoProxy;
    quint16 defaultPort = 0;
    if (scheme == u"http" || scheme == u"https") {
        type = QNetworkProxy::HttpProxy; // CONNECT tunnel; the TLS to the cluster runs inside it
        defaultPort = scheme == u"http" ? 80 : 443;
    } else if (scheme == u"socks5" || scheme == u"socks5h") {
        type = QNetworkProxy::Socks5Proxy;
        defaultPort = 1080;
    } else {
        return transportError(u"unsupported proxy-url scheme \"%1\" (http, https or socks5)"_qs.arg(scheme));
    }
    QNetworkProxy proxy(type, url.host(), quint16(url.port(defaultPort)), url.userName(), url.password());
    return proxy;
}

} // namespace

Expected<ConnectionSettings> ConnectionSettings::fromRestConfig(const RestConfig &config)
{
    ConnectionSettings s;
    const QUrl &server = config.server;
    const QString scheme = server.scheme().toLower();
    if (!server.isValid() || server.host().isEmpty() || (scheme != u"https" && scheme != u"http"))
        return transportError(u"invalid server URL \"%1\": want https://host[:port]"_qs.arg(server.toDisplayString(QUrl::RemoveUserInfo)));
    s.tls = scheme == u"https";
    s.host = server.host();
    s.port = quint16(server.port(s.tls ? 443 : 80));
    s.peerName = config.tlsServerName.isEmpty() ? s.host : config.tlsServerName;
    s.pathPrefix = server.path(QUrl::FullyEncoded);
    while (s.pathPrefix.endsWith(u'/'))
        s.pathPrefix.chop(1);
    const QString hostText = s.host.contains(u':') ? u'[' + s.host + u']' : s.host; // IPv6 literals
    s.hostHeader = (hostText + u':' + QString::number(s.port)).toUtf8();

    auto proxy = proxyFor(config.proxyUrl);
    if (!proxy)
        return proxy.error();
    s.proxy = proxy.value();

    s.ssl = QSslConfiguration::defaultConfiguration();
    s.ssl.setProtocol(QSsl::TlsV1_2OrLater);
    if (!config.certificateAuthorityPem.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromData(config.certificateAuthorityPem, QSsl::Pem);
        if (cas.isEmpty())
            return transportError(u"certificate-authority data holds no PEM certificate"_qs);
        s.ssl.setCaCertificates(cas); // only these: the system's CAs are not consulted
    }
    s.ssl.setPeerVerifyMode(config.insecureSkipTlsVerify ? QSslSocket::VerifyNone : QSslSocket::VerifyPeer);

    if (!config.clientCertificatePem.isEmpty() || !config.clientKeyPem.isEmpty()) {
        const QList<QSslCertificate> chain = QSslCertificate::fromData(config.clientCertificatePem, QSsl::Pem);
        if (chain.isEmpty())
            return transportError(u"client-certificate data holds no PEM certificate"_qs);
        const QSslKey key = readPrivateKey(config.clientKeyPem);
        if (key.isNull())
            return transportError(u"client-key data holds no PEM private key (RSA or EC)"_qs);
        s.ssl.setLocalCertificateChain(chain);
        s.ssl.setPrivateKey(key);
    }
    return s;
}

} // namespace kube
