// The store's read and write semantics: errors with upstream wording, revisions, lists and
// pagination (also pinned to past revisions), reopen, compaction, guaranteedUpdate.
#include "kube/store/store.h"
#include "kube/store/storekey.h"
#include "testobjects.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kube;
using namespace timonel::test;

class tst_Store : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void keys_data();
    void keys();
    void prefixEnd_data();
    void prefixEnd();

    void createGetUpdateDelete();
    void errors_data();
    void errors();
    void revisionsAreMonotonicAndStamped();
    void recreateGetsNewCreateRevision();

    void listByPrefix_data();
    void listByPrefix();
    void pagination_data();
    void pagination();
    void paginationIsStableAcrossWrites();
    void listAtPastRevision();
    void listRevisionErrors_data();
    void listRevisionErrors();

    void reopenRestoresStateAndRevision();
    void revisionNeverGoesBackAfterCompaction();
    void compactionKeepsLatestAndExpiresOlder();
    void automaticCompaction();

    void guaranteedUpdateRetriesOnConflict();
    void guaranteedUpdateNoChangeWritesNothing();
    void guaranteedUpdateCreatesWhenAsked();

private:
    std::unique_ptr<Store> openStore(const StoreOptions &options = {});
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_Store::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_Store::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<Store> tst_Store::openStore(const StoreOptions &options)
{
    Expected<std::unique_ptr<Store>> store = Store::open(m_dir->filePath(u"store"_qs), options);
    if (!store) {
        qWarning().noquote() << store.error().message();
        return nullptr;
    }
    return std::move(store).value();
}

void tst_Store::keys_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QString>("groupResource");
    QTest::newRow("core-namespaced") << QString() << u"pods"_qs << u"default"_qs << u"web-1"_qs
                                     << QByteArray("/registry/core/pods/default/web-1") << u"pods"_qs;
    QTest::newRow("apps-namespaced") << u"apps"_qs << u"deployments"_qs << u"kube-system"_qs << u"dns"_qs
                                     << QByteArray("/registry/apps/deployments/kube-system/dns") << u"deployments.apps"_qs;
    QTest::newRow("cluster-scoped") << QString() << u"namespaces"_qs << QString() << u"default"_qs
                                    << QByteArray("/registry/core/namespaces/default") << u"namespaces"_qs;
}

void tst_Store::keys()
{
    QFETCH(QString, group);
    QFETCH(QString, resource);
    QFETCH(QString, ns);
    QFETCH(QString, name);
    QFETCH(QByteArray, key);
    QFETCH(QString, groupResource);
    QCOMPARE(StoreKey::make(group, resource, ns, name), key);
    QVERIFY(key.startsWith(StoreKey::prefix(group, resource, ns)));
    QVERIFY(key.startsWith(StoreKey::prefix(group, resource)));
    QCOMPARE(StoreKey::groupResource(key), groupResource);
    QCOMPARE(StoreKey::name(key), name);
}

void tst_Store::prefixEnd_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<QByteArray>("end");
    QTest::newRow("slash") << QByteArray("/a/") << QByteArray("/a0");
    QTest::newRow("trailing-ff") << QByteArray("a\xff") << QByteArray("b");
    QTest::newRow("all-ff") << QByteArray("\xff\xff") << QByteArray();
    QTest::newRow("empty") << QByteArray() << QByteArray();
}

void tst_Store::prefixEnd()
{
    QFETCH(QByteArray, prefix);
    QFETCH(QByteArray, end);
    QCOMPARE(StoreKey::prefixEnd(prefix), end);
}

void tst_Store::createGetUpdateDelete()
{
    auto store = openStore();
    QVERIFY(store);
    const QByteArray key = configMapKey(u"a"_qs);
    Expected<Object> created = store->create(key, configMap(u"a"_qs, u"one"_qs));
    QVERIFY2(created, qPrintable(created.error().message()));
    QCOMPARE(created->resourceVersion(), u"1"_qs);
    QCOMPARE(store->get(key)->json(), created->json());

    Expected<Object> updated = store->update(key, configMap(u"a"_qs, u"two"_qs), 1);
    QVERIFY(updated);
    QCOMPARE(updated->resourceVersion(), u"2"_qs);
    QCOMPARE(valueOf(*store->get(key)), u"two"_qs);
    QCOMPARE(store->entry(key)->createRevision, 1);
    QCOMPARE(store->entry(key)->modRevision, 2);

    Expected<Object> removed = store->remove(key, 2);
    QVERIFY(removed);
    QCOMPARE(removed->resourceVersion(), u"3"_qs);
    QCOMPARE(valueOf(*removed), u"two"_qs);
    QVERIFY(!store->get(key));
    QVERIFY(store->get(key).error().is(reason::NotFound));
    QCOMPARE(store->currentRevision(), 3);
}

void tst_Store::errors_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<qint64>("precondition"); // -1: none
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reasonText");
    QTest::addColumn<QString>("message");
    // The store holds "a" at revision 1.
    QTest::newRow("create-existing") << u"create a"_qs << qint64(-1) << 409 << u"AlreadyExists"_qs
                                     << u"configmaps \"a\" already exists"_qs;
    QTest::newRow("update-missing") << u"update b"_qs << qint64(-1) << 404 << u"NotFound"_qs << u"configmaps \"b\" not found"_qs;
    QTest::newRow("update-stale") << u"update a"_qs << qint64(7) << 409 << u"Conflict"_qs
                                  << u"Operation cannot be fulfilled on configmaps \"a\": the object has been modified; "
                                     "please apply your changes to the latest version and try again"_qs;
    QTest::newRow("delete-missing") << u"delete b"_qs << qint64(-1) << 404 << u"NotFound"_qs << u"configmaps \"b\" not found"_qs;
    QTest::newRow("delete-stale") << u"delete a"_qs << qint64(7) << 409 << u"Conflict"_qs
                                  << u"Operation cannot be fulfilled on configmaps \"a\": Precondition failed: "
                                     "ResourceVersion in precondition: 7, ResourceVersion in object meta: 1"_qs;
    QTest::newRow("empty-key") << u"create "_qs << qint64(-1) << 400 << u"BadRequest"_qs << u"empty store key"_qs;
}

void tst_Store::errors()
{
    QFETCH(QString, operation);
    QFETCH(qint64, precondition);
    QFETCH(int, code);
    QFETCH(QString, reasonText);
    QFETCH(QString, message);
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(store->create(configMapKey(u"a"_qs), configMap(u"a"_qs)));

    const QString verb = operation.section(u' ', 0, 0);
    const QString name = operation.section(u' ', 1, 1);
    const QByteArray key = name.isEmpty() ? QByteArray() : configMapKey(name);
    const std::optional<qint64> expected = precondition < 0 ? std::nullopt : std::optional<qint64>(precondition);
    Expected<Object> result = verb == u"create"_qs ? store->create(key, configMap(name))
        : verb == u"update"_qs                     ? store->update(key, configMap(name, u"x"_qs), expected)
                                                   : store->remove(key, expected);
    QVERIFY(!result);
    QCOMPARE(result.error().code(), code);
    QCOMPARE(result.error().reason(), reasonText);
    QCOMPARE(result.error().message(), message);
    QCOMPARE(store->currentRevision(), 1); // refused writes take no revision
}

void tst_Store::revisionsAreMonotonicAndStamped()
{
    auto store = openStore();
    QVERIFY(store);
    qint64 last = store->currentRevision();
    for (int i = 0; i < 20; ++i) {
        const QByteArray key = configMapKey(u"k%1"_qs.arg(i % 5));
        Expected<Object> r = store->entry(key) ? store->update(key, configMap(u"k"_qs, QString::number(i)))
                                               : store->create(key, configMap(u"k"_qs));
        QVERIFY(r);
        const qint64 rv = r->resourceVersion().toLongLong();
        QCOMPARE(rv, last + 1);
        QCOMPARE(store->currentRevision(), rv);
        QCOMPARE(store->get(key)->resourceVersion(), r->resourceVersion());
        last = rv;
    }
}

void tst_Store::recreateGetsNewCreateRevision()
{
    auto store = openStore();
    QVERIFY(store);
    const QByteArray key = configMapKey(u"a"_qs);
    QVERIFY(store->create(key, configMap(u"a"_qs)));
    QVERIFY(store->remove(key));
    QVERIFY(store->create(key, configMap(u"a"_qs)));
    QCOMPARE(store->entry(key)->createRevision, 3);
}

void tst_Store::listByPrefix_data()
{
    QTest::addColumn<QByteArray>("prefix");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("all-namespaces") << StoreKey::prefix({}, u"configmaps"_qs) << QStringList{u"a"_qs, u"b"_qs, u"c"_qs, u"d"_qs};
    QTest::newRow("namespace-not-its-prefix-twin") << StoreKey::prefix({}, u"configmaps"_qs, u"ns1"_qs)
                                                   << QStringList{u"a"_qs, u"b"_qs};
    QTest::newRow("other-namespace") << StoreKey::prefix({}, u"configmaps"_qs, u"ns10"_qs) << QStringList{u"c"_qs};
    QTest::newRow("other-resource") << StoreKey::prefix({}, u"secrets"_qs) << QStringList{u"s"_qs};
    QTest::newRow("nothing") << StoreKey::prefix(u"apps"_qs, u"deployments"_qs) << QStringList{};
}

void tst_Store::listByPrefix()
{
    QFETCH(QByteArray, prefix);
    QFETCH(QStringList, names);
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(store->create(configMapKey(u"b"_qs, u"ns1"_qs), configMap(u"b"_qs, {}, u"ns1"_qs)));
    QVERIFY(store->create(configMapKey(u"a"_qs, u"ns1"_qs), configMap(u"a"_qs, {}, u"ns1"_qs)));
    QVERIFY(store->create(configMapKey(u"c"_qs, u"ns10"_qs), configMap(u"c"_qs, {}, u"ns10"_qs)));
    QVERIFY(store->create(configMapKey(u"d"_qs, u"ns2"_qs), configMap(u"d"_qs, {}, u"ns2"_qs)));
    QVERIFY(store->create(StoreKey::make({}, u"secrets"_qs, u"ns1"_qs, u"s"_qs), configMap(u"s"_qs)));

    Expected<ListResult> list = store->list(prefix);
    QVERIFY(list);
    QStringList got;
    for (const Object &o : list->items)
        got.append(o.name());
    QCOMPARE(got, names);
    QCOMPARE(list->revision, 5);
    QVERIFY(list->continueKey.isEmpty());
}

void tst_Store::pagination_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("one-per-page") << 1;
    QTest::newRow("three-per-page") << 3;
    QTest::newRow("exact-fit") << 10;
    QTest::newRow("larger-than-all") << 50;
}

void tst_Store::pagination()
{
    QFETCH(int, limit);
    auto store = openStore();
    QVERIFY(store);
    for (int i = 0; i < 10; ++i)
        QVERIFY(store->create(configMapKey(u"cm-%1"_qs.arg(i, 2, 10, QChar(u'0'))), configMap(u"cm-%1"_qs.arg(i, 2, 10, QChar(u'0')))));
    const QByteArray prefix = StoreKey::prefix({}, u"configmaps"_qs);
    QStringList names;
    ListOptions options;
    options.limit = limit;
    int pages = 0;
    for (;;) {
        Expected<ListResult> page = store->list(prefix, options);
        QVERIFY(page);
        ++pages;
        QVERIFY(page->items.size() <= limit);
        for (const Object &o : page->items)
            names.append(o.name());
        // What follows a page is not counted (a walk over it on every page); the last says 0.
        QCOMPARE(page->remainingItemCount, page->continueKey.isEmpty() ? 0 : -1);
        if (page->continueKey.isEmpty())
            break;
        options.continueKey = page->continueKey;
        options.revision = page->revision;
    }
    QCOMPARE(names.size(), 10);
    QCOMPARE(names.first(), u"cm-00"_qs);
    QCOMPARE(names.last(), u"cm-09"_qs);
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);
    QCOMPARE(pages, (10 + limit - 1) / limit);
}

void tst_Store::paginationIsStableAcrossWrites()
{
    auto store = openStore();
    QVERIFY(store);
    for (int i = 0; i < 6; ++i)
        QVERIFY(store->create(configMapKey(u"cm-%1"_qs.arg(i)), configMap(u"cm-%1"_qs.arg(i), u"v0"_qs)));
    const QByteArray prefix = StoreKey::prefix({}, u"configmaps"_qs);
    ListOptions options;
    options.limit = 2;
    Expected<ListResult> first = store->list(prefix, options);
    QVERIFY(first);
    QCOMPARE(first->revision, 6);

    // Writes between pages: an update, a delete, a create inside the remaining range.
    QVERIFY(store->update(configMapKey(u"cm-3"_qs), configMap(u"cm-3"_qs, u"v1"_qs)));
    QVERIFY(store->remove(configMapKey(u"cm-4"_qs)));
    QVERIFY(store->create(configMapKey(u"cm-35"_qs), configMap(u"cm-35"_qs)));

    QStringList names;
    QStringList values;
    options.revision = first->revision;
    options.continueKey = first->continueKey;
    for (;;) {
        Expected<ListResult> page = store->list(prefix, options);
        QVERIFY2(page, qPrintable(page.error().message()));
        QCOMPARE(page->revision, first->revision);
        for (const Object &o : page->items) {
            names.append(o.name());
            values.append(valueOf(o));
        }
        if (page->continueKey.isEmpty())
            break;
        options.continueKey = page->continueKey;
    }
    QCOMPARE(names, (QStringList{u"cm-2"_qs, u"cm-3"_qs, u"cm-4"_qs, u"cm-5"_qs}));
    QCOMPARE(values, (QStringList{u"v0"_qs, u"v0"_qs, u"v0"_qs, u"v0"_qs}));
}

void tst_Store::listAtPastRevision()
{
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(store->create(configMapKey(u"a"_qs), configMap(u"a"_qs, u"a1"_qs)));
    QVERIFY(store->create(configMapKey(u"b"_qs), configMap(u"b"_qs, u"b1"_qs)));
    const qint64 past = store->currentRevision();
    QVERIFY(store->update(configMapKey(u"a"_qs), configMap(u"a"_qs, u"a2"_qs)));
    QVERIFY(store->remove(configMapKey(u"b"_qs)));
    QVERIFY(store->create(configMapKey(u"c"_qs), configMap(u"c"_qs)));

    ListOptions options;
    options.revision = past;
    Expected<ListResult> list = store->list(StoreKey::prefix({}, u"configmaps"_qs), options);
    QVERIFY(list);
    QCOMPARE(list->items.size(), 2);
    QCOMPARE(valueOf(list->items.at(0)), u"a1"_qs);
    QCOMPARE(list->items.at(0).resourceVersion(), u"1"_qs);
    QCOMPARE(valueOf(list->items.at(1)), u"b1"_qs);
}

void tst_Store::listRevisionErrors_data()
{
    QTest::addColumn<qint64>("revision");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("compacted") << qint64(2) << 410 << u"too old resource version: 2 (3)"_qs;
    QTest::newRow("future") << qint64(99) << 504 << u"Too large resource version: 99, current resource version: 5"_qs;
}

void tst_Store::listRevisionErrors()
{
    QFETCH(qint64, revision);
    QFETCH(int, code);
    QFETCH(QString, message);
    auto store = openStore();
    QVERIFY(store);
    for (int i = 0; i < 5; ++i)
        QVERIFY(store->create(configMapKey(u"k%1"_qs.arg(i)), configMap(u"k"_qs)));
    QVERIFY(store->compact(3).isSuccess());
    ListOptions options;
    options.revision = revision;
    Expected<ListResult> list = store->list(StoreKey::prefix({}, u"configmaps"_qs), options);
    QVERIFY(!list);
    QCOMPARE(list.error().code(), code);
    QCOMPARE(list.error().message(), message);
}

void tst_Store::reopenRestoresStateAndRevision()
{
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->create(configMapKey(u"a"_qs), configMap(u"a"_qs, u"1"_qs)));
        QVERIFY(store->create(configMapKey(u"b"_qs), configMap(u"b"_qs)));
        QVERIFY(store->update(configMapKey(u"a"_qs), configMap(u"a"_qs, u"2"_qs)));
        QVERIFY(store->remove(configMapKey(u"b"_qs)));
    }
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(store->currentRevision(), 4);
    QCOMPARE(valueOf(*store->get(configMapKey(u"a"_qs))), u"2"_qs);
    QCOMPARE(store->entry(configMapKey(u"a"_qs))->createRevision, 1);
    QCOMPARE(store->entry(configMapKey(u"a"_qs))->modRevision, 3);
    QVERIFY(!store->get(configMapKey(u"b"_qs)));
    Expected<Object> next = store->create(configMapKey(u"c"_qs), configMap(u"c"_qs));
    QVERIFY(next);
    QCOMPARE(next->resourceVersion(), u"5"_qs);

    // The history survived too: a watch resumes from before the restart.
    Expected<std::shared_ptr<Watcher>> w = store->watch(StoreKey::prefix({}, u"configmaps"_qs), 1);
    QVERIFY(w);
    const QList<StoreEvent> events = (*w)->takeEvents();
    QCOMPARE(events.size(), 4);
    QCOMPARE(events.at(0).revision, 2);
    QCOMPARE(events.at(1).type, StoreEvent::Type::Modified);
    QCOMPARE(valueOf(events.at(1).prevObject), u"1"_qs);
    QCOMPARE(events.at(2).type, StoreEvent::Type::Deleted);
    QCOMPARE(events.at(2).object.resourceVersion(), u"4"_qs);
    QCOMPARE(events.at(3).type, StoreEvent::Type::Added);
}

void tst_Store::revisionNeverGoesBackAfterCompaction()
{
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->create(configMapKey(u"a"_qs), configMap(u"a"_qs)));
        QVERIFY(store->create(configMapKey(u"b"_qs), configMap(u"b"_qs)));
        QVERIFY(store->remove(configMapKey(u"b"_qs)));
        // The highest row is a tombstone that compaction removes.
        QVERIFY(store->compact(3).isSuccess());
    }
    auto store = openStore();
    QVERIFY(store);
    QCOMPARE(store->currentRevision(), 3);
    QCOMPARE(store->compactedRevision(), 3);
    QCOMPARE(store->create(configMapKey(u"c"_qs), configMap(u"c"_qs))->resourceVersion(), u"4"_qs);
}

void tst_Store::compactionKeepsLatestAndExpiresOlder()
{
    auto store = openStore();
    QVERIFY(store);
    const QByteArray key = configMapKey(u"a"_qs);
    QVERIFY(store->create(key, configMap(u"a"_qs, u"0"_qs)));
    for (int i = 1; i <= 10; ++i)
        QVERIFY(store->update(key, configMap(u"a"_qs, QString::number(i))));
    QVERIFY(store->create(configMapKey(u"gone"_qs), configMap(u"gone"_qs)));
    QVERIFY(store->remove(configMapKey(u"gone"_qs)));
    QCOMPARE(store->currentRevision(), 13);
    QCOMPARE(store->compact(14).code(), 504); // beyond the current revision
    QVERIFY(store->compact(13).isSuccess());
    QVERIFY(store->compact(5).isSuccess()); // below the horizon: nothing to do

    ListOptions at;
    at.revision = 12;
    QCOMPARE(store->list(StoreKey::prefix({}, u"configmaps"_qs), at).error().code(), 410);
    QCOMPARE(store->watch(key, 12).error().code(), 410);
    Expected<std::shared_ptr<Watcher>> w = store->watch(key, 13);
    QVERIFY(w);
    at.revision = 13;
    Expected<ListResult> list = store->list(StoreKey::prefix({}, u"configmaps"_qs), at);
    QVERIFY(list);
    QCOMPARE(list->items.size(), 1);
    QCOMPARE(valueOf(list->items.first()), u"10"_qs);

    // The superseded rows are really gone after a reopen; the latest row and revision stay.
    store.reset();
    store = openStore();
    QVERIFY(store);
    QCOMPARE(valueOf(*store->get(key)), u"10"_qs);
    QCOMPARE(store->currentRevision(), 13);
    QCOMPARE(store->diagnostics().historySize, 0);
    QCOMPARE(store->diagnostics().historyFloor, 13);
}

void tst_Store::automaticCompaction()
{
    StoreOptions options;
    options.compactionRetain = 10;
    options.compactionInterval = 5;
    auto store = openStore(options);
    QVERIFY(store);
    const QByteArray key = configMapKey(u"a"_qs);
    QVERIFY(store->create(key, configMap(u"a"_qs)));
    for (int i = 0; i < 29; ++i)
        QVERIFY(store->update(key, configMap(u"a"_qs, QString::number(i))));
    // The writer compacts between batches; one more write makes sure it has passed by.
    QVERIFY(store->update(key, configMap(u"a"_qs, u"last"_qs)));
    QVERIFY(store->compactedRevision() >= 31 - 10 - 5);
    QVERIFY(store->compactedRevision() <= 31 - 10);
    QCOMPARE(store->watch(key, 1).error().code(), 410);
}

void tst_Store::guaranteedUpdateRetriesOnConflict()
{
    auto store = openStore();
    QVERIFY(store);
    const QByteArray key = configMapKey(u"a"_qs);
    QVERIFY(store->create(key, configMap(u"a"_qs, u"x"_qs)));
    int calls = 0;
    Expected<Object> r = store->guaranteedUpdate(key, [&](const Object &current) -> Expected<Object> {
        if (++calls == 1) // someone else writes between our read and our write
            store->update(key, configMap(u"a"_qs, u"xy"_qs));
        return configMap(u"a"_qs, valueOf(current) + u"z"_qs);
    });
    QVERIFY(r);
    QCOMPARE(calls, 2);
    QCOMPARE(valueOf(*r), u"xyz"_qs);
    QCOMPARE(store->currentRevision(), 3);

    Expected<Object> refused = store->guaranteedUpdate(key, [](const Object &) -> Expected<Object> {
        return Status::badRequest(u"no"_qs);
    });
    QCOMPARE(refused.error().code(), 400);
    QCOMPARE(store->guaranteedUpdate(configMapKey(u"missing"_qs), [](const Object &o) -> Expected<Object> { return o; }).error().code(),
             404);
}

void tst_Store::guaranteedUpdateNoChangeWritesNothing()
{
    auto store = openStore();
    QVERIFY(store);
    const QByteArray key = configMapKey(u"a"_qs);
    QVERIFY(store->create(key, configMap(u"a"_qs, u"x"_qs)));
    Expected<Object> r = store->guaranteedUpdate(key, [](const Object &) -> Expected<Object> { return configMap(u"a"_qs, u"x"_qs); });
    QVERIFY(r);
    QCOMPARE(r->resourceVersion(), u"1"_qs);
    QCOMPARE(store->currentRevision(), 1);
}

void tst_Store::guaranteedUpdateCreatesWhenAsked()
{
    auto store = openStore();
    QVERIFY(store);
    const QByteArray key = configMapKey(u"a"_qs);
    Expected<Object> r = store->guaranteedUpdate(
        key, [](const Object &current) -> Expected<Object> { return configMap(u"a"_qs, current.isNull() ? u"new"_qs : u"old"_qs); },
        Store::IfMissing::Create);
    QVERIFY(r);
    QCOMPARE(valueOf(*r), u"new"_qs);
    QCOMPARE(store->entry(key)->createRevision, 1);
}

QTEST_GUILESS_MAIN(tst_Store)
#include "tst_store.moc"
