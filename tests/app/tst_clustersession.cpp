// ClusterSession against a real embedded cluster: connection state, discovery, shared
// informers (one per resource and scope, released after the linger), requests answered on the
// GUI thread, failures reported with the transport's reason.
#include "app/clustersession.h"

#include "kube/cache/sharedinformer.h"
#include "kube/client/execapprovalstore.h"
#include "kube/client/kubeconfig.h"
#include "tests/support/clusterfixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using timonel::ClusterSession;

class TestClusterSession : public QObject
{
    Q_OBJECT
private:
    ClusterFixture m_fixture;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fixture.start(ClusterFixture::Controllers::Off).isSuccess());
    }

    void connectsAndDiscovers()
    {
        ClusterSession session(QStringLiteral("test"), m_fixture.config());
        QSignalSpy connected(&session, &ClusterSession::resourcesChanged);
        session.connectToCluster();
        QVERIFY(connected.wait(15000));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, 15000);
        QVERIFY(session.latencyMs() >= 0);
        QVERIFY(session.serverVersion().startsWith(u'v'));
        QVERIFY(session.findResource(QStringLiteral("pods")));
        QCOMPARE(ClusterSession::resourceId(session.findResource(QStringLiteral("deploy"))->gvr), QStringLiteral("deployments.apps"));
        QVERIFY(!session.findResource(QStringLiteral("nosuchthings")));
    }

    void informersAreSharedAndReleased()
    {
        ClusterSession session(QStringLiteral("test"), m_fixture.config());
        QSignalSpy connected(&session, &ClusterSession::resourcesChanged);
        session.connectToCluster();
        QVERIFY(connected.wait(15000));
        kube::SharedInformer *a = session.acquireInformer(QStringLiteral("namespaces"));
        kube::SharedInformer *b = session.acquireInformer(QStringLiteral("ns"));
        QVERIFY(a);
        QCOMPARE(a, b); // same resource, same scope: one watch
        kube::SharedInformer *c = session.acquireInformer(QStringLiteral("configmaps"), QStringLiteral("default"));
        QVERIFY(c != a);
        QCOMPARE(session.activeInformerCount(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(a->hasSynced(), 15000);
        // The default namespace exists and is cached.
        QVERIFY(a->lister().get(QString(), QStringLiteral("default")).has_value());
        session.releaseInformer(a);
        session.releaseInformer(b);
        session.releaseInformer(c);
        // Still cached during the linger: acquiring again is instant and the same object.
        QCOMPARE(session.acquireInformer(QStringLiteral("namespaces")), a);
        session.releaseInformer(a);
    }

    void requestsAnswerOnTheGuiThread()
    {
        ClusterSession session(QStringLiteral("test"), m_fixture.config());
        QSignalSpy connected(&session, &ClusterSession::resourcesChanged);
        session.connectToCluster();
        QVERIFY(connected.wait(15000));
        const auto cm = kube::Object::parse(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"s1"},"data":{"a":"1"}})");
        QVERIFY(cm.ok());
        const kube::ResourceRef ref{{QString(), QStringLiteral("v1"), QStringLiteral("configmaps")}, QStringLiteral("default"), {}, {}};
        QThread *replyThread = nullptr;
        auto created = awaitResult<kube::Expected<kube::Object>>([&](auto done) {
            session.create(ref, *cm, [&, done](kube::Expected<kube::Object> r) {
                replyThread = QThread::currentThread();
                done(std::move(r));
            });
        });
        QVERIFY(created && created->ok());
        QCOMPARE(replyThread, QThread::currentThread());
        QCOMPARE((*created)->name(), QStringLiteral("s1"));
        // A second create conflicts: the reply carries the server's Status.
        auto again = awaitResult<kube::Expected<kube::Object>>([&](auto done) { session.create(ref, *cm, done); });
        QVERIFY(again && !again->ok());
        QCOMPARE(again->error().code(), 409);
    }

    void unreachableClusterFails()
    {
        kube::RestConfig config = m_fixture.config();
        config.server = QUrl(QStringLiteral("https://127.0.0.1:1")); // nothing listens on port 1
        ClusterSession session(QStringLiteral("nowhere"), config);
        QSignalSpy state(&session, &ClusterSession::stateChanged);
        session.connectToCluster();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Failed, 30000);
        QVERIFY(!session.errorMessage().isEmpty());
    }

    // A kubeconfig whose user is an exec credential plugin nobody approved yet: the session says
    // so (and which command), and approving it connects.
    void execPluginAwaitingApprovalSaysSoThenConnects()
    {
        QStandardPaths::setTestModeEnabled(true); // the approval store lives under the test config
        QTemporaryDir dir;
        QFile script(dir.path() + u"/credential.sh"_qs);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                     "\"status\":{\"token\":\"" + m_fixture.cluster->token() + "\"}}'\n");
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString kubeconfig = dir.path() + u"/config"_qs;
        QFile file(kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: v1\nkind: Config\ncurrent-context: plugin\n"
                   "clusters:\n- name: c\n  cluster:\n    server: " + m_fixture.cluster->url().toUtf8() +
                   "\n    certificate-authority-data: " + m_fixture.cluster->caCertificate().toBase64() +
                   "\nusers:\n- name: u\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n"
                   "      command: " + script.fileName().toUtf8() + "\n      interactiveMode: Never\n"
                   "contexts:\n- name: plugin\n  context:\n    cluster: c\n    user: u\n");
        file.close();
        kube::KubeconfigLoadOptions options;
        options.explicitPath = kubeconfig;
        auto loaded = kube::Kubeconfig::load(options);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().message()));
        auto config = loaded->restConfig();
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message()));

        ClusterSession session(QStringLiteral("plugin"), *config);
        session.connectToCluster();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Failed, 30000);
        const std::optional<kube::ExecApproval> pending = session.pendingExecApproval();
        QVERIFY2(pending, qPrintable(session.errorMessage()));
        QCOMPARE(pending->command, script.fileName());
        QVERIFY(session.errorMessage().contains(script.fileName()));

        QVERIFY(session.approveExecPlugin().isSuccess());
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Connected, 30000);
        QVERIFY(!session.pendingExecApproval());
        // Clean up the approval so a rerun starts unapproved.
        kube::ExecApprovalStore().revoke(*pending);
    }

    void wrongTokenFailsWithTheServersReason()
    {
        kube::RestConfig config = m_fixture.config();
        config.bearerToken = "not-the-token";
        ClusterSession session(QStringLiteral("bad credentials"), config);
        session.connectToCluster();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ClusterSession::State::Failed, 30000);
        QVERIFY2(session.errorMessage().contains(u"Unauthorized", Qt::CaseInsensitive) ||
                     session.errorMessage().contains(u"401"),
                 qPrintable(session.errorMessage()));
    }
};

QTEST_GUILESS_MAIN(TestClusterSession)
#include "tst_clustersession.moc"
