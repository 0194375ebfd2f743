// ThreadSafeStore and Lister: keys, built-in and custom indexes kept exact through updates,
// deletions and replace, selector lookups.
#include "fakelistwatch.h"

#include "kube/cache/lister.h"
#include "kube/cache/threadsafestore.h"

#include <QTest>

#include <malloc.h>

using kube::Labels;
using kube::ObjectKey;
using kube::testing::makePod;

namespace {
QStringList names(QList<kube::Object> objects)
{
    QStringList out;
    for (const kube::Object &o : objects)
        out.append(o.key().toString());
    out.sort();
    return out;
}
} // namespace

class tst_ThreadSafeStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void getAndList();
    void builtInIndexes_data();
    void builtInIndexes();
    void indexesFollowUpdatesAndRemovals();
    void replaceRebuildsAndReturnsOld();
    void customIndexer();
    void listerSelect_data();
    void listerSelect();
    void indexEntriesFollowTheCachedObject();
    void heapPerCachedPodIsBounded();

private:
    std::shared_ptr<kube::ThreadSafeStore> m_store;
};

void tst_ThreadSafeStore::init()
{
    m_store = std::make_shared<kube::ThreadSafeStore>();
    m_store->update(makePod(u"a"_qs, u"web-1"_qs, u"1"_qs, {{u"app"_qs, u"web"_qs}, {u"tier"_qs, u"front"_qs}}, u"node-1"_qs, u"rs-1"_qs));
    m_store->update(makePod(u"a"_qs, u"web-2"_qs, u"2"_qs, {{u"app"_qs, u"web"_qs}}, u"node-2"_qs, u"rs-1"_qs));
    m_store->update(makePod(u"b"_qs, u"db-1"_qs, u"3"_qs, {{u"app"_qs, u"db"_qs}}, u"node-1"_qs));
    m_store->update(makePod(u"b"_qs, u"web-1"_qs, u"4"_qs, {{u"app"_qs, u"web"_qs}, {u"tier"_qs, u"back"_qs}}));
}

void tst_ThreadSafeStore::getAndList()
{
    QCOMPARE(m_store->size(), 4);
    QCOMPARE(m_store->get({u"a"_qs, u"web-1"_qs})->resourceVersion(), u"1"_qs);
    QVERIFY(!m_store->get({u"c"_qs, u"web-1"_qs}));
    QCOMPARE(names(m_store->list()), (QStringList{u"a/web-1"_qs, u"a/web-2"_qs, u"b/db-1"_qs, u"b/web-1"_qs}));
}

void tst_ThreadSafeStore::builtInIndexes_data()
{
    QTest::addColumn<QString>("index");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("namespace-a") << u"namespace"_qs << u"a"_qs << QStringList{u"a/web-1"_qs, u"a/web-2"_qs};
    QTest::newRow("label-app-web") << u"label"_qs << u"app=web"_qs << QStringList{u"a/web-1"_qs, u"a/web-2"_qs, u"b/web-1"_qs};
    QTest::newRow("owner-uid") << u"ownerUid"_qs << u"rs-1"_qs << QStringList{u"a/web-1"_qs, u"a/web-2"_qs};
    QTest::newRow("node-name") << u"nodeName"_qs << u"node-1"_qs << QStringList{u"a/web-1"_qs, u"b/db-1"_qs};
    QTest::newRow("unknown-value") << u"nodeName"_qs << u"node-9"_qs << QStringList{};
    QTest::newRow("unknown-index") << u"colour"_qs << u"red"_qs << QStringList{};
}

void tst_ThreadSafeStore::builtInIndexes()
{
    QFETCH(QString, index);
    QFETCH(QString, value);
    QFETCH(QStringList, expected);
    QCOMPARE(names(m_store->byIndex(index, value)), expected);
}

void tst_ThreadSafeStore::indexesFollowUpdatesAndRemovals()
{
    // web-1 moves to node-3 and drops its owner; db-1 goes away.
    const kube::Object old = m_store->update(makePod(u"a"_qs, u"web-1"_qs, u"5"_qs, {{u"app"_qs, u"api"_qs}}, u"node-3"_qs));
    QCOMPARE(old.resourceVersion(), u"1"_qs);
    QCOMPARE(m_store->remove({u"b"_qs, u"db-1"_qs}).name(), u"db-1"_qs);
    QVERIFY(m_store->remove({u"b"_qs, u"db-1"_qs}).isNull());
    QCOMPARE(names(m_store->byIndex(u"nodeName"_qs, u"node-1"_qs)), QStringList{});
    QCOMPARE(names(m_store->byIndex(u"nodeName"_qs, u"node-3"_qs)), QStringList{u"a/web-1"_qs});
    QCOMPARE(names(m_store->byIndex(u"ownerUid"_qs, u"rs-1"_qs)), QStringList{u"a/web-2"_qs});
    QCOMPARE(names(m_store->byIndex(u"label"_qs, u"app=web"_qs)), (QStringList{u"a/web-2"_qs, u"b/web-1"_qs}));
    QCOMPARE(names(m_store->byIndex(u"label"_qs, u"app=api"_qs)), QStringList{u"a/web-1"_qs});
    QCOMPARE(names(m_store->byIndex(u"label"_qs, u"app=db"_qs)), QStringList{});
}

void tst_ThreadSafeStore::replaceRebuildsAndReturnsOld()
{
    const auto old = m_store->replace({makePod(u"c"_qs, u"x"_qs, u"9"_qs, {{u"app"_qs, u"web"_qs}})});
    QCOMPARE(old.size(), 4);
    QCOMPARE(names(m_store->list()), QStringList{u"c/x"_qs});
    QCOMPARE(names(m_store->byIndex(u"label"_qs, u"app=web"_qs)), QStringList{u"c/x"_qs});
    QCOMPARE(names(m_store->byIndex(u"namespace"_qs, u"a"_qs)), QStringList{});
}

void tst_ThreadSafeStore::customIndexer()
{
    m_store->addIndexer(u"firstLetter"_qs, [](const kube::Object &o) { return QStringList{o.name().left(1)}; });
    QCOMPARE(names(m_store->byIndex(u"firstLetter"_qs, u"w"_qs)), (QStringList{u"a/web-1"_qs, u"a/web-2"_qs, u"b/web-1"_qs}));
    m_store->update(makePod(u"c"_qs, u"wow"_qs));
    QCOMPARE(m_store->byIndex(u"firstLetter"_qs, u"w"_qs).size(), 4);
    QVERIFY(m_store->indexNames().contains(u"firstLetter"_qs));
}

void tst_ThreadSafeStore::listerSelect_data()
{
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("everything") << QString() << QString() << QStringList{u"a/web-1"_qs, u"a/web-2"_qs, u"b/db-1"_qs, u"b/web-1"_qs};
    QTest::newRow("namespace-only") << u"b"_qs << QString() << QStringList{u"b/db-1"_qs, u"b/web-1"_qs};
    QTest::newRow("pinned-label-all-namespaces") << QString() << u"app=web"_qs << QStringList{u"a/web-1"_qs, u"a/web-2"_qs, u"b/web-1"_qs};
    QTest::newRow("pinned-label-in-namespace") << u"a"_qs << u"app=web,tier=front"_qs << QStringList{u"a/web-1"_qs};
    QTest::newRow("set-based-scan") << QString() << u"tier in (front,back)"_qs << QStringList{u"a/web-1"_qs, u"b/web-1"_qs};
    QTest::newRow("negation") << u"a"_qs << u"!tier"_qs << QStringList{u"a/web-2"_qs};
    QTest::newRow("pinned-value-absent") << QString() << u"app=none"_qs << QStringList{};
    QTest::newRow("namespace-absent") << u"zzz"_qs << QString() << QStringList{};
}

void tst_ThreadSafeStore::listerSelect()
{
    QFETCH(QString, ns);
    QFETCH(QString, selector);
    QFETCH(QStringList, expected);
    const kube::Lister lister(m_store);
    const auto parsed = kube::LabelSelector::parse(selector);
    QVERIFY(parsed.ok());
    QCOMPARE(names(lister.list(ns, parsed.value())), expected);
    QCOMPARE(lister.get(u"b"_qs, u"db-1"_qs)->name(), u"db-1"_qs);
    QVERIFY(!kube::Lister().get(u"b"_qs, u"db-1"_qs));
}

// Index entries name the cached object itself: replacing it by an equal copy (other data, same
// bytes), by itself, or by a changed object leaves exactly one entry per value, the current one.
void tst_ThreadSafeStore::indexEntriesFollowTheCachedObject()
{
    const kube::Object pod = makePod(u"a"_qs, u"web-1"_qs, u"1"_qs, {{u"app"_qs, u"web"_qs}}, u"node-1"_qs, u"rs-1"_qs);
    const kube::Object equalCopy = kube::Object::parse(pod.json()).value();
    QVERIFY(&equalCopy.json() != &pod.json());
    m_store->update(pod);
    m_store->update(equalCopy);
    m_store->update(equalCopy);
    QCOMPARE(m_store->indexKeys(u"nodeName"_qs, u"node-1"_qs).count(ObjectKey{u"a"_qs, u"web-1"_qs}), 1);
    const QList<kube::Object> onNode = m_store->byIndex(u"nodeName"_qs, u"node-1"_qs);
    QCOMPARE(names(onNode), (QStringList{u"a/web-1"_qs, u"b/db-1"_qs}));
    for (const kube::Object &o : onNode) {
        if (o.name() == u"web-1")
            QCOMPARE(&o.json(), &equalCopy.json()); // the cached one, not the first
    }
    m_store->update(makePod(u"a"_qs, u"web-1"_qs, u"2"_qs, {{u"app"_qs, u"api"_qs}}, u"node-2"_qs, u"rs-1"_qs));
    QCOMPARE(names(m_store->byIndex(u"nodeName"_qs, u"node-1"_qs)), QStringList{u"b/db-1"_qs});
    QCOMPARE(names(m_store->byIndex(u"label"_qs, u"app=api"_qs)), QStringList{u"a/web-1"_qs});
    QCOMPARE(m_store->byIndex(u"ownerUid"_qs, u"rs-1"_qs).size(), 2);
    QCOMPARE(m_store->get({u"a"_qs, u"web-1"_qs})->resourceVersion(), u"2"_qs);
    m_store->remove({u"a"_qs, u"web-1"_qs});
    QCOMPARE(names(m_store->byIndex(u"ownerUid"_qs, u"rs-1"_qs)), QStringList{u"a/web-2"_qs});
}

// A sanity bound, not a timing: 2,000 pods of one Deployment (shared namespace, node, labels,
// owner) cost their JSON plus under 1,200 bytes each in the store and its four indexes (about
// 870 here; 2,360 before values were shared and index entries became 8 bytes).
void tst_ThreadSafeStore::heapPerCachedPodIsBounded()
{
    constexpr int count = 2000;
    QList<QByteArray> bodies;
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i);
        bodies.append(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-7d9f8b6c5-)" + n +
                      R"(","generateName":"web-7d9f8b6c5-","namespace":"default","uid":"6f1c2e4a-0b7d-4c3e-9a51-)" + n.rightJustified(12, '0') +
                      R"(","resourceVersion":")" + QByteArray::number(1000 + i) +
                      R"(","creationTimestamp":"2026-11-27T10:00:00Z","labels":{"app":"web","pod-template-hash":"7d9f8b6c5","tier":"frontend"},)"
                      R"("ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d9f8b6c5","uid":"0d5c1f0e-8f3a-4b7e-a1c2-3e4f5a6b7c8d","controller":true,"blockOwnerDeletion":true}]},)"
                      R"("spec":{"nodeName":"node-)" + QByteArray::number(i % 10) + R"(","containers":[{"name":"web","image":"nginx:1.27"}]},"status":{"phase":"Running"}})");
    }
    kube::ThreadSafeStore store;
    qint64 jsonBytes = 0;
    const auto heap = [] { const struct mallinfo2 m = mallinfo2(); return qint64(m.uordblks + m.hblkhd); };
    const qint64 before = heap();
    for (const QByteArray &body : std::as_const(bodies)) {
        const kube::Object o = kube::Object::parse(body).value();
        jsonBytes += o.byteSize();
        store.update(o);
    }
    const qint64 overheadPerPod = (heap() - before - jsonBytes) / count;
    qInfo("heap per cached pod beyond its %lld JSON bytes: %lld bytes", jsonBytes / count, overheadPerPod);
    QCOMPARE(store.size(), count);
    QVERIFY2(overheadPerPod < 1200, qPrintable(QString::number(overheadPerPod)));
}

QTEST_GUILESS_MAIN(tst_ThreadSafeStore)
#include "tst_threadsafestore.moc"
