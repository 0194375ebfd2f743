#include "views/resourcetableview.h"

#include <QHeaderView>
#include <QSettings>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace timonel;

namespace {

QList<QStandardItem *> row(const QString &ns, const QString &name)
{
    return {new QStandardItem(ns), new QStandardItem(name), new QStandardItem(u"Running"_qs)};
}

} // namespace

// The table fits its columns to the first rows of a model that was empty when shown (an
// informer's list arrives later), keeps the user's widths after that, and caps a column at
// 40 % of the table so one long value cannot hide the others.
class TestResourceTableView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"timonel-tests"_qs);
        QCoreApplication::setApplicationName(u"tst_resourcetableview"_qs);
        QSettings().clear();
    }

    void fitsColumnsWhenTheFirstRowsArrive()
    {
        ResourceTableView view;
        view.resize(1000, 400);
        QStandardItemModel model(0, 3);
        model.setHorizontalHeaderLabels({u"Namespace"_qs, u"Name"_qs, u"Status"_qs});
        view.setModel(&model, u"pods"_qs, {});
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QHeaderView *header = view.table()->horizontalHeader();
        const int before = header->sectionSize(1);

        const QString longName = u"web-7d4b9c8f6d-abcdefghijklmnop"_qs;
        model.appendRow(row(u"default"_qs, longName));
        const int fitted = header->sectionSize(1);
        QVERIFY2(fitted > before, qPrintable(u"%1 -> %2"_qs.arg(before).arg(fitted)));
        QVERIFY(fitted >= view.table()->fontMetrics().horizontalAdvance(longName));

        // The user's width stays when more rows come.
        header->resizeSection(1, 60);
        model.appendRow(row(u"default"_qs, longName + u"-and-even-longer"_qs));
        QCOMPARE(header->sectionSize(1), 60);
    }

    void aLongValueIsCappedAtSixtyCharacters()
    {
        ResourceTableView view;
        view.resize(800, 400);
        QStandardItemModel model(0, 3);
        model.setHorizontalHeaderLabels({u"Namespace"_qs, u"Name"_qs, u"Status"_qs});
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setModel(&model, u"pods"_qs, {});
        model.appendRow(row(u"default"_qs, QString(400, u'x')));
        const int cap = view.table()->fontMetrics().averageCharWidth() * ResourceTableView::MaxFittedChars;
        QCOMPARE(view.table()->horizontalHeader()->sectionSize(1), cap);
    }

    void aNarrowTableStillFitsANormalName()
    {
        // The first rows often arrive before the window has its final layout.
        ResourceTableView view;
        view.resize(300, 200);
        QStandardItemModel model(0, 3);
        model.setHorizontalHeaderLabels({u"Namespace"_qs, u"Name"_qs, u"Status"_qs});
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setModel(&model, u"pods"_qs, {});
        const QString name = u"web-57f567f7d6-7hsxx"_qs;
        model.appendRow(row(u"default"_qs, name));
        QVERIFY(view.table()->horizontalHeader()->sectionSize(1) >= view.table()->fontMetrics().horizontalAdvance(name));
    }

    void aColumnShownLaterIsFittedToo()
    {
        // The NAMESPACE column comes back when the picker goes to all namespaces: it is fitted
        // to its values, not left at the default section width.
        ResourceTableView view;
        view.resize(1000, 400);
        QStandardItemModel model(0, 2);
        model.setHorizontalHeaderLabels({u"Name"_qs, u"Status"_qs});
        view.setModel(&model, u"pods"_qs, {});
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.appendRow({new QStandardItem(u"web-1"_qs), new QStandardItem(u"Running"_qs)});
        const QString ns = u"a-rather-long-team-namespace-name"_qs;
        model.insertColumn(0, QList<QStandardItem *>{new QStandardItem(ns)});
        QHeaderView *header = view.table()->horizontalHeader();
        QVERIFY2(header->sectionSize(0) >= view.table()->fontMetrics().horizontalAdvance(ns),
                 qPrintable(QString::number(header->sectionSize(0))));
    }

    void aFilledModelIsFittedAtOnce()
    {
        ResourceTableView view;
        view.resize(1000, 400);
        QStandardItemModel model(0, 3);
        model.setHorizontalHeaderLabels({u"Namespace"_qs, u"Name"_qs, u"Status"_qs});
        const QString longName = u"a-rather-long-deployment-name-7d4b9c8f6d-x2x9z"_qs;
        model.appendRow(row(u"default"_qs, longName));
        view.setModel(&model, u"pods"_qs, {});
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.table()->horizontalHeader()->sectionSize(1)
                >= view.table()->fontMetrics().horizontalAdvance(longName));
    }
};

QTEST_MAIN(TestResourceTableView)
#include "tst_resourcetableview.moc"
