#include "views/deletedialog.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace timonel;

namespace {

const DeleteTarget Pod{u"Pod"_qs, u"shop"_qs, u"web-1"_qs};

void showActive(QWidget &w)
{
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
}

} // namespace

class TestDeleteDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void propagationAndGracePeriod()
    {
        DeleteDialog dialog({Pod});
        QCOMPARE(dialog.propagation(), DeletePropagation::Background);
        QVERIFY(dialog.requiredConfirmation().isEmpty());
        QVERIFY(dialog.deleteButton()->isEnabled());
        QCOMPARE(dialog.gracePeriodSeconds(), std::nullopt);
        QVERIFY(!dialog.gracePeriodSpin()->isEnabled());

        dialog.setPropagation(DeletePropagation::Orphan);
        QCOMPARE(dialog.propagation(), DeletePropagation::Orphan);
        // The radio buttons are what the user clicks.
        const QList<QRadioButton *> radios = dialog.findChildren<QRadioButton *>();
        QCOMPARE(radios.size(), 3);
        radios.at(1)->click();
        QCOMPARE(dialog.propagation(), DeletePropagation::Foreground);

        dialog.gracePeriodCheck()->setChecked(true);
        QVERIFY(dialog.gracePeriodSpin()->isEnabled());
        dialog.gracePeriodSpin()->setValue(0);
        QCOMPARE(dialog.gracePeriodSeconds(), std::optional<int>(0));
        QCOMPARE(propagationPolicyName(DeletePropagation::Foreground), u"Foreground"_qs);
    }

    void enterDeletesOnlyFromTheDeleteButton()
    {
        DeleteDialog dialog({Pod});
        showActive(dialog);
        QRadioButton *radio = dialog.findChildren<QRadioButton *>().first();
        radio->setFocus();
        QTest::keyClick(radio, Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        dialog.deleteButton()->setFocus();
        QCOMPARE(dialog.focusWidget(), dialog.deleteButton());
        QTest::keyClick(dialog.deleteButton(), Qt::Key_Return);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void enterOnCancelAndEscapeCancel()
    {
        DeleteDialog dialog({Pod});
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        showActive(dialog);
        dialog.cancelButton()->setFocus();
        QTest::keyClick(dialog.cancelButton(), Qt::Key_Return);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        showActive(dialog);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(accepted.size(), 0);
    }

    void severalObjectsRequireTheCount()
    {
        DeleteDialog dialog({Pod, {u"Pod"_qs, u"shop"_qs, u"web-2"_qs}, {u"Service"_qs, u"shop"_qs, u"web"_qs}});
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        showActive(dialog);
        QCOMPARE(dialog.requiredConfirmation(), u"3"_qs);
        QVERIFY(dialog.confirmationEdit());
        QVERIFY(!dialog.deleteButton()->isEnabled());
        // Neither the button, Enter, nor a direct accept() gets through without it.
        dialog.deleteButton()->click();
        dialog.accept();
        dialog.deleteButton()->setFocus();
        QTest::keyClick(dialog.deleteButton(), Qt::Key_Return);
        QCOMPARE(accepted.size(), 0);
        QVERIFY(dialog.isVisible());

        QTest::keyClicks(dialog.confirmationEdit(), "2");
        QVERIFY(!dialog.deleteButton()->isEnabled());
        // Enter in the confirmation field does not delete either.
        dialog.confirmationEdit()->setText(u"3"_qs);
        QVERIFY(dialog.deleteButton()->isEnabled());
        dialog.confirmationEdit()->setFocus();
        QTest::keyClick(dialog.confirmationEdit(), Qt::Key_Return);
        QCOMPARE(accepted.size(), 0);

        dialog.deleteButton()->click();
        QCOMPARE(accepted.size(), 1);
    }

    void namespaceRequiresItsName()
    {
        DeleteDialog dialog({{u"Namespace"_qs, QString(), u"shop"_qs}});
        QCOMPARE(dialog.requiredConfirmation(), u"shop"_qs);
        QVERIFY(!dialog.isConfirmed());
        dialog.confirmationEdit()->setText(u"sho"_qs);
        QVERIFY(!dialog.deleteButton()->isEnabled());
        dialog.confirmationEdit()->setText(u"shop"_qs);
        QVERIFY(dialog.isConfirmed());
        QVERIFY(dialog.deleteButton()->isEnabled());
    }
};

QTEST_MAIN(TestDeleteDialog)
#include "tst_deletedialog.moc"
