#include "oidccredentialsource.h"

#include "kube/client/kubeconfigwriter.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

namespace kube {

namespace {

constexpr int ExpiryDeltaSeconds = 10; // a token this close to its exp counts as expired (client-go)

struct HttpAnswer {
    int status = 0;     // 0: no answer
    QByteArray body;
    QString error;      // transport error when status is 0
    QByteArray contentType;
};

// One request on a short-lived thread with its own event loop: the caller may be a
// transport's thread whose own loop must not run (and re-enter it) while the token is fetched.
HttpAnswer blockingRequest(const QNetworkRequest &request, const QByteArray &postBody, bool post, int timeoutMs)
{
    HttpAnswer answer;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        QNetworkAccessManager manager;
        QEventLoop loop;
        QNetworkReply *reply = post ? manager.post(request, postBody) : manager.get(request);
        QTimer::singleShot(timeoutMs, &loop, [reply] { reply->abort(); });
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->read(1 << 20);
        answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if (answer.status == 0)
            answer.error = reply->errorString();
        delete reply;
    }));
    thread->start();
    thread->wait();
    return answer;
}

// A short, printable piece of a body for messages (client-go cuts at 80 bytes).
QString excerpt(const QByteArray &body)
{
    const QByteArray cut = body.size() > 80 ? body.left(80) + "..." : body;
    return QString::fromUtf8(cut).simplified();
}

// The token endpoint's answer: JSON, or form-encoded from old providers.
QJsonObject tokenFields(const HttpAnswer &answer)
{
    if (answer.contentType.startsWith("application/x-www-form-urlencoded") || answer.contentType.startsWith("text/plain")) {
        QJsonObject o;
        for (const auto &[key, value] : QUrlQuery(QString::fromUtf8(answer.body)).queryItems(QUrl::FullyDecoded))
            o.insert(key, value);
        return o;
    }
    return QJsonDocument::fromJson(answer.body).object();
}

} // namespace

OidcCredentialSource::OidcCredentialSource(Options options) : m_options(std::move(options)) {}

QString OidcCredentialSource::describe() const
{
    return u"oidc auth-provider (%1)"_qs.arg(m_options.config.value(u"idp-issuer-url"_qs));
}

int OidcCredentialSource::refreshCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_refreshes;
}

Status OidcCredentialSource::failure(const QString &what) const
{
    return Status(401, QString::fromLatin1(reason::Unauthorized),
                  u"user \"%1\" (oidc auth-provider in %2): %3"_qs.arg(m_options.userName, m_options.kubeconfigPath, what));
}

Expected<QDateTime> OidcCredentialSource::expiryOf(const QByteArray &jwt)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return Status::badRequest(u"ID Token is not a valid JWT"_qs);
    const auto payload = QByteArray::fromBase64Encoding(parts[1], QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                                                      | QByteArray::AbortOnBase64DecodingErrors);
    if (!payload)
        return Status::badRequest(u"ID Token is not a valid JWT: its payload is not base64url"_qs);
    QJsonParseError error{};
    const QJsonDocument claims = QJsonDocument::fromJson(*payload, &error);
    if (error.error != QJsonParseError::NoError || !claims.isObject())
        return Status::badRequest(u"parsing claims: %1"_qs.arg(error.errorString()));
    const QJsonValue exp = claims.object().value(u"exp");
    if (!exp.isDouble())
        return Status::badRequest(u"parsing claims: exp is not a number"_qs);
    return QDateTime::fromSecsSinceEpoch(qint64(exp.toDouble()), Qt::UTC);
}

Expected<Credential> OidcCredentialSource::credential(bool /*forceRefresh*/)
{
    // As client-go: a valid id-token is used even after a 401 (a refresh would not make the
    // server like the same identity better); only expiry triggers a refresh.
    QMutexLocker lock(&m_mutex);
    if (m_options.config.value(u"idp-issuer-url"_qs).isEmpty())
        return failure(u"Must provide idp-issuer-url"_qs);
    if (m_options.config.value(u"client-id"_qs).isEmpty())
        return failure(u"Must provide client-id"_qs);
    const QByteArray idToken = m_options.config.value(u"id-token"_qs).toUtf8();
    if (!idToken.isEmpty()) {
        const Expected<QDateTime> exp = expiryOf(idToken);
        if (!exp)
            return failure(exp.error().message());
        if (m_options.clock->now().addSecs(ExpiryDeltaSeconds) < *exp)
            return Credential{idToken, {}, {}, exp->addSecs(-ExpiryDeltaSeconds)};
    }
    if (m_options.config.value(u"refresh-token"_qs).isEmpty())
        return failure(u"No valid id-token, and cannot refresh without refresh-token; sign in again with your provider's login tool"_qs);
    Expected<QByteArray> fresh = refresh();
    if (!fresh)
        return fresh.error();
    const Expected<QDateTime> exp = expiryOf(*fresh);
    return Credential{*fresh, {}, {}, exp ? exp->addSecs(-ExpiryDeltaSeconds) : QDateTime()};
}

Expected<QString> OidcCredentialSource::tokenEndpoint()
{
    QString issuer = m_options.config.value(u"idp-issuer-url"_qs);
    while (issuer.endsWith(u'/'))
        issuer.chop(1);
    QNetworkRequest request(QUrl(issuer + u"/.well-known/openid-configuration"_qs));
    const Expected<QSslConfiguration> tls = issuerTls();
    if (!tls)
        return tls.error();
    request.setSslConfiguration(*tls);
    request.setTransferTimeout(m_options.timeoutMs);
    const HttpAnswer answer = blockingRequest(request, {}, false, m_options.timeoutMs);
    if (answer.status == 0)
        return failure(u"oidc: cannot reach %1: %2"_qs.arg(request.url().toString(), answer.error));
    if (answer.status != 200)
        return failure(u"oidc: failed to query metadata endpoint %1: \"%2\""_qs.arg(answer.status).arg(excerpt(answer.body)));
    QJsonParseError error{};
    const QJsonDocument metadata = QJsonDocument::fromJson(answer.body, &error);
    if (error.error != QJsonParseError::NoError || !metadata.isObject())
        return failure(u"oidc: failed to decode provider discovery object: %1"_qs.arg(error.errorString()));
    const QString endpoint = metadata.object().value(u"token_endpoint").toString();
    if (endpoint.isEmpty())
        return failure(u"oidc: discovery object doesn't contain a token_endpoint"_qs);
    return endpoint;
}

Expected<QSslConfiguration> OidcCredentialSource::issuerTls() const
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> cas;
    if (const QString data = m_options.config.value(u"idp-certificate-authority-data"_qs); !data.isEmpty())
        cas += QSslCertificate::fromData(QByteArray::fromBase64(data.toLatin1()));
    if (const QString file = m_options.config.value(u"idp-certificate-authority"_qs); !file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return failure(u"cannot read idp-certificate-authority %1: %2"_qs.arg(file, f.errorString()));
        cas += QSslCertificate::fromData(f.readAll());
    }
    if (!cas.isEmpty())
        tls.setCaCertificates(cas); // as client-go: the given CAs replace the system's
    return tls;
}

Expected<QByteArray> OidcCredentialSource::refresh()
{
    ++m_refreshes;
    const Expected<QString> endpoint = tokenEndpoint();
    if (!endpoint)
        return endpoint.error();
    const Expected<QSslConfiguration> issuerTlsConfig = issuerTls();
    if (!issuerTlsConfig)
        return issuerTlsConfig.error();
    const QSslConfiguration &issuerTls = *issuerTlsConfig;
    const QString clientId = m_options.config.value(u"client-id"_qs);
    const QString clientSecret = m_options.config.value(u"client-secret"_qs);
    const QString refreshToken = m_options.config.value(u"refresh-token"_qs);

    // golang.org/x/oauth2's auto-detection: client credentials as HTTP Basic first (each part
    // form-encoded), then, if the endpoint refuses, in the form.
    HttpAnswer answer;
    for (const bool inHeader : {true, false}) {
        QByteArray form = "grant_type=refresh_token&refresh_token=" + QUrl::toPercentEncoding(refreshToken);
        QNetworkRequest request{QUrl(*endpoint)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setSslConfiguration(issuerTls);
        if (inHeader) {
            const QByteArray user = QUrl::toPercentEncoding(clientId) + ':' + QUrl::toPercentEncoding(clientSecret);
            request.setRawHeader("Authorization", "Basic " + user.toBase64());
        } else {
            form += "&client_id=" + QUrl::toPercentEncoding(clientId);
            if (!clientSecret.isEmpty())
                form += "&client_secret=" + QUrl::toPercentEncoding(clientSecret);
        }
        answer = blockingRequest(request, form, true, m_options.timeoutMs);
        if (answer.status >= 200 && answer.status < 300)
            break;
    }
    if (answer.status == 0)
        return failure(u"failed to refresh token: cannot reach %1: %2"_qs.arg(*endpoint, answer.error));
    if (answer.status < 200 || answer.status >= 300)
        return failure(u"failed to refresh token: oauth2: cannot fetch token: %1 (%2); sign in again with your provider's login tool"_qs
                           .arg(answer.status)
                           .arg(excerpt(tokenFields(answer).value(u"error"_qs).toString().toUtf8())));
    const QJsonObject fields = tokenFields(answer);
    if (fields.value(u"access_token").toString().isEmpty())
        return failure(u"failed to refresh token: oauth2: server response missing access_token"_qs);
    const QString idToken = fields.value(u"id_token").toString();
    if (idToken.isEmpty())
        return failure(u"token response did not contain an id_token, either the scope \"openid\" wasn't requested upon login, or the provider doesn't support id_tokens as part of the refresh response"_qs);

    QMap<QString, QString> config = m_options.config;
    const QString rotated = fields.value(u"refresh_token").toString();
    if (!rotated.isEmpty())
        config.insert(u"refresh-token"_qs, rotated);
    config.insert(u"id-token"_qs, idToken);
    if (Status s = persist(config); !s.isSuccess())
        return failure(u"could not persist new tokens: %1"_qs.arg(s.message()));
    m_options.config = config;
    return idToken.toUtf8();
}

Status OidcCredentialSource::persist(const QMap<QString, QString> &config) const
{
    if (m_options.kubeconfigPath.isEmpty())
        return {};
    KubeconfigWriter writer(m_options.kubeconfigPath);
    writer.setLockTimeout(5000);
    return writer.edit([&](QJsonObject &file) -> Status {
        QJsonArray users = file.value(u"users").toArray();
        for (qsizetype i = 0; i < users.size(); ++i) {
            QJsonObject named = users.at(i).toObject();
            if (named.value(u"name").toString() != m_options.userName)
                continue;
            QJsonObject user = named.value(u"user").toObject();
            QJsonObject provider = user.value(u"auth-provider").toObject();
            QJsonObject stored = provider.value(u"config").toObject();
            stored.insert(u"id-token"_qs, config.value(u"id-token"_qs));
            if (config.contains(u"refresh-token"_qs))
                stored.insert(u"refresh-token"_qs, config.value(u"refresh-token"_qs));
            provider.insert(u"config"_qs, stored);
            user.insert(u"auth-provider"_qs, provider);
            named.insert(u"user"_qs, user);
            users.replace(i, named);
            file.insert(u"users"_qs, users);
            return {};
        }
        return Status::notFound(u"users"_qs, m_options.userName);
    });
}

} // namespace kube
