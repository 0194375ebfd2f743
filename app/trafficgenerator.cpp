#include "trafficgenerator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrl>

namespace timonel {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(timonel::TrafficGenerator)
};

// "web-5d4f-abcde/nginx" → "web-5d4f-abcde"; else the body's "Served by <pod>".
QString respondingPod(QNetworkReply *reply, const QByteArray &body)
{
    const QByteArray header = reply->rawHeader("X-Timonel-Served-By");
    if (!header.isEmpty())
        return QString::fromUtf8(header).section(u'/', 0, 0);
    static const QRegularExpression servedBy(QStringLiteral("Served by ([a-z0-9.-]+)"));
    const QRegularExpressionMatch m = servedBy.match(QString::fromUtf8(body));
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

TrafficGenerator::TrafficGenerator(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    // Loopback traffic must never go through a proxy from the environment.
    m_network->setProxy(QNetworkProxy::NoProxy);
}

TrafficGenerator::~TrafficGenerator()
{
    ++m_run; // replies aborted by the manager's destruction are ignored
}

std::optional<int> TrafficGenerator::nodePort(const kube::Object &service)
{
    const QJsonObject spec = service.toJson().value(u"spec").toObject();
    const QString type = spec.value(u"type").toString(u"ClusterIP"_qs);
    if (type != u"NodePort" && type != u"LoadBalancer")
        return std::nullopt;
    for (const QJsonValue &v : spec.value(u"ports").toArray()) {
        const QJsonObject port = v.toObject();
        if (port.value(u"protocol").toString(u"TCP"_qs) == u"TCP" && port.value(u"nodePort").toInt() > 0)
            return port.value(u"nodePort").toInt();
    }
    return std::nullopt;
}

QString TrafficGenerator::unavailableReason(const kube::Object &service, bool embeddedCluster)
{
    if (!embeddedCluster)
        return Tr::tr("Measured traffic needs the embedded cluster: this cluster's node ports are not on this machine.");
    if (service.isNull())
        return Tr::tr("No Service to send requests to.");
    if (!nodePort(service))
        return Tr::tr("Service %1 has no node port (type NodePort or LoadBalancer); requests cannot reach it from here.")
            .arg(service.name());
    return {};
}

void TrafficGenerator::start(int port, const Options &options)
{
    stop();
    m_options = options;
    m_options.concurrency = qMax(1, options.concurrency);
    m_port = port;
    m_tally = TrafficTally();
    m_tally.requested = options.requests;
    m_running = true;
    ++m_run;
    for (int i = 0; i < m_options.concurrency; ++i)
        sendNext();
}

void TrafficGenerator::stop()
{
    if (!m_running)
        return;
    m_running = false;
    ++m_run; // answers still in flight no longer count
    m_inFlight = 0;
    Q_EMIT finished();
}

void TrafficGenerator::sendNext()
{
    if (!m_running)
        return;
    if (m_options.requests > 0 && m_tally.sent >= m_options.requests)
        return;
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(m_options.path);
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_options.timeout.count()));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    ++m_tally.sent;
    ++m_inFlight;
    QNetworkReply *reply = m_network->get(request);
    const quint64 run = m_run;
    connect(reply, &QNetworkReply::finished, this, [this, reply, run] {
        reply->deleteLater();
        if (run != m_run)
            return;
        handle(reply);
    });
}

void TrafficGenerator::handle(QNetworkReply *reply)
{
    --m_inFlight;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        m_tally.recordFailure(reply->errorString());
    } else if (status >= 500) {
        m_tally.recordFailure(QString::number(status) + QStringLiteral(": ") + QString::fromUtf8(body).trimmed().left(120));
    } else {
        const QString pod = respondingPod(reply, body);
        m_tally.recordAnswer(pod, m_classifier ? m_classifier(pod) : QString());
    }
    Q_EMIT progressed(m_tally.completed(), m_options.requests);
    if (m_options.requests > 0 && m_tally.completed() >= m_options.requests)
        return finish();
    sendNext();
}

void TrafficGenerator::finish()
{
    m_running = false;
    ++m_run;
    Q_EMIT finished();
}

} // namespace timonel
