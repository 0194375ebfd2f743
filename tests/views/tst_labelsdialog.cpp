#include "views/labelsdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace timonel;

class TestLabelsDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validatesInline()
    {
        LabelsDialog dialog(u"Pod web-1"_qs, kube::Labels{{u"app"_qs, u"web"_qs}});
        QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(dialog.errors().isEmpty());
        QVERIFY(ok->isEnabled());

        const int row = dialog.addRow(u"-bad"_qs, u"x"_qs);
        QCOMPARE(row, 1);
        QCOMPARE(dialog.errors().size(), 1);
        QVERIFY2(dialog.errors().first().startsWith(u"Row 2, key: name part must consist of alphanumeric characters"), qPrintable(dialog.errors().first()));
        QVERIFY(!ok->isEnabled());
        QVERIFY(!dialog.table()->item(1, 0)->toolTip().isEmpty());
        QVERIFY(!dialog.table()->item(1, 0)->icon().isNull());
        QVERIFY(dialog.errorLabel()->text().contains(u"Row 2, key"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        dialog.table()->item(1, 0)->setText(u"tier"_qs);
        dialog.table()->item(1, 1)->setText(QString(64, u'a')); // label values are at most 63
        QCOMPARE(dialog.errors().size(), 1);
        QVERIFY(dialog.errors().first().startsWith(u"Row 2, value: must be no more than 63"));
        dialog.table()->item(1, 1)->setText(u"front"_qs);
        QVERIFY(dialog.errors().isEmpty());
        QVERIFY(dialog.table()->item(1, 0)->icon().isNull());

        dialog.addRow(u"app"_qs, u"other"_qs);
        QCOMPARE(dialog.errors(), QStringList{u"Row 3, key: duplicate key"_qs});
        dialog.table()->selectRow(2);
        dialog.removeSelectedRows();
        dialog.addRow(); // an empty row is ignored
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.labels(), (kube::Labels{{u"app"_qs, u"web"_qs}, {u"tier"_qs, u"front"_qs}}));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TestLabelsDialog)
#include "tst_labelsdialog.moc"
