// ResourceTableModel: kubectl's columns per kind, the namespace column, fine-grained signals for
// informer batches, the live AGE column, typed sort keys, status categories, and feeding from a
// real SharedInformer.
#include "resourcefixtures.h"

#include "models/modelroles.h"
#include "models/resourcetablemodel.h"

#include "kube/cache/sharedinformer.h"
#include "kube/printers/tableprinter.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace timonel;
using fixtures::added;
using fixtures::deleted;
using fixtures::pod;
using fixtures::updated;

namespace {

// Serves one fixed list; its watch is scripted by the test.
class ScriptedWatch final : public kube::WatchConnection
{
public:
    void stop() override {}
    void send(const QList<kube::WatchEvent> &events) { Q_EMIT eventsReceived(events); }
};

class FixedListWatch final : public kube::ListWatch
{
public:
    explicit FixedListWatch(QList<kube::Object> items) : m_items(std::move(items)) {}
    void list(const kube::ListRequest &, std::function<void(kube::Expected<kube::ListPage>)> done) override
    {
        kube::ListPage page;
        page.items = m_items;
        page.resourceVersion = QStringLiteral("10");
        QMetaObject::invokeMethod(QCoreApplication::instance(), [done = std::move(done), page] { done(page); }, Qt::QueuedConnection);
    }
    std::unique_ptr<kube::WatchConnection> watch(const kube::WatchRequest &) override
    {
        auto connection = std::make_unique<ScriptedWatch>();
        lastWatch = connection.get();
        return connection;
    }
    QString describe() const override { return QStringLiteral("test pods"); }
    ScriptedWatch *lastWatch = nullptr;

private:
    QList<kube::Object> m_items;
};

QStringList headers(const QAbstractItemModel &model)
{
    QStringList names;
    for (int c = 0; c < model.columnCount(); ++c)
        names.append(model.headerData(c, Qt::Horizontal).toString());
    return names;
}

QStringList keys(const QAbstractItemModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.index(r, 0).data(KeyRole).toString());
    return out;
}

fixtures::PodSpec spec(const QString &name)
{
    fixtures::PodSpec s;
    s.name = name;
    return s;
}

} // namespace

class TestResourceTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void columnsMatchPrinter_data()
    {
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("status");
        QTest::newRow("pods") << QString() << "v1" << "Pod" << "Status";
        QTest::newRow("deployments") << "apps" << "v1" << "Deployment" << QString();
        QTest::newRow("services") << QString() << "v1" << "Service" << QString();
        QTest::newRow("nodes") << QString() << "v1" << "Node" << "Status";
        QTest::newRow("events") << QString() << "v1" << "Event" << "Type";
    }
    void columnsMatchPrinter()
    {
        QFETCH(QString, group);
        QFETCH(QString, version);
        QFETCH(QString, kind);
        QFETCH(QString, status);
        const kube::KindInfoPtr info = fixtures::builtinKind(group, version, kind);
        QVERIFY(info);
        ResourceTableModel model(info);
        const QJsonArray definitions = kube::tableColumnDefinitions(*info);
        QCOMPARE(model.columnCount(), definitions.size());
        QList<int> wide;
        for (int c = 0; c < definitions.size(); ++c) {
            const QJsonObject d = definitions.at(c).toObject();
            QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), d.value(u"name").toString());
            QCOMPARE(model.headerData(c, Qt::Horizontal, WideColumnRole).toBool(), d.value(u"priority").toInt() > 0);
            QCOMPARE(model.isWideColumn(c), d.value(u"priority").toInt() > 0);
            if (d.value(u"priority").toInt() > 0)
                wide.append(c);
        }
        QCOMPARE(model.wideColumns(), wide);
        const int ageColumn = model.ageColumn();
        if (kind != u"Event") {
            QVERIFY(ageColumn >= 0);
            QCOMPARE(model.headerData(ageColumn, Qt::Horizontal).toString(), QStringLiteral("Age"));
        }
        if (status.isEmpty())
            QCOMPARE(model.statusColumn(), -1);
        else
            QCOMPARE(model.headerData(model.statusColumn(), Qt::Horizontal).toString(), status);
    }

    void namespaceColumn()
    {
        ResourceTableModel model(fixtures::podKind());
        QAbstractItemModelTester tester(&model);
        model.applyBatch({added(pod(QStringLiteral("a"), QStringLiteral("shop")))});
        const int printed = model.columnCount();
        const int status = model.statusColumn();
        QSignalSpy inserted(&model, &QAbstractItemModel::columnsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::columnsRemoved);

        model.setShowNamespaceColumn(true);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.columnCount(), printed + 1);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Namespace"));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("shop"));
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("a"));
        QCOMPARE(model.statusColumn(), status + 1);
        QCOMPARE(model.index(0, model.statusColumn()).data().toString(), QStringLiteral("Running"));

        model.setShowNamespaceColumn(false);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.columnCount(), printed);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("a"));

        // Cluster-scoped kinds never get one.
        ResourceTableModel nodes(fixtures::builtinKind(QString(), QStringLiteral("v1"), QStringLiteral("Node")));
        const int nodeColumns = nodes.columnCount();
        nodes.setShowNamespaceColumn(true);
        QCOMPARE(nodes.columnCount(), nodeColumns);
        QVERIFY(!nodes.showsNamespaceColumn());
    }

    void batchesSignalFinely()
    {
        ResourceTableModel model(fixtures::podKind());
        QAbstractItemModelTester tester(&model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy counts(&model, &ResourceTableModel::rowsChangedBy);
        QSignalSpy syncedSpy(&model, &ResourceTableModel::synced);

        model.applyBatch({added(pod(QStringLiteral("a"))), added(pod(QStringLiteral("b"))), added(pod(QStringLiteral("c"))),
                          fixtures::synced()});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(keys(model), QStringList({"default/a", "default/b", "default/c"}));
        QCOMPARE(syncedSpy.size(), 1);
        QVERIFY(model.isSynced());
        QCOMPARE(counts.takeFirst(), QVariantList({3, 0, 0}));

        // An update: one dataChanged spanning that row only.
        fixtures::PodSpec crash = spec(QStringLiteral("b"));
        crash.waitingReason = QStringLiteral("CrashLoopBackOff");
        crash.ready = false;
        crash.resourceVersion = QStringLiteral("2");
        model.applyBatch({updated(pod(crash))});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().column(), 0);
        QCOMPARE(changed.at(0).at(1).toModelIndex().column(), model.columnCount() - 1);
        QCOMPARE(model.index(1, model.statusColumn()).data().toString(), QStringLiteral("CrashLoopBackOff"));
        QCOMPARE(model.index(1, model.statusColumn()).data(StatusRole).toInt(), int(StatusCategory::Error));
        QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("0/1"));
        QCOMPARE(counts.takeFirst(), QVariantList({0, 1, 0}));

        // The same bytes again (a resync) change nothing.
        model.applyBatch({updated(pod(crash))});
        QCOMPARE(changed.size(), 1);

        // A deletion in the middle: one removal of that row.
        model.applyBatch({deleted(pod(QStringLiteral("b")))});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 1);
        QCOMPARE(keys(model), QStringList({"default/a", "default/c"}));

        // Added and deleted within one batch never shows.
        model.applyBatch({added(pod(QStringLiteral("ghost"))), deleted(pod(QStringLiteral("ghost")))});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOfKey(QStringLiteral("default/ghost")), -1);

        QCOMPARE(reset.size(), 0);
        QCOMPARE(layout.size(), 0);
    }

    void scatteredDeletionsAreOneLayoutChange()
    {
        ResourceTableModel model(fixtures::podKind());
        QAbstractItemModelTester tester(&model);
        kube::InformerEventBatch batch;
        for (int i = 0; i < 100; ++i)
            batch.append(added(pod(QStringLiteral("p%1").arg(i))));
        model.applyBatch(batch);
        const QPersistentModelIndex keep = model.index(51, 2);
        const QPersistentModelIndex gone = model.index(50, 0);
        QCOMPARE(keep.data(KeyRole).toString(), QStringLiteral("default/p51"));

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        batch.clear();
        for (int i = 0; i < 100; i += 2) // 50 separate runs
            batch.append(deleted(pod(QStringLiteral("p%1").arg(i))));
        model.applyBatch(batch);

        QCOMPARE(layout.size(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(keep.isValid());
        QCOMPARE(keep.data(KeyRole).toString(), QStringLiteral("default/p51"));
        QCOMPARE(keep.column(), 2);
        QVERIFY(!gone.isValid());
        for (int r = 0; r < model.rowCount(); ++r) {
            QCOMPARE(model.index(r, 0).data().toString(), QStringLiteral("p%1").arg(2 * r + 1));
            QCOMPARE(model.rowOfKey(QStringLiteral("default/p%1").arg(2 * r + 1)), r);
        }

        // A few runs stay plain removals.
        layout.clear();
        removed.clear();
        model.applyBatch({deleted(pod(QStringLiteral("p1"))), deleted(pod(QStringLiteral("p3"))), deleted(pod(QStringLiteral("p99")))});
        QCOMPARE(layout.size(), 0);
        QCOMPARE(removed.size(), 2);
        QCOMPARE(model.rowCount(), 47);
        QCOMPARE(keep.data(KeyRole).toString(), QStringLiteral("default/p51"));
    }

    void ageIsLive()
    {
        fixtures::FakeClock clock;
        ResourceTableModel model(fixtures::podKind());
        model.setClock(&clock);
        fixtures::PodSpec young = spec(QStringLiteral("young"));
        young.created = clock.time.addSecs(-30);
        model.applyBatch({added(pod(young)), added(pod(QStringLiteral("old")))});
        const int age = model.ageColumn();
        QCOMPARE(model.index(0, age).data().toString(), QStringLiteral("30s"));
        QCOMPARE(model.index(1, age).data().toString(), QStringLiteral("0s"));
        QCOMPARE(model.index(0, age).data(SortRole).toDouble(), 30.0);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        clock.time = clock.time.addSecs(200);
        model.refreshAges();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), model.index(0, age));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), model.index(1, age));
        QCOMPARE(model.index(0, age).data().toString(), QStringLiteral("3m50s"));
        QCOMPARE(model.index(1, age).data().toString(), QStringLiteral("3m20s"));
        QCOMPARE(model.index(0, age).data(SortRole).toDouble(), 230.0);

        clock.time = clock.time.addDays(3);
        model.refreshAges();
        QCOMPARE(model.index(0, age).data().toString(), QStringLiteral("3d"));
    }

    void sortKeysAreTyped()
    {
        fixtures::FakeClock clock;
        ResourceTableModel model(fixtures::podKind());
        model.setClock(&clock);
        fixtures::PodSpec restarted = spec(QStringLiteral("web-10"));
        restarted.restarts = 5;
        restarted.lastRestart = clock.time.addSecs(-120);
        model.applyBatch({added(pod(restarted))});
        const int restarts = model.headerData(3, Qt::Horizontal).toString() == u"Restarts" ? 3 : -1;
        QVERIFY(restarts >= 0);
        QCOMPARE(model.index(0, restarts).data().toString(), QStringLiteral("5 (2m ago)"));
        const QVariant key = model.index(0, restarts).data(SortRole);
        QCOMPARE(key.typeId(), QMetaType::Double);
        QCOMPARE(key.toDouble(), 5.0);
        QCOMPARE(model.index(0, 0).data(SortRole).toString(), QStringLiteral("web-10"));
        QCOMPARE(model.index(0, 1).data(SortRole).toDouble(), 1.0000001); // "1/1"
    }

    void objectRoles()
    {
        ResourceTableModel model(fixtures::podKind());
        const kube::Object object = pod(QStringLiteral("a"), QStringLiteral("shop"));
        model.applyBatch({added(object)});
        const QModelIndex index = model.index(0, 2);
        QCOMPARE(index.data(ObjectRole).value<kube::Object>(), object);
        QCOMPARE(index.data(KeyRole).toString(), QStringLiteral("shop/a"));
        QCOMPARE(index.data(UidRole).toString(), QStringLiteral("uid-shop-a"));
        QCOMPARE(index.data(RowStatusRole).toInt(), int(StatusCategory::Good));
        QVERIFY(!model.index(0, 0).data(StatusRole).isValid());
        QCOMPARE(model.index(0, model.statusColumn()).data(StatusRole).toInt(), int(StatusCategory::Good));
    }

    void feedsFromInformer()
    {
        auto listWatch = std::make_unique<FixedListWatch>(QList<kube::Object>{pod(QStringLiteral("a")), pod(QStringLiteral("b"))});
        FixedListWatch *lw = listWatch.get();
        kube::SharedInformerOptions options;
        options.deliveryInterval = std::chrono::milliseconds(0);
        kube::SharedInformer informer(std::move(listWatch), options);
        ResourceTableModel model(fixtures::podKind());
        QAbstractItemModelTester tester(&model);
        QSignalSpy syncedSpy(&model, &ResourceTableModel::synced);
        model.setInformer(&informer);
        informer.start();
        QVERIFY(syncedSpy.wait(5000));
        QCOMPARE(model.rowCount(), 2);
        QTRY_VERIFY(lw->lastWatch);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        lw->lastWatch->send({{kube::WatchEvent::Type::Added, pod(QStringLiteral("c")), {}}});
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.size(), 1);

        // A second model subscribing late gets everything cached.
        ResourceTableModel late(fixtures::podKind());
        QSignalSpy lateSynced(&late, &ResourceTableModel::synced);
        late.setInformer(&informer);
        QVERIFY(lateSynced.wait(5000));
        QCOMPARE(late.rowCount(), 3);

        // Switching informers clears the rows and unsubscribes: later events reach only the
        // model still subscribed.
        model.setInformer(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isSynced());
        lw->lastWatch->send({{kube::WatchEvent::Type::Added, pod(QStringLiteral("d")), {}}});
        QTRY_COMPARE(late.rowCount(), 4);
        QCoreApplication::processEvents();
        QCOMPARE(model.rowCount(), 0);
        informer.stop();
    }
};

QTEST_GUILESS_MAIN(TestResourceTableModel)
#include "tst_resourcetablemodel.moc"
