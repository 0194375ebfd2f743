// ResourceFilterModel: typed sorting, the text / label-selector / namespace filters, fine-grained
// signals and persistent indexes that stay on their objects while rows change, and the
// incremental index agreeing with one rebuilt from scratch under random churn.
#include "resourcefixtures.h"

#include "models/cellsortkey.h"
#include "models/modelroles.h"
#include "models/resourcefiltermodel.h"
#include "models/resourcetablemodel.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace timonel;
using fixtures::added;
using fixtures::deleted;
using fixtures::pod;
using fixtures::updated;

namespace {

QStringList names(const QAbstractItemModel &model, int column = -1)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(column < 0 ? model.index(r, 0).data(KeyRole).toString().section(u'/', 1) : model.index(r, column).data().toString());
    return out;
}

fixtures::PodSpec spec(const QString &name, const QString &ns = QStringLiteral("default"))
{
    fixtures::PodSpec s;
    s.name = name;
    s.ns = ns;
    return s;
}

constexpr int nameColumn = 0;
constexpr int readyColumn = 1;
constexpr int statusColumn = 2;
constexpr int restartsColumn = 3;

} // namespace

class TestResourceFilterModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cellSortNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("expected"); // NaN: sorts as text
        const double text = std::nan("");
        QTest::newRow("integer") << "10" << 10.0;
        QTest::newRow("negative") << "-1" << -1.0;
        QTest::newRow("decimal") << "0.5" << 0.5;
        QTest::newRow("ready") << "3/4" << 3.0000004;
        QTest::newRow("restarts with time") << "5 (2m ago)" << 5.0;
        QTest::newRow("duration") << "3m10s" << 190.0;
        QTest::newRow("days") << "2d4h" << 187200.0;
        QTest::newRow("quantity binary") << "10Gi" << 10737418240.0;
        QTest::newRow("quantity decimal") << "1.5k" << 1500.0;
        QTest::newRow("date") << "2026-11-27T10:00:00Z" << double(fixtures::epoch().toSecsSinceEpoch());
        QTest::newRow("name") << "web-1" << text;
        QTest::newRow("ip") << "10.0.0.1" << text;
        QTest::newRow("port") << "80/TCP" << text;
        QTest::newRow("none") << "<none>" << text;
        QTest::newRow("empty") << "" << text;
        QTest::newRow("trailing garbage") << "5 apples" << text;
    }
    void cellSortNumbers()
    {
        QFETCH(QString, text);
        QFETCH(double, expected);
        const double actual = cellSortNumber(text);
        if (std::isnan(expected))
            QVERIFY2(std::isnan(actual), qPrintable(QString::number(actual)));
        else
            QCOMPARE(actual, expected);
    }

    void naturalOrder()
    {
        QVERIFY(naturalCompare(u"web-9", u"web-10") < 0);
        QVERIFY(naturalCompare(u"web-10", u"web-9") > 0);
        QVERIFY(naturalCompare(u"Web-2", u"web-10") < 0);
        QVERIFY(naturalCompare(u"web-007", u"web-7") != 0);
        QVERIFY(naturalCompare(u"a", u"ab") < 0);
        QCOMPARE(naturalCompare(u"same", u"same"), 0);
    }

    void sortsTyped()
    {
        fixtures::FakeClock clock;
        ResourceTableModel table(fixtures::podKind());
        table.setClock(&clock);
        kube::InformerEventBatch batch;
        const QList<int> restarts{2, 10, 9, 5, 0};
        for (int i = 0; i < restarts.size(); ++i) {
            fixtures::PodSpec s = spec(QStringLiteral("web-%1").arg(i * 5));
            s.restarts = restarts[i];
            if (restarts[i] == 5)
                s.lastRestart = clock.time.addSecs(-120);
            s.created = clock.time.addSecs(-60 * (i + 1));
            batch.append(added(pod(s)));
        }
        table.applyBatch(batch);
        ResourceFilterModel model;
        QAbstractItemModelTester tester(&model);
        model.setSourceModel(&table);
        QCOMPARE(names(model), QStringList({"web-0", "web-5", "web-10", "web-15", "web-20"}));

        model.sort(restartsColumn, Qt::AscendingOrder);
        QCOMPARE(names(model, restartsColumn), QStringList({"0", "2", "5 (2m ago)", "9", "10"}));
        model.sort(restartsColumn, Qt::DescendingOrder);
        QCOMPARE(names(model, restartsColumn), QStringList({"10", "9", "5 (2m ago)", "2", "0"}));

        model.sort(nameColumn, Qt::DescendingOrder);
        QCOMPARE(names(model), QStringList({"web-20", "web-15", "web-10", "web-5", "web-0"}));

        // AGE ascending: youngest first.
        model.sort(table.ageColumn(), Qt::AscendingOrder);
        QCOMPARE(names(model), QStringList({"web-0", "web-5", "web-10", "web-15", "web-20"}));
        QCOMPARE(names(model, table.ageColumn()), QStringList({"60s", "2m", "3m", "4m", "5m"}));

        model.sort(-1);
        QCOMPARE(names(model), QStringList({"web-0", "web-5", "web-10", "web-15", "web-20"}));
    }

    void textFilter()
    {
        ResourceTableModel table(fixtures::podKind());
        fixtures::PodSpec crash = spec(QStringLiteral("api-1"), QStringLiteral("shop"));
        crash.waitingReason = QStringLiteral("CrashLoopBackOff");
        table.applyBatch({added(pod(QStringLiteral("web-1"))), added(pod(QStringLiteral("web-12"))), added(pod(crash)),
                          added(pod(QStringLiteral("db-0"), QStringLiteral("shop")))});
        ResourceFilterModel model;
        QAbstractItemModelTester tester(&model);
        model.setSourceModel(&table);
        QSignalSpy counts(&model, &ResourceFilterModel::countsChanged);

        model.setTextFilter(QStringLiteral("WEB-1"));
        QCOMPARE(names(model), QStringList({"web-1", "web-12"}));
        QCOMPARE(counts.last(), QVariantList({2, 4}));
        model.setTextFilter(QStringLiteral("web-12"));
        QCOMPARE(names(model), QStringList({"web-12"}));
        model.setTextFilter(QStringLiteral("shop crash"));
        QCOMPARE(names(model), QStringList({"api-1"}));
        model.setTextFilter(QStringLiteral("!web"));
        QCOMPARE(names(model), QStringList({"api-1", "db-0"}));
        model.setTextFilter(QStringLiteral("shop !crashloop"));
        QCOMPARE(names(model), QStringList({"db-0"}));
        model.setTextFilter(QStringLiteral("nothing-like-this"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasChildren());
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
        model.setTextFilter(QString());
        QCOMPARE(model.rowCount(), 4);
    }

    void labelSelector()
    {
        ResourceTableModel table(fixtures::podKind());
        fixtures::PodSpec web = spec(QStringLiteral("web"));
        web.labels = {{QStringLiteral("app"), QStringLiteral("web")}, {QStringLiteral("tier"), QStringLiteral("frontend")}};
        fixtures::PodSpec db = spec(QStringLiteral("db"));
        db.labels = {{QStringLiteral("app"), QStringLiteral("web")}, {QStringLiteral("tier"), QStringLiteral("db")}};
        table.applyBatch({added(pod(web)), added(pod(db)), added(pod(QStringLiteral("bare")))});
        ResourceFilterModel model;
        QAbstractItemModelTester tester(&model);
        model.setSourceModel(&table);
        QSignalSpy errors(&model, &ResourceFilterModel::selectorErrorChanged);

        QVERIFY(model.setLabelSelector(QStringLiteral("app=web,tier!=db")));
        QCOMPARE(names(model), QStringList({"web"}));
        QVERIFY(model.selectorError().isEmpty());

        QVERIFY(!model.setLabelSelector(QStringLiteral("app in (web")));
        QCOMPARE(names(model), QStringList({"web"})); // the previous selector stays
        QVERIFY(!model.selectorError().isEmpty());
        QCOMPARE(errors.size(), 1);
        QCOMPARE(model.labelSelector(), QStringLiteral("app=web,tier!=db"));

        QVERIFY(model.setLabelSelector(QStringLiteral("!tier")));
        QCOMPARE(names(model), QStringList({"bare"}));
        QVERIFY(model.selectorError().isEmpty());
        QCOMPARE(errors.size(), 2);
        QVERIFY(model.setLabelSelector(QString()));
        QCOMPARE(model.rowCount(), 3);
    }

    void namespaceSet()
    {
        ResourceTableModel table(fixtures::podKind());
        table.applyBatch({added(pod(QStringLiteral("a"), QStringLiteral("one"))), added(pod(QStringLiteral("b"), QStringLiteral("two"))),
                          added(pod(QStringLiteral("c"), QStringLiteral("three")))});
        ResourceFilterModel model;
        QAbstractItemModelTester tester(&model);
        model.setSourceModel(&table);
        model.setNamespaces({QStringLiteral("one"), QStringLiteral("three")});
        QCOMPARE(names(model), QStringList({"a", "c"}));
        model.setNamespaces({QStringLiteral("two")});
        QCOMPARE(names(model), QStringList({"b"}));
        table.applyBatch({added(pod(QStringLiteral("d"), QStringLiteral("two"))), added(pod(QStringLiteral("e"), QStringLiteral("one")))});
        QCOMPARE(names(model), QStringList({"b", "d"}));
        model.setNamespaces({});
        QCOMPARE(model.rowCount(), 5);
    }

    // A persistent index (what a selection holds) stays on its object while others come and go,
    // the sort changes, and its own sort key moves it.
    void persistentIndexFollowsItsObject()
    {
        ResourceTableModel table(fixtures::podKind());
        kube::InformerEventBatch batch;
        for (int i = 0; i < 40; ++i)
            batch.append(added(pod(QStringLiteral("web-%1").arg(i))));
        table.applyBatch(batch);
        ResourceFilterModel model;
        QAbstractItemModelTester tester(&model);
        model.setSourceModel(&table);
        model.sort(nameColumn, Qt::AscendingOrder);
        const QPersistentModelIndex held = model.index(20, statusColumn);
        QCOMPARE(held.data(KeyRole).toString(), QStringLiteral("default/web-20"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const auto heldName = [&] { return held.data(KeyRole).toString(); };

        table.applyBatch({added(pod(QStringLiteral("web-2a"))), added(pod(QStringLiteral("aaa"))), added(pod(QStringLiteral("zzz")))});
        QCOMPARE(heldName(), QStringLiteral("default/web-20"));
        table.applyBatch({deleted(pod(QStringLiteral("web-3"))), deleted(pod(QStringLiteral("web-30"))), deleted(pod(QStringLiteral("aaa")))});
        QCOMPARE(heldName(), QStringLiteral("default/web-20"));
        batch.clear();
        for (int i = 0; i < 40; i += 3) // many scattered deletions: the layout path
            if (i != 20)
                batch.append(deleted(pod(QStringLiteral("web-%1").arg(i))));
        table.applyBatch(batch);
        QCOMPARE(heldName(), QStringLiteral("default/web-20"));

        model.sort(restartsColumn, Qt::DescendingOrder);
        QCOMPARE(heldName(), QStringLiteral("default/web-20"));
        QCOMPARE(held.column(), statusColumn);

        // Its own update moves it to the top (most restarts): a move, not a reset.
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        fixtures::PodSpec busy = spec(QStringLiteral("web-20"));
        busy.restarts = 7;
        table.applyBatch({updated(pod(busy))});
        QCOMPARE(moved.size(), 1);
        QCOMPARE(held.row(), 0);
        QCOMPARE(heldName(), QStringLiteral("default/web-20"));

        // Another row's update does not touch it.
        fixtures::PodSpec other = spec(QStringLiteral("web-22"));
        other.restarts = 1;
        table.applyBatch({updated(pod(other))});
        QCOMPARE(held.row(), 0);
        QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("web-22"));

        // Filtering others out and back in.
        model.setTextFilter(QStringLiteral("web-2"));
        QCOMPARE(heldName(), QStringLiteral("default/web-20"));
        model.setTextFilter(QString());
        QCOMPARE(heldName(), QStringLiteral("default/web-20"));
        QCOMPARE(reset.size(), 0);
    }

    void updatesEnterAndLeaveTheFilter()
    {
        ResourceTableModel table(fixtures::podKind());
        table.applyBatch({added(pod(QStringLiteral("a"))), added(pod(QStringLiteral("b"))), added(pod(QStringLiteral("c")))});
        ResourceFilterModel model;
        QAbstractItemModelTester tester(&model);
        model.setSourceModel(&table);
        model.setTextFilter(QStringLiteral("running"));
        QCOMPARE(model.rowCount(), 3);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        fixtures::PodSpec pending = spec(QStringLiteral("b"));
        pending.phase = QStringLiteral("Pending");
        pending.waitingReason = QStringLiteral("ContainerCreating");
        table.applyBatch({updated(pod(pending))});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(names(model), QStringList({"a", "c"}));

        table.applyBatch({updated(pod(QStringLiteral("b")))});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(names(model), QStringList({"a", "b", "c"}));

        fixtures::PodSpec again = spec(QStringLiteral("c"));
        again.restarts = 1;
        table.applyBatch({updated(pod(again))});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 2);
    }

    void ageTickIsOneColumnChange()
    {
        fixtures::FakeClock clock;
        ResourceTableModel table(fixtures::podKind());
        table.setClock(&clock);
        table.applyBatch({added(pod(QStringLiteral("a"))), added(pod(QStringLiteral("b"))), added(pod(QStringLiteral("c")))});
        ResourceFilterModel model;
        model.setSourceModel(&table);
        model.sort(table.ageColumn(), Qt::AscendingOrder);
        model.setTextFilter(QStringLiteral("!b"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        clock.time = clock.time.addSecs(42);
        table.refreshAges();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, table.ageColumn()));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(1, table.ageColumn()));
        QCOMPARE(layout.size(), 0);
        QCOMPARE(model.index(1, table.ageColumn()).data().toString(), QStringLiteral("42s"));
    }

    void wideFilterChangeKeepsSelection()
    {
        ResourceTableModel table(fixtures::podKind());
        kube::InformerEventBatch batch;
        for (int i = 0; i < 200; ++i)
            batch.append(added(pod(QStringLiteral("%1-%2").arg(i % 2 ? QStringLiteral("odd") : QStringLiteral("even")).arg(i))));
        table.applyBatch(batch);
        ResourceFilterModel model;
        QAbstractItemModelTester tester(&model);
        model.setSourceModel(&table);
        model.sort(nameColumn, Qt::AscendingOrder);
        const QModelIndex start = model.indexOfKey(QStringLiteral("default/odd-51"));
        QVERIFY(start.isValid());
        const QPersistentModelIndex held = start;
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        model.setTextFilter(QStringLiteral("5")); // keeps names with a 5, scattered in the order
        QVERIFY(layout.size() <= 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(held.data(KeyRole).toString(), QStringLiteral("default/odd-51"));
        model.setTextFilter(QString());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(held.data(KeyRole).toString(), QStringLiteral("default/odd-51"));
        QCOMPARE(model.rowCount(), 200);
        const QStringList shown = names(model);
        QStringList expected = shown;
        std::sort(expected.begin(), expected.end(), [](const QString &a, const QString &b) { return naturalCompare(a, b) < 0; });
        QCOMPARE(shown, expected);
    }

    // Random adds, updates, deletions, filter and sort changes: the incrementally maintained
    // index always equals an index built from scratch with the same settings.
    void incrementalMatchesRebuilt()
    {
        QRandomGenerator random(20261127);
        ResourceTableModel table(fixtures::podKind());
        ResourceFilterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSourceModel(&table);
        const QStringList words{QString(), QStringLiteral("web"), QStringLiteral("1"), QStringLiteral("!2"),
                                QStringLiteral("crash"), QStringLiteral("ns-1 !web")};
        const QStringList selectors{QString(), QStringLiteral("tier=a"), QStringLiteral("tier!=a")};
        for (int step = 0; step < 120; ++step) {
            kube::InformerEventBatch batch;
            const int events = int(random.bounded(1, 40));
            for (int e = 0; e < events; ++e) {
                fixtures::PodSpec s = spec(QStringLiteral("%1-%2").arg(random.bounded(2) ? "web" : "db").arg(random.bounded(60)),
                                           QStringLiteral("ns-%1").arg(random.bounded(3)));
                s.restarts = int(random.bounded(12));
                s.labels = {{QStringLiteral("tier"), random.bounded(2) ? QStringLiteral("a") : QStringLiteral("b")}};
                if (random.bounded(5) == 0)
                    s.waitingReason = QStringLiteral("CrashLoopBackOff");
                s.resourceVersion = QString::number(step * 100 + e);
                batch.append(random.bounded(4) == 0 ? deleted(pod(s)) : updated(pod(s)));
            }
            table.applyBatch(batch);
            if (step % 7 == 0)
                model.setTextFilter(words.at(int(random.bounded(int(words.size())))));
            if (step % 11 == 0)
                model.setLabelSelector(selectors.at(int(random.bounded(int(selectors.size())))));
            if (step % 5 == 0)
                model.sort(int(random.bounded(-1, table.columnCount())), random.bounded(2) ? Qt::AscendingOrder : Qt::DescendingOrder);
            if (step % 13 == 0)
                model.setNamespaces(random.bounded(2) ? QStringList{QStringLiteral("ns-1")} : QStringList{});

            ResourceFilterModel fresh;
            fresh.setTextFilter(model.textFilter());
            fresh.setLabelSelector(model.labelSelector());
            fresh.setNamespaces(model.namespaces());
            fresh.sort(model.sortColumn(), model.sortOrder());
            fresh.setSourceModel(&table);
            QCOMPARE(names(model), names(fresh));
        }
    }
};

QTEST_GUILESS_MAIN(TestResourceFilterModel)
#include "tst_resourcefiltermodel.moc"
