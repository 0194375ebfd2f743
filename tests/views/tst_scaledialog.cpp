#include "views/scaledialog.h"

#include <QSpinBox>
#include <QTest>

using namespace timonel;

namespace {

void showActive(QWidget &w)
{
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
}

} // namespace

class TestScaleDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsAtCurrentAndEnterAccepts()
    {
        ScaleDialog dialog(u"Deployment web"_qs, 3);
        QCOMPARE(dialog.currentReplicas(), 3);
        QCOMPARE(dialog.replicas(), 3);
        showActive(dialog);
        dialog.spinBox()->setFocus();
        dialog.spinBox()->selectAll();
        QTest::keyClicks(dialog.spinBox(), "7");
        QCOMPARE(dialog.replicas(), 7);
        QTest::keyClick(dialog.spinBox(), Qt::Key_Return);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void escapeCancels()
    {
        ScaleDialog dialog(u"Deployment web"_qs, 2);
        showActive(dialog);
        QTest::keyClick(dialog.spinBox(), Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!dialog.isVisible());
    }
};

QTEST_MAIN(TestScaleDialog)
#include "tst_scaledialog.moc"
