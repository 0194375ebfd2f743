// Issue 5's proof for log streams: a followed log loses and repeats no line across API server
// outages. A real embedded cluster (controllers, scheduler, simulated kubelet) runs a pod that
// prints numbered lines, two per instant, every 50 ms; the client reaches the API server through
// a TCP relay that is cut twice — every connection reset and new ones refused for a while, as a
// restarting API server does while the kubelet keeps the container's log. The lines delivered
// must be exactly the container's lines, in order, each once.
#include "kube/client/clustertransport.h"
#include "kube/client/logstream.h"
#include "kube/client/restclient.h"

#include "tests/support/clusterfixture.h"
#include "tests/support/tcpproxy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace kube;

namespace {
const GroupVersionResource kPods{QString(), u"v1"_qs, u"pods"_qs};
constexpr int kLines = 400; // iterations: 2 lines each, 50 ms apart (~20 s)
} // namespace

class tst_LogFollowProof : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fixture.start(ClusterFixture::Controllers::On).isSuccess());
        m_direct = std::make_unique<ClusterTransport>(m_fixture.config());
        m_client = std::make_unique<RestClient>(m_direct.get());
    }

    void followAcrossTwoOutages()
    {
        QStringList numbers;
        for (int i = 1; i <= kLines; ++i)
            numbers.append(QString::number(i));
        // Two echoes in one step share their instant: the resume must tell them apart by count.
        const QString script = u"for i in %1; do echo tick $i; echo tock $i; sleep 0.05; done; sleep infinity"_qs.arg(numbers.join(u' '));
        QJsonObject container{{u"name"_qs, u"counter"_qs}, {u"image"_qs, u"busybox"_qs},
                              {u"command"_qs, QJsonArray{u"sh"_qs, u"-c"_qs, script}}};
        QJsonObject pod{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs},
                        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"counter"_qs}}},
                        {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{container}}}}};
        auto created = awaitResult<Expected<Object>>([&](auto done) {
            m_client->create({kPods, u"default"_qs, {}, {}}, Object::fromJson(pod), done);
        });
        QVERIFY(created && created->ok());
        QTRY_VERIFY_WITH_TIMEOUT(isRunning(), 30000);

        TcpProxy proxy(m_fixture.cluster->port());
        RestConfig viaProxy = m_fixture.config();
        viaProxy.server = QUrl(u"https://127.0.0.1:%1"_qs.arg(proxy.port()));
        ClusterTransport transport(viaProxy);
        LogOptions options;
        options.container = u"counter"_qs;
        options.follow = true;
        LogStream stream(&transport, u"default"_qs, u"counter"_qs, options);
        QStringList lines;
        connect(&stream, &LogStream::linesReceived, this, [&](const QStringList &l) { lines += l; });
        QSignalSpy finished(&stream, &LogStream::finished);

        QTRY_VERIFY_WITH_TIMEOUT(lines.size() >= 120, 20000);
        proxy.cut(1500); // ~60 lines are written while the client cannot connect
        QTRY_VERIFY_WITH_TIMEOUT(stream.reconnections() >= 1 && lines.size() >= 400, 30000);
        proxy.cut(3000);
        QTRY_VERIFY_WITH_TIMEOUT(stream.reconnections() >= 2 && lines.size() >= 2 * kLines, 60000);
        QTest::qWait(300); // nothing more may come: the loop has ended
        stream.stop();
        QVERIFY(finished.isEmpty());
        QCOMPARE(proxy.cuts(), 2);

        QStringList expected;
        for (int i = 1; i <= kLines; ++i)
            expected << u"tick %1"_qs.arg(i) << u"tock %1"_qs.arg(i);
        if (lines != expected) {
            for (qsizetype i = 0; i < std::max(lines.size(), expected.size()); ++i) {
                if (lines.value(i) != expected.value(i)) {
                    qWarning("first difference at line %lld: got '%s', expected '%s'", qint64(i), qPrintable(lines.value(i)),
                             qPrintable(expected.value(i)));
                    break;
                }
            }
        }
        QCOMPARE(lines.size(), expected.size());
        QCOMPARE(lines, expected);
    }

private:
    bool isRunning()
    {
        auto got = awaitResult<Expected<Object>>([&](auto done) { m_client->get({kPods, u"default"_qs, u"counter"_qs, {}}, done); });
        if (!got || !got->ok())
            return false;
        const QJsonArray statuses = got->value().toJson()[u"status"][u"containerStatuses"].toArray();
        return !statuses.isEmpty() && statuses.at(0).toObject().value(u"state").toObject().contains(u"running");
    }

    ClusterFixture m_fixture;
    std::unique_ptr<ClusterTransport> m_direct;
    std::unique_ptr<RestClient> m_client;
};

QTEST_GUILESS_MAIN(tst_LogFollowProof)
#include "tst_logfollowproof.moc"
