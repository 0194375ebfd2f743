#include "models/statuscategory.h"

#include <QTest>

using timonel::StatusCategory;

class TestStatusCategory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void categories_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<StatusCategory>("expected");
        QTest::newRow("running") << "Running" << StatusCategory::Good;
        QTest::newRow("completed") << "Completed" << StatusCategory::Good;
        QTest::newRow("pending") << "Pending" << StatusCategory::Pending;
        QTest::newRow("creating") << "ContainerCreating" << StatusCategory::Pending;
        QTest::newRow("init progress") << "Init:0/2" << StatusCategory::Pending;
        QTest::newRow("init crash") << "Init:CrashLoopBackOff" << StatusCategory::Error;
        QTest::newRow("crash loop") << "CrashLoopBackOff" << StatusCategory::Error;
        QTest::newRow("image pull") << "ImagePullBackOff" << StatusCategory::Error;
        QTest::newRow("exit code") << "ExitCode:137" << StatusCategory::Error;
        QTest::newRow("node cordoned") << "Ready,SchedulingDisabled" << StatusCategory::Pending;
        QTest::newRow("node not ready") << "NotReady,SchedulingDisabled" << StatusCategory::Warning;
        QTest::newRow("warning event") << "Warning" << StatusCategory::Warning;
        QTest::newRow("service type") << "ClusterIP" << StatusCategory::Neutral;
        QTest::newRow("empty") << "" << StatusCategory::Neutral;
    }
    void categories()
    {
        QFETCH(QString, status);
        QFETCH(StatusCategory, expected);
        QCOMPARE(timonel::statusCategory(status), expected);
    }
};

QTEST_GUILESS_MAIN(TestStatusCategory)
#include "tst_statuscategory.moc"
