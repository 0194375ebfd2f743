// RestClient against the embedded cluster: CRUD, patches, apply, delete options, scale,
// dry-run, TLS verification and authentication failures.
#include "tests/support/clusterfixture.h"

#include "kube/client/restclient.h"
#include "kube/cluster/servingcertificates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kube;

namespace {

const GroupVersionResource kConfigMaps{QString(), u"v1"_qs, u"configmaps"_qs};
const GroupVersionResource kDeployments{u"apps"_qs, u"v1"_qs, u"deployments"_qs};

Object configMap(const QString &name, const QString &value, const QString &label = u"x"_qs)
{
    return Object::parse(QStringLiteral(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"%1","labels":{"set":"%3"}},"data":{"k":"%2"}})")
                             .arg(name, value, label)
                             .toUtf8())
        .value();
}

ResourceRef cm(const QString &name = {})
{
    return {kConfigMaps, u"default"_qs, name, QString()};
}

} // namespace

class tst_RestClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void createGetUpdateConflict();
    void listPaging();
    void patchTypes_data();
    void patchTypes();
    void dryRunCreatesNothing();
    void deletePreconditions();
    void deleteCollection();
    void scale();
    void tls_data();
    void tls();
    void unauthorized_data();
    void unauthorized();
    void credentialRefreshAfter401();

private:
    std::optional<Expected<Object>> call(std::function<void(RestClient &, RestClient::ObjectCallback)> f)
    {
        return awaitResult<Expected<Object>>([&](RestClient::ObjectCallback cb) { f(*m_client, std::move(cb)); });
    }
    ClusterFixture m_fixture;
    std::unique_ptr<ClusterTransport> m_transport;
    std::unique_ptr<RestClient> m_client;
};

void tst_RestClient::initTestCase()
{
    const Status s = m_fixture.start();
    QVERIFY2(s.isSuccess(), qPrintable(s.message()));
    m_transport = std::make_unique<ClusterTransport>(m_fixture.config());
    m_client = std::make_unique<RestClient>(m_transport.get());
}

void tst_RestClient::createGetUpdateConflict()
{
    auto created = call([](RestClient &c, auto cb) { c.create(cm(), configMap(u"crud"_qs, u"1"_qs), cb); });
    QVERIFY(created && created->ok());
    QCOMPARE(created->value().name(), u"crud"_qs);
    QVERIFY(!created->value().resourceVersion().isEmpty());

    auto got = call([](RestClient &c, auto cb) { c.get(cm(u"crud"_qs), cb); });
    QVERIFY(got && got->ok());
    QCOMPARE(got->value().uid(), created->value().uid());

    const Object v2 = configMap(u"crud"_qs, u"2"_qs).withResourceVersion(created->value().resourceVersion());
    auto updated = call([&](RestClient &c, auto cb) { c.update(cm(u"crud"_qs), v2, cb); });
    QVERIFY2(updated && updated->ok(), updated ? qPrintable(updated->error().message()) : "");
    QCOMPARE(updated->value().toJson().value(u"data").toObject().value(u"k").toString(), u"2"_qs);

    // The same stale resourceVersion again: 409 Conflict as the server's Status.
    auto stale = call([&](RestClient &c, auto cb) { c.update(cm(u"crud"_qs), v2, cb); });
    QVERIFY(stale && !stale->ok());
    QCOMPARE(stale->error().code(), 409);
    QVERIFY(stale->error().is(reason::Conflict));

    auto missing = call([](RestClient &c, auto cb) { c.get(cm(u"nope"_qs), cb); });
    QVERIFY(missing && !missing->ok());
    QCOMPARE(missing->error().code(), 404);
    QVERIFY(missing->error().is(reason::NotFound));
}

void tst_RestClient::listPaging()
{
    for (int i = 0; i < 5; ++i) {
        auto r = call([i](RestClient &c, auto cb) { c.create(cm(), configMap(u"page-%1"_qs.arg(i), u"v"_qs, u"paging"_qs), cb); });
        QVERIFY(r && r->ok());
    }
    ListRequest request;
    request.labelSelector = u"set=paging"_qs;
    request.limit = 2;
    QStringList names;
    int pages = 0;
    do {
        auto page = awaitResult<Expected<ListPage>>([&](auto cb) { m_client->list(cm(), request, cb); });
        QVERIFY(page && page->ok());
        QVERIFY(!page->value().resourceVersion.isEmpty());
        for (const Object &o : page->value().items)
            names.append(o.name());
        request.continueToken = page->value().continueToken;
        ++pages;
    } while (!request.continueToken.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    names.sort();
    QCOMPARE(names, QStringList({u"page-0"_qs, u"page-1"_qs, u"page-2"_qs, u"page-3"_qs, u"page-4"_qs}));
}

void tst_RestClient::patchTypes_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("json-patch") << int(PatchType::Json) << QByteArray(R"([{"op":"replace","path":"/data/k","value":"patched"}])");
    QTest::newRow("merge-patch") << int(PatchType::Merge) << QByteArray(R"({"data":{"k":"patched"}})");
    QTest::newRow("strategic-merge-patch") << int(PatchType::StrategicMerge) << QByteArray(R"({"data":{"k":"patched"}})");
    QTest::newRow("server-side-apply") << int(PatchType::ApplyYaml)
                                       << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"NAME"},"data":{"k":"patched"}})");
}

void tst_RestClient::patchTypes()
{
    QFETCH(int, type);
    QFETCH(QByteArray, body);
    const QString name = u"patch-"_qs + QString::fromLatin1(QTest::currentDataTag());
    body.replace("NAME", name.toUtf8());
    auto created = call([&](RestClient &c, auto cb) { c.create(cm(), configMap(name, u"orig"_qs), cb); });
    QVERIFY(created && created->ok());
    PatchOptions options;
    options.fieldManager = u"tst"_qs;
    options.force = true;
    auto patched = call([&](RestClient &c, auto cb) { c.patch(cm(name), PatchType(type), body, cb, options); });
    QVERIFY2(patched && patched->ok(), patched ? qPrintable(patched->error().message()) : "no answer");
    QCOMPARE(patched->value().toJson().value(u"data").toObject().value(u"k").toString(), u"patched"_qs);
}

void tst_RestClient::dryRunCreatesNothing()
{
    WriteOptions options;
    options.dryRun = DryRun::All;
    auto created = call([&](RestClient &c, auto cb) { c.create(cm(), configMap(u"dry"_qs, u"1"_qs), cb, options); });
    QVERIFY2(created && created->ok(), created ? qPrintable(created->error().message()) : "");
    QCOMPARE(created->value().name(), u"dry"_qs);
    auto got = call([](RestClient &c, auto cb) { c.get(cm(u"dry"_qs), cb); });
    QVERIFY(got && !got->ok());
    QCOMPARE(got->error().code(), 404);
}

void tst_RestClient::deletePreconditions()
{
    auto created = call([](RestClient &c, auto cb) { c.create(cm(), configMap(u"del"_qs, u"1"_qs), cb); });
    QVERIFY(created && created->ok());
    DeleteOptions wrong;
    wrong.preconditionUid = u"not-the-uid"_qs;
    auto refused = call([&](RestClient &c, auto cb) { c.remove(cm(u"del"_qs), cb, wrong); });
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().code(), 409);

    DeleteOptions right;
    right.preconditionUid = created->value().uid();
    right.propagationPolicy = PropagationPolicy::Background;
    right.gracePeriodSeconds = 0;
    auto deleted = call([&](RestClient &c, auto cb) { c.remove(cm(u"del"_qs), cb, right); });
    QVERIFY2(deleted && deleted->ok(), deleted ? qPrintable(deleted->error().message()) : "");
    auto got = call([](RestClient &c, auto cb) { c.get(cm(u"del"_qs), cb); });
    QVERIFY(got && !got->ok());
    QCOMPARE(got->error().code(), 404);
}

void tst_RestClient::deleteCollection()
{
    for (int i = 0; i < 3; ++i) {
        auto r = call([i](RestClient &c, auto cb) { c.create(cm(), configMap(u"dc-%1"_qs.arg(i), u"v"_qs, u"dc"_qs), cb); });
        QVERIFY(r && r->ok());
    }
    ListRequest selector;
    selector.labelSelector = u"set=dc"_qs;
    auto deleted = call([&](RestClient &c, auto cb) { c.deleteCollection(cm(), selector, cb); });
    QVERIFY2(deleted && deleted->ok(), deleted ? qPrintable(deleted->error().message()) : "");
    auto page = awaitResult<Expected<ListPage>>([&](auto cb) { m_client->list(cm(), selector, cb); });
    QVERIFY(page && page->ok());
    QCOMPARE(page->value().items.size(), 0);
}

void tst_RestClient::scale()
{
    const QByteArray deployment = R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
        "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
        "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}})";
    const ResourceRef ref{kDeployments, u"default"_qs, u"web"_qs, QString()};
    auto created = call([&](RestClient &c, auto cb) { c.create(ref, Object::parse(deployment).value(), cb); });
    QVERIFY2(created && created->ok(), created ? qPrintable(created->error().message()) : "");
    auto scale = call([&](RestClient &c, auto cb) { c.getScale(ref, cb); });
    QVERIFY2(scale && scale->ok(), scale ? qPrintable(scale->error().message()) : "");
    QCOMPARE(scale->value().kind(), u"Scale"_qs);
    QCOMPARE(scale->value().toJson().value(u"spec").toObject().value(u"replicas").toInt(), 1);

    auto dry = call([&](RestClient &c, auto cb) { c.updateScale(ref, 5, cb, DryRun::All); });
    QVERIFY(dry && dry->ok());
    auto scaled = call([&](RestClient &c, auto cb) { c.updateScale(ref, 3, cb); });
    QVERIFY2(scaled && scaled->ok(), scaled ? qPrintable(scaled->error().message()) : "");
    auto got = call([&](RestClient &c, auto cb) { c.get(ref, cb); });
    QVERIFY(got && got->ok());
    QCOMPARE(got->value().toJson().value(u"spec").toObject().value(u"replicas").toInt(), 3);
}

void tst_RestClient::tls_data()
{
    QTest::addColumn<QString>("ca");              // "cluster", "other", "none"
    QTest::addColumn<bool>("insecure");
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("cluster-ca-verifies") << u"cluster"_qs << false << QString() << true << QString();
    QTest::newRow("wrong-ca-refused") << u"other"_qs << false << QString() << false << u"TLS handshake"_qs;
    QTest::newRow("system-cas-refuse-private-ca") << u"none"_qs << false << QString() << false << u"TLS handshake"_qs;
    QTest::newRow("insecure-skip-honoured") << u"other"_qs << true << QString() << true << QString();
    QTest::newRow("tls-server-name-localhost") << u"cluster"_qs << false << u"localhost"_qs << true << QString();
    QTest::newRow("tls-server-name-mismatch") << u"cluster"_qs << false << u"example.com"_qs << false << u"example.com"_qs;
}

void tst_RestClient::tls()
{
    QFETCH(QString, ca);
    QFETCH(bool, insecure);
    QFETCH(QString, serverName);
    QFETCH(bool, succeeds);
    QFETCH(QString, errorContains);
    QTemporaryDir otherDir;
    RestConfig config = m_fixture.config();
    if (ca == u"other") {
        auto other = loadOrCreateServingCertificates(otherDir.path());
        QVERIFY(other);
        config.certificateAuthorityPem = other->caCertificatePem;
    } else if (ca == u"none") {
        config.certificateAuthorityPem.clear();
    }
    config.insecureSkipTlsVerify = insecure;
    config.tlsServerName = serverName;
    ClusterTransport transport(config);
    RestClient client(&transport);
    auto result = awaitResult<Expected<Object>>([&](auto cb) { client.get({{QString(), u"v1"_qs, u"namespaces"_qs}, QString(), u"default"_qs, QString()}, cb); });
    QVERIFY(result);
    QVERIFY2(result->ok() == succeeds, result->ok() ? "succeeded" : qPrintable(result->error().message()));
    if (!succeeds) {
        QVERIFY2(result->error().message().contains(errorContains), qPrintable(result->error().message()));
        QVERIFY(!result->error().message().contains(QString::fromUtf8(config.bearerToken)));
    }
}

void tst_RestClient::unauthorized_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::newRow("no-token") << QByteArray();
    QTest::newRow("bad-token") << QByteArray("wrong-token-abcdef");
}

void tst_RestClient::unauthorized()
{
    QFETCH(QByteArray, token);
    RestConfig config = m_fixture.config();
    config.bearerToken = token;
    ClusterTransport transport(config);
    RestClient client(&transport);
    auto result = awaitResult<Expected<Object>>([&](auto cb) { client.get(cm(u"crud"_qs), cb); });
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code(), 401);
    QVERIFY(result->error().is(reason::Unauthorized));
    if (!token.isEmpty())
        QVERIFY(!result->error().message().contains(QString::fromUtf8(token)));
}

namespace {
// Hands out a stale token until asked to refresh.
struct RefreshingSource : CredentialSource {
    QByteArray good;
    int calls = 0, forced = 0;
    Expected<Credential> credential(bool forceRefresh) override
    {
        ++calls;
        forced += forceRefresh;
        Credential c;
        c.token = forced ? good : QByteArray("expired-token-xyz");
        return c;
    }
    QString describe() const override { return u"fake source"_qs; }
};
} // namespace

void tst_RestClient::credentialRefreshAfter401()
{
    auto source = std::make_shared<RefreshingSource>();
    source->good = m_fixture.cluster->token();
    RestConfig config = m_fixture.config();
    config.bearerToken.clear();
    config.credentialSource = source;
    ClusterTransport transport(config);
    RestClient client(&transport);
    auto result = awaitResult<Expected<Object>>([&](auto cb) { client.get({{QString(), u"v1"_qs, u"namespaces"_qs}, QString(), u"default"_qs, QString()}, cb); });
    QVERIFY2(result && result->ok(), result ? qPrintable(result->error().message()) : "");
    QCOMPARE(source->forced, 1);
    QCOMPARE(source->calls, 2);
}

QTEST_GUILESS_MAIN(tst_RestClient)
#include "tst_restclient.moc"
