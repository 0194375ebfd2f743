// kubeconfig users with `auth-provider: {name: oidc}` behave as in kubectl (client-go's oidc
// provider): a valid id-token is sent as is; an expired one is refreshed at the issuer's token
// endpoint (discovery, client credentials in the header then in the form), the new tokens are
// written back into the kubeconfig that defines the user, and failures say what to do.
#include "fakehttpserver.h"

#include "kube/client/kubeconfig.h"
#include "kube/client/oidccredentialsource.h"

#include <QAtomicInt>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace kube;

namespace {

QByteArray jwt(qint64 exp, const QByteArray &subject = "learner")
{
    const auto part = [](const QByteArray &json) {
        return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return part(R"({"alg":"RS256","typ":"JWT"})") + '.' + part(R"({"sub":")" + subject + R"(","exp":)" + QByteArray::number(exp) + "}")
        + ".c2lnbmF0dXJl";
}

qint64 nowSecs()
{
    return QDateTime::currentSecsSinceEpoch();
}

// credential() blocks its caller while it talks to the issuer, so it runs on another thread
// while this one serves the fake issuer.
Expected<Credential> fetch(CredentialSource &source)
{
    std::optional<Expected<Credential>> result;
    QAtomicInt done = 0;
    std::thread worker([&] {
        result = source.credential(false);
        done.storeRelease(1);
    });
    while (!done.loadAcquire())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    worker.join();
    return std::move(*result);
}

QByteArray kubeconfig(const QString &issuer, const QByteArray &idToken, const QByteArray &refreshToken)
{
    QByteArray y = "apiVersion: v1\nkind: Config\ncurrent-context: sso\n"
                   "clusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:6443\n"
                   "contexts:\n- name: sso\n  context:\n    cluster: c\n    user: alice\n"
                   "- name: other\n  context:\n    cluster: c\n    user: bob\n"
                   "users:\n- name: bob\n  user:\n    token: bobs-token\n"
                   "- name: alice\n  user:\n    auth-provider:\n      name: oidc\n      config:\n"
                   "        idp-issuer-url: "
        + issuer.toUtf8() + "\n        client-id: kube\n        client-secret: s3cr3t+/\n";
    if (!idToken.isEmpty())
        y += "        id-token: " + idToken + "\n";
    if (!refreshToken.isEmpty())
        y += "        refresh-token: " + refreshToken + "\n";
    return y;
}

} // namespace

class TestOidcCredentialSource : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // A kubeconfig for alice; the source comes from Kubeconfig::restConfig, as the console gets it.
    std::shared_ptr<CredentialSource> sourceFor(const QByteArray &yaml, QString *path = nullptr)
    {
        const QString file = m_dir.filePath(u"config-%1"_qs.arg(++m_files));
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(yaml);
        f.close();
        if (path)
            *path = file;
        KubeconfigLoadOptions options;
        options.explicitPath = file;
        auto loaded = Kubeconfig::load(options);
        if (!loaded.ok())
            return {};
        auto rest = loaded->restConfig(u"sso"_qs);
        if (!rest.ok())
            return {};
        return rest->credentialSource;
    }
    int m_files = 0;

    // An issuer whose token endpoint wants client credentials in the header (or the form).
    static void serveIssuer(FakeHttpServer &idp, bool basicAuth, const QByteArray &idToken, const QByteArray &rotated)
    {
        idp.handler = [&idp, basicAuth, idToken, rotated](const FakeHttpServer::Request &r, QTcpSocket *) -> QByteArray {
            if (r.method == "GET" && r.target == "/realms/k/.well-known/openid-configuration")
                return FakeHttpServer::response(200, R"({"issuer":")" + idp.url().toUtf8() + R"(/realms/k","token_endpoint":")"
                                                         + idp.url().toUtf8() + R"(/realms/k/token"})");
            if (r.method == "POST" && r.target == "/realms/k/token") {
                const bool header = r.header("Authorization") == "Basic " + QByteArray("kube:s3cr3t%2B%2F").toBase64();
                const bool form = r.body.contains("client_id=kube") && r.body.contains("client_secret=s3cr3t%2B%2F");
                if (!r.body.contains("grant_type=refresh_token") || !r.body.contains("refresh_token=old-refresh"))
                    return FakeHttpServer::response(400, R"({"error":"invalid_grant"})");
                if (basicAuth ? !header : !form)
                    return FakeHttpServer::response(401, R"({"error":"invalid_client"})");
                QJsonObject answer{{u"access_token"_qs, u"at"_qs}, {u"token_type"_qs, u"Bearer"_qs}};
                if (!idToken.isEmpty())
                    answer.insert(u"id_token"_qs, QString::fromLatin1(idToken));
                if (!rotated.isEmpty())
                    answer.insert(u"refresh_token"_qs, QString::fromLatin1(rotated));
                return FakeHttpServer::response(200, QJsonDocument(answer).toJson(QJsonDocument::Compact));
            }
            return FakeHttpServer::response(404, "{}");
        };
    }

private Q_SLOTS:
    void aValidIdTokenIsUsedWithoutAskingTheIssuer()
    {
        FakeHttpServer idp;
        const QByteArray token = jwt(nowSecs() + 3600);
        auto source = sourceFor(kubeconfig(idp.url() + u"/realms/k"_qs, token, "old-refresh"));
        QVERIFY(source);
        const auto c = fetch(*source);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message()));
        QCOMPARE(c->token, token);
        QVERIFY(c->expiry.isValid() && c->expiry > QDateTime::currentDateTimeUtc().addSecs(3000));
        QCOMPARE(idp.requests.size(), 0);
    }

    void anExpiredTokenIsRefreshedAndWrittenBack()
    {
        FakeHttpServer idp;
        const QByteArray fresh = jwt(nowSecs() + 3600, "alice-renewed");
        serveIssuer(idp, true, fresh, "new-refresh");
        QString path;
        // Expires in 5 s: inside client-go's 10 s margin, so already "expired".
        auto source = sourceFor(kubeconfig(idp.url() + u"/realms/k"_qs, jwt(nowSecs() + 5), "old-refresh"), &path);
        QVERIFY(source);
        const auto c = fetch(*source);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message()));
        QCOMPARE(c->token, fresh);
        QCOMPARE(idp.requests.size(), 2); // discovery, then the token endpoint

        // The file now holds the new tokens for alice; bob and the rest are untouched.
        KubeconfigLoadOptions options;
        options.explicitPath = path;
        auto reloaded = Kubeconfig::load(options);
        QVERIFY(reloaded.ok());
        const QString text = QString::fromUtf8([&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }());
        QVERIFY(text.contains(QString::fromLatin1(fresh)));
        QVERIFY(text.contains(u"new-refresh"_qs));
        QVERIFY(!text.contains(u"old-refresh"_qs));
        QVERIFY(text.contains(u"bobs-token"_qs));
        auto bob = reloaded->restConfig(u"other"_qs);
        QVERIFY(bob.ok());
        QCOMPARE(bob->bearerToken, QByteArray("bobs-token"));

        // Cached: the next call asks nobody.
        const auto again = fetch(*source);
        QVERIFY(again.ok());
        QCOMPARE(again->token, fresh);
        QCOMPARE(idp.requests.size(), 2);
    }

    void clientCredentialsGoInTheFormWhenTheHeaderIsRefused()
    {
        FakeHttpServer idp;
        const QByteArray fresh = jwt(nowSecs() + 3600);
        serveIssuer(idp, false, fresh, {});
        QString path;
        auto source = sourceFor(kubeconfig(idp.url() + u"/realms/k/"_qs, jwt(nowSecs() - 60), "old-refresh"), &path);
        QVERIFY(source);
        const auto c = fetch(*source);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message()));
        QCOMPARE(c->token, fresh);
        QCOMPARE(idp.requests.size(), 3); // discovery, header attempt (401), form attempt
        // No rotated refresh token in the answer: the old one stays.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("old-refresh"));
    }

    void failuresSayWhatIsWrongWithoutTokens()
    {
        FakeHttpServer idp;
        serveIssuer(idp, true, {}, {}); // answers without an id_token

        auto noRefresh = sourceFor(kubeconfig(idp.url() + u"/realms/k"_qs, jwt(nowSecs() - 60), {}));
        QVERIFY(noRefresh);
        auto c = fetch(*noRefresh);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message().contains(u"No valid id-token, and cannot refresh without refresh-token"), qPrintable(c.error().message()));
        QCOMPARE(c.error().code(), 401);

        auto notJwt = sourceFor(kubeconfig(idp.url() + u"/realms/k"_qs, "not-a-jwt", "old-refresh"));
        c = fetch(*notJwt);
        QVERIFY(!c.ok());
        QVERIFY(c.error().message().contains(u"ID Token is not a valid JWT"));

        auto noIdToken = sourceFor(kubeconfig(idp.url() + u"/realms/k"_qs, {}, "old-refresh"));
        c = fetch(*noIdToken);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message().contains(u"token response did not contain an id_token"), qPrintable(c.error().message()));
        QVERIFY(!c.error().message().contains(u"old-refresh"));
        QVERIFY(!c.error().message().contains(u"s3cr3t"));

        FakeHttpServer broken; // no discovery document
        auto noDiscovery = sourceFor(kubeconfig(broken.url(), {}, "old-refresh"));
        c = fetch(*noDiscovery);
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message().contains(u"failed to query metadata endpoint 404"), qPrintable(c.error().message()));
    }

    void otherAuthProvidersNameTheirReplacement()
    {
        const QString file = m_dir.filePath(u"gcp"_qs);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: v1\nkind: Config\ncurrent-context: g\nclusters:\n- name: c\n  cluster:\n    server: https://1.2.3.4\n"
                "contexts:\n- name: g\n  context:\n    cluster: c\n    user: u\n"
                "users:\n- name: u\n  user:\n    auth-provider:\n      name: gcp\n");
        f.close();
        KubeconfigLoadOptions options;
        options.explicitPath = file;
        auto loaded = Kubeconfig::load(options);
        QVERIFY(loaded.ok());
        auto rest = loaded->restConfig(u"g"_qs);
        QVERIFY(!rest.ok());
        QVERIFY(rest.error().message().contains(u"gke-gcloud-auth-plugin"));
    }

    void expiryIsReadFromTheClaims()
    {
        QCOMPARE(*OidcCredentialSource::expiryOf(jwt(1700000000)), QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
        QVERIFY(!OidcCredentialSource::expiryOf("a.b").ok());
        QVERIFY(!OidcCredentialSource::expiryOf("a.!!!.c").ok());
    }
};

QTEST_MAIN(TestOidcCredentialSource)
#include "tst_oidccredentialsource.moc"
