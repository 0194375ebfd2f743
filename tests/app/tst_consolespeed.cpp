// The desktop console on an embedded cluster started with a time scale (timonel --speed N):
// the cluster stamps objects with its sped-up clock, so the console must show ages with that
// clock too — with the system clock every age would read a few seconds (or be in the future).
#include "app/clustersession.h"
#include "app/consolecontroller.h"
#include "models/modelroles.h"
#include "models/navigatormodel.h"
#include "models/resourcefiltermodel.h"
#include "models/resourcetablemodel.h"
#include "views/mainwindow.h"
#include "views/resourcetableview.h"
#include "tests/support/clusterfixture.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace timonel;

namespace {

// "3m20s", "2m", "45s", "1h5m" → seconds; -1 when it is not such a duration.
qint64 seconds(const QString &age)
{
    static const QRegularExpression part(u"(\\d+)([dhms])"_qs);
    qint64 total = 0;
    qsizetype covered = 0;
    for (const QRegularExpressionMatch &m : part.globalMatch(age)) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0);
        total += n * (unit == u'd' ? 86400 : unit == u'h' ? 3600 : unit == u'm' ? 60 : 1);
        covered += m.capturedLength();
    }
    return covered == age.size() && covered > 0 ? total : -1;
}

const kube::ResourceRef kConfigMapsDefault{{QString(), u"v1"_qs, u"configmaps"_qs}, u"default"_qs, {}, {}};

} // namespace

class TestConsoleSpeed : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ConsoleController> m_console;

    int rowOf(const QString &key) const
    {
        ResourceFilterModel *f = m_console->filterModel();
        for (int row = 0; row < f->rowCount(); ++row) {
            if (f->index(row, 0).data(KeyRole).toString() == key)
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TimonelTest"_qs);
        ConsoleOptions options;
        options.embeddedDataDir = m_dir.path() + u"/cluster"_qs;
        options.embeddedSpeed = 100;
        options.embeddedNodes = 2;
        options.kubeconfig.homeDir = m_dir.path();
        options.kubeconfig.kubeconfigEnv.clear();
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 700);
        m_console = std::make_unique<ConsoleController>(m_window.get(), options);
        m_window->show();
        QSignalSpy connected(m_console.get(), &ConsoleController::clusterConnected);
        m_console->start();
        QVERIFY(connected.wait(60000));
        QTRY_COMPARE_WITH_TIMEOUT(m_console->currentSession()->state(), ClusterSession::State::Connected, 20000);
    }

    void cleanupTestCase()
    {
        m_console.reset();
        m_window.reset();
    }

    void theClusterHasTheNodesAskedFor()
    {
        m_window->navigator()->setCurrentIndex(m_console->navigatorModel()->indexOf(u"nodes"_qs));
        QTRY_VERIFY_WITH_TIMEOUT(m_console->tableModel() && m_console->tableModel()->isSynced(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_console->filterModel()->rowCount(), 2, 20000);
    }

    void agesFollowTheClustersClock()
    {
        auto created = awaitResult<kube::Expected<kube::Object>>(
            [&](auto done) {
                m_console->currentSession()->create(
                    kConfigMapsDefault,
                    *kube::Object::parse(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"clock"},"data":{"a":"b"}})"), done);
            },
            20000);
        QVERIFY(created && created->ok());
        m_window->navigator()->setCurrentIndex(m_console->navigatorModel()->indexOf(u"configmaps"_qs));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(u"default/clock"_qs) >= 0, 20000);
        const int age = m_console->tableModel()->ageColumn();
        QVERIFY(age >= 0);
        // 2 real seconds are 200 s of the cluster's clock; the system clock would say ~2 s.
        QTest::qWait(2000);
        QTRY_VERIFY_WITH_TIMEOUT(seconds(m_console->filterModel()->index(rowOf(u"default/clock"_qs), age).data().toString()) >= 120,
                                 5000);

    }
};

QTEST_MAIN(TestConsoleSpeed)
#include "tst_consolespeed.moc"
