// Issue 5's proof against the real server: five informers (ConfigMaps, Secrets, Services,
// ServiceAccounts, Deployments) over HTTPS watch a timonel-cluster while 1,000 random creates,
// updates and deletes are made through the API; the server is restarted twice, and after the
// second restart the store is compacted past what the informers saw, so their resumed watches
// get 410 Expired and relist. At the end every informer's cache equals a fresh list from the
// server: no duplicate, missing or stale object (same names, same resourceVersions).
#include "tests/support/clusterfixture.h"

#include "kube/api/typeregistry.h"
#include "kube/apiserver/storagekeys.h"
#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"
#include "kube/client/restlistwatch.h"
#include "kube/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTest>

#include <map>
#include <random>

using namespace kube;

namespace {

const QString kNamespace = u"proof"_qs;

struct ProofKind {
    GroupVersionResource gvr;
    QString kind;
    QString apiVersion;
};

const QList<ProofKind> &kinds()
{
    static const QList<ProofKind> all{
        {{QString(), u"v1"_qs, u"configmaps"_qs}, u"ConfigMap"_qs, u"v1"_qs},
        {{QString(), u"v1"_qs, u"secrets"_qs}, u"Secret"_qs, u"v1"_qs},
        {{QString(), u"v1"_qs, u"services"_qs}, u"Service"_qs, u"v1"_qs},
        {{QString(), u"v1"_qs, u"serviceaccounts"_qs}, u"ServiceAccount"_qs, u"v1"_qs},
        {{u"apps"_qs, u"v1"_qs, u"deployments"_qs}, u"Deployment"_qs, u"apps/v1"_qs},
    };
    return all;
}

// A valid object of the kind; `version` goes into a label (and the data), so updates change it.
Object makeObject(const ProofKind &k, const QString &name, int version)
{
    const QJsonObject labels{{u"proof"_qs, u"yes"_qs}, {u"version"_qs, QString::number(version)}};
    QJsonObject o{{u"apiVersion"_qs, k.apiVersion}, {u"kind"_qs, k.kind},
                  {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"labels"_qs, labels}}}};
    if (k.kind == u"ConfigMap") {
        o[u"data"_qs] = QJsonObject{{u"v"_qs, QString::number(version)}};
    } else if (k.kind == u"Secret") {
        o[u"stringData"_qs] = QJsonObject{{u"v"_qs, QString::number(version)}};
    } else if (k.kind == u"Service") {
        o[u"spec"_qs] = QJsonObject{{u"selector"_qs, QJsonObject{{u"app"_qs, name}}},
                                    {u"ports"_qs, QJsonArray{QJsonObject{{u"port"_qs, 80}}}}};
    } else if (k.kind == u"Deployment") {
        const QJsonObject app{{u"app"_qs, name}};
        const QJsonArray containers{QJsonObject{{u"name"_qs, u"c"_qs}, {u"image"_qs, u"nginx"_qs}}};
        const QJsonObject podTemplate{{u"metadata"_qs, QJsonObject{{u"labels"_qs, app}}},
                                      {u"spec"_qs, QJsonObject{{u"containers"_qs, containers}}}};
        o[u"spec"_qs] = QJsonObject{{u"replicas"_qs, 1},
                                    {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, app}}},
                                    {u"template"_qs, podTemplate}};
    }
    return Object::fromJson(o);
}

QMap<QString, QString> versionsByName(const QList<Object> &objects)
{
    QMap<QString, QString> out;
    for (const Object &o : objects)
        out.insert(o.name(), o.resourceVersion());
    return out;
}

} // namespace

class tst_InformerProof : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cachesEqualTheServerAfterRestartsAnd410();

private:
    Status startServer(quint16 port);
    Expected<Object> call(const std::function<void(RestClient::ObjectCallback)> &start);
    bool waitUntil(const std::function<bool()> &condition, int timeoutMs);

    QTemporaryDir m_dir;
    QByteArray m_token = "proof-token-0123456789";
    std::unique_ptr<EmbeddedCluster> m_cluster;
};

Status tst_InformerProof::startServer(quint16 port)
{
    ClusterOptions options;
    options.controllers = false; // only the test writes
    options.dataDir = m_dir.path();
    options.token = m_token;
    options.port = port;
    m_cluster = std::make_unique<EmbeddedCluster>(options);
    return m_cluster->start();
}

Expected<Object> tst_InformerProof::call(const std::function<void(RestClient::ObjectCallback)> &start)
{
    // The transport reconnects on its own; a request sent while the server restarts may fail
    // once with a connection error, which the caller treats like any failed write.
    auto r = awaitResult<Expected<Object>>([&](RestClient::ObjectCallback cb) { start(cb); }, 20000);
    return r ? *r : Expected<Object>(Status::internalError(u"timed out"_qs));
}

bool tst_InformerProof::waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

void tst_InformerProof::cachesEqualTheServerAfterRestartsAnd410()
{
    QVERIFY(startServer(0).isSuccess());
    const quint16 port = m_cluster->port();
    RestConfig config;
    config.server = QUrl(m_cluster->url());
    config.certificateAuthorityPem = m_cluster->caCertificate();
    config.bearerToken = m_token;
    config.qps = 5000;
    config.burst = 5000;
    ClusterTransport transport(config);
    RestClient client(&transport);

    QVERIFY(call([&](auto cb) {
                client.create({{QString(), u"v1"_qs, u"namespaces"_qs}, QString(), QString(), QString()},
                              Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Namespace"_qs},
                                                           {u"metadata"_qs, QJsonObject{{u"name"_qs, kNamespace}}}}),
                              cb);
            }).ok());

    std::vector<std::unique_ptr<SharedInformer>> informers;
    for (const ProofKind &k : kinds()) {
        SharedInformerOptions options;
        options.reflector.seed = 7;
        informers.push_back(std::make_unique<SharedInformer>(std::make_unique<RestListWatch>(&transport, k.gvr, kNamespace), options));
        informers.back()->start();
    }
    QVERIFY(waitUntil([&] { return std::all_of(informers.begin(), informers.end(), [](const auto &i) { return i->hasSynced(); }); }, 20000));

    std::mt19937 random(20261127);
    std::map<std::pair<int, QString>, int> live; // (kind, name) → version
    int nextName = 0;
    for (int op = 0; op < 1000; ++op) {
        if (op == 300 || op == 650) {
            // Restart: every connection drops; the informers resume from their last revision.
            m_cluster.reset();
            QVERIFY(startServer(port).isSuccess());
            if (op == 650) {
                // Before anyone reconnects (the server and the informers share this thread), a
                // write the informers have not seen and a compaction past it: their resumed
                // watches start before the horizon and get 410 Expired.
                const ProofKind &k = kinds().front();
                const KindInfoPtr info = TypeRegistry::builtin().resource(k.gvr);
                QVERIFY(info);
                QJsonObject json = makeObject(k, u"direct"_qs, 1).toJson();
                QJsonObject md = json.value(u"metadata").toObject();
                md[u"namespace"_qs] = kNamespace;
                md[u"uid"_qs] = u"8d1f0c3e-0000-4000-8000-000000000001"_qs;
                md[u"creationTimestamp"_qs] = u"2026-11-27T00:00:00Z"_qs;
                json[u"metadata"_qs] = md;
                auto created = m_cluster->store()->create(storageKey(*info, kNamespace, u"direct"_qs), Object::fromJson(json));
                QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message()));
                live[{0, u"direct"_qs}] = 1;
                QVERIFY(m_cluster->store()->compact(created.value().resourceVersion().toLongLong()).isSuccess());
            }
        }
        const int kindIndex = int(random() % kinds().size());
        const ProofKind &k = kinds()[kindIndex];
        QList<QString> names;
        for (const auto &[key, version] : live) {
            if (key.first == kindIndex)
                names.append(key.second);
        }
        const int roll = int(random() % 10);
        const ResourceRef collection{k.gvr, kNamespace, QString(), QString()};
        if (names.isEmpty() || roll < 4) {
            const QString name = u"obj-%1"_qs.arg(nextName++);
            const auto r = call([&](auto cb) { client.create(collection, makeObject(k, name, 1), cb); });
            if (r.ok())
                live[{kindIndex, name}] = 1;
        } else if (roll < 8) {
            const QString name = names[int(random() % names.size())];
            const int version = live[{kindIndex, name}] + 1;
            const QByteArray patch = QJsonDocument(QJsonObject{{u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"version"_qs, QString::number(version)}}}}}})
                                         .toJson(QJsonDocument::Compact);
            const auto r = call([&](auto cb) { client.patch({k.gvr, kNamespace, name, QString()}, PatchType::Merge, patch, cb); });
            if (r.ok())
                live[{kindIndex, name}] = version;
        } else {
            const QString name = names[int(random() % names.size())];
            const auto r = call([&](auto cb) { client.remove({k.gvr, kNamespace, name, QString()}, cb); });
            if (r.ok() || r.error().is(reason::NotFound))
                live.erase({kindIndex, name});
        }
    }

    // The truth: a fresh list of each kind from the server; the caches must get there.
    for (int i = 0; i < kinds().size(); ++i) {
        const ProofKind &k = kinds()[i];
        auto fresh = awaitResult<Expected<ListPage>>([&](RestClient::ListCallback cb) {
            client.list({k.gvr, kNamespace, QString(), QString()}, ListRequest{}, cb);
        });
        QVERIFY(fresh && fresh->ok());
        const QMap<QString, QString> expected = versionsByName(fresh->value().items);
        QMap<QString, QString> cached;
        const bool converged = waitUntil([&] {
            cached = versionsByName(informers[size_t(i)]->lister().list());
            return cached == expected;
        }, 20000);
        if (!converged) {
            for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
                if (cached.value(it.key()) != it.value())
                    qWarning() << k.kind << it.key() << "server" << it.value() << "cache" << cached.value(it.key());
            }
            for (auto it = cached.cbegin(); it != cached.cend(); ++it) {
                if (!expected.contains(it.key()))
                    qWarning() << k.kind << it.key() << "only in the cache at" << it.value();
            }
        }
        QVERIFY2(converged, qPrintable(k.kind));
        QCOMPARE(informers[size_t(i)]->lister().list().size(), expected.size()); // no duplicates
    }
    // The model of what the test wrote agrees with the server too.
    int expectedTotal = 0;
    for (int i = 0; i < kinds().size(); ++i)
        expectedTotal += informers[size_t(i)]->lister().list().size();
    QCOMPARE(expectedTotal, int(live.size()));
    // The first informer (ConfigMaps, whose revision was compacted away) relisted after a 410.
    QVERIFY2(informers.front()->reflector().listCount() >= 2, "no relist after the compaction");
    for (auto &informer : informers) {
        // Each informer lost its watch at both restarts and opened new ones.
        QVERIFY2(informer->reflector().watchCount() >= 3, qPrintable(QString::number(informer->reflector().watchCount())));
        informer->stop();
    }
}

QTEST_GUILESS_MAIN(tst_InformerProof)
#include "tst_informerproof.moc"
