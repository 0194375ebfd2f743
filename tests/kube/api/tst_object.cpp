#include "kube/api/object.h"

#include <QJsonObject>
#include <QThread>
#include <QTest>

#include <limits>

using namespace kube;

class tst_Object : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseReadsMetadata();
    void parseMinifies();
    void parseDropsManagedFields();
    void nodeNameReadAtParse();
    void parseRejects_data();
    void parseRejects();
    void withResourceVersion_data();
    void withResourceVersion();
    void scalarAt_data();
    void scalarAt();
    void copiesShareBytes();
    void repeatedValuesAreShared();
    void sharedValuesNeverMixContents();
    void internTablesStayBoundedAndCorrect();
    void parseOnOtherThreadsReadsTheSame();
};

static const char *kPod = R"({
  "apiVersion": "v1", "kind": "Pod",
  "metadata": {"name": "web-1", "namespace": "demo", "uid": "u-1", "resourceVersion": "7",
               "generation": 3, "labels": {"app": "web", "tier": "front"},
               "annotations": {"note": "hi"},
               "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-abc",
                                    "uid": "rs-1", "controller": true}],
               "finalizers": ["x/y"]},
  "spec": {"nodeName": "node-1", "containers": [{"name": "c", "image": "nginx"}]},
  "status": {"phase": "Running", "ready": true, "restarts": 2}
})";

void tst_Object::parseReadsMetadata()
{
    auto o = Object::parse(kPod);
    QVERIFY(o.ok());
    QCOMPARE(o->kind(), u"Pod"_qs);
    QCOMPARE(o->apiVersion(), u"v1"_qs);
    QCOMPARE(o->gvk(), (GroupVersionKind{QString(), u"v1"_qs, u"Pod"_qs}));
    QCOMPARE(o->name(), u"web-1"_qs);
    QCOMPARE(o->namespace_(), u"demo"_qs);
    QCOMPARE(o->key(), (ObjectKey{u"demo"_qs, u"web-1"_qs}));
    QCOMPARE(o->uid(), u"u-1"_qs);
    QCOMPARE(o->resourceVersion(), u"7"_qs);
    QCOMPARE(o->generation(), 3);
    QCOMPARE(o->labels().value(u"app"), u"web"_qs);
    QCOMPARE(o->labels().size(), 2);
    QCOMPARE(o->annotations().value(u"note"), u"hi"_qs);
    QCOMPARE(o->ownerReferences().size(), 1);
    QVERIFY(o->controllerRef().has_value());
    QCOMPARE(o->controllerRef()->uid, u"rs-1"_qs);
    QCOMPARE(o->finalizers(), QStringList{u"x/y"_qs});
    QVERIFY(!o->isBeingDeleted());
}

void tst_Object::parseMinifies()
{
    auto o = Object::parse("{ \"a\" : [ 1 , 2 ] ,\n \"b\" : \"x y\" }");
    QVERIFY(o.ok());
    QCOMPARE(o->json(), QByteArray(R"({"a":[1,2],"b":"x y"})"));
}

void tst_Object::parseDropsManagedFields()
{
    const QByteArray pretty = "{ \"metadata\" : { \"name\": \"p\",\n  \"managedFields\" : [ {\"manager\": \"x\"} ] },\n \"spec\": {} }";
    auto kept = Object::parse(pretty);
    QVERIFY(kept.ok());
    QCOMPARE(kept->json(), QByteArray(R"({"metadata":{"name":"p","managedFields":[{"manager":"x"}]},"spec":{}})"));
    auto dropped = Object::parse(pretty, Object::ManagedFields::Drop);
    QVERIFY(dropped.ok());
    QCOMPARE(dropped->json(), QByteArray(R"({"metadata":{"name":"p"},"spec":{}})"));
    QCOMPARE(dropped->name(), u"p"_qs);
    QCOMPARE(dropped->json().capacity(), dropped->json().size()); // allocated at its final size
}

void tst_Object::nodeNameReadAtParse()
{
    QCOMPARE(Object::parse(R"({"kind":"Pod","spec":{"containers":[{"nodeName":"no"}],"nodeName":"node-1"}})")->nodeName(), u"node-1"_qs);
    QCOMPARE(Object::parse(R"({"kind":"Pod","spec":{}})")->nodeName(), QString());
    QCOMPARE(Object::parse(R"({"kind":"Pod","status":{"nodeName":"no"}})")->nodeName(), QString());
    QCOMPARE(Object::parse(R"({"kind":"Pod","spec":{"nodeName":"n"}})")->withResourceVersion(u"5").nodeName(), u"n"_qs);
}

void tst_Object::parseRejects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("truncated") << QByteArray(R"({"a":)");
    QTest::newRow("not-an-object") << QByteArray("[1,2]");
    QTest::newRow("bare-string") << QByteArray(R"("x")");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("trailing-garbage") << QByteArray(R"({"a":1} x)");
    QTest::newRow("bad-utf8") << QByteArray("{\"a\":\"\xff\"}");
}

void tst_Object::parseRejects()
{
    QFETCH(QByteArray, input);
    auto o = Object::parse(input);
    QVERIFY(!o.ok());
    QCOMPARE(o.error().code(), 400);
    QVERIFY(!o.error().message().isEmpty());
}

void tst_Object::withResourceVersion_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("replace") << QByteArray(R"({"metadata":{"name":"a","resourceVersion":"5"},"x":1})")
                             << QByteArray(R"({"metadata":{"name":"a","resourceVersion":"42"},"x":1})");
    QTest::newRow("insert") << QByteArray(R"({"kind":"K","metadata":{"name":"a"}})")
                            << QByteArray(R"({"kind":"K","metadata":{"resourceVersion":"42","name":"a"}})");
    QTest::newRow("empty-metadata") << QByteArray(R"({"metadata":{}})")
                                    << QByteArray(R"({"metadata":{"resourceVersion":"42"}})");
    QTest::newRow("no-metadata") << QByteArray(R"({"kind":"K"})")
                                 << QByteArray(R"({"metadata":{"resourceVersion":"42"},"kind":"K"})");
    QTest::newRow("empty-object") << QByteArray("{}") << QByteArray(R"({"metadata":{"resourceVersion":"42"}})");
    QTest::newRow("nested-decoy") << QByteArray(R"({"spec":{"metadata":{"resourceVersion":"1"}},"metadata":{"resourceVersion":"2"}})")
                                  << QByteArray(R"({"spec":{"metadata":{"resourceVersion":"1"}},"metadata":{"resourceVersion":"42"}})");
    QTest::newRow("strings-with-braces") << QByteArray(R"({"a":"}{\"","metadata":{"b":"]","resourceVersion":""}})")
                                         << QByteArray(R"({"a":"}{\"","metadata":{"b":"]","resourceVersion":"42"}})");
}

void tst_Object::withResourceVersion()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    auto o = Object::parse(input);
    QVERIFY(o.ok());
    const Object stamped = o->withResourceVersion(u"42");
    QCOMPARE(stamped.json(), expected);
    QCOMPARE(stamped.resourceVersion(), u"42"_qs);
    QCOMPARE(stamped.toJson().value(u"metadata").toObject().value(u"resourceVersion").toString(), u"42"_qs);
    QCOMPARE(o->json(), Object::parse(input)->json()); // the original is untouched

    // The two-step stamp (drafted by a writer, stamped by the store's committer) gives the same
    // bytes for any revision width, and leaves the original alone too.
    for (const qint64 rv : {qint64(0), qint64(42), qint64(1234567), std::numeric_limits<qint64>::max()}) {
        const Object viaDraft = o->stampResourceVersion(o->draftResourceVersion(), rv);
        const Object direct = o->withResourceVersion(QString::number(rv));
        QCOMPARE(viaDraft.json(), direct.json());
        QCOMPARE(viaDraft.resourceVersion(), QString::number(rv));
    }
    QCOMPARE(o->stampResourceVersion({}, 42).json(), expected); // no draft: the direct path
    QCOMPARE(o->json(), Object::parse(input)->json());
}

void tst_Object::scalarAt_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("present");
    QTest::newRow("string") << u"spec.nodeName"_qs << u"node-1"_qs << true;
    QTest::newRow("metadata") << u"metadata.namespace"_qs << u"demo"_qs << true;
    QTest::newRow("bool") << u"status.ready"_qs << u"true"_qs << true;
    QTest::newRow("int") << u"status.restarts"_qs << u"2"_qs << true;
    QTest::newRow("missing") << u"spec.hostname"_qs << QString() << false;
    QTest::newRow("object-not-scalar") << u"spec"_qs << QString() << false;
}

void tst_Object::scalarAt()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QFETCH(bool, present);
    auto o = Object::parse(kPod);
    QVERIFY(o.ok());
    const auto v = o->scalarAt(path);
    QCOMPARE(v.has_value(), present);
    if (present)
        QCOMPARE(*v, expected);
}

void tst_Object::copiesShareBytes()
{
    auto o = Object::parse(kPod);
    QVERIFY(o.ok());
    const Object a = o.value();
    const Object b = a;
    QCOMPARE(a.json().constData(), b.json().constData());
    QVERIFY(a == b);
    QVERIFY(Object().isNull());
}


namespace {
// A pod in namespace ns with the given raw labels object and owner uid.
QByteArray podJson(const QByteArray &name, const QByteArray &ns, const QByteArray &labels, const QByteArray &ownerUid = "rs-1")
{
    return R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":")" + name + R"(","namespace":")" + ns +
           R"(","uid":"uid-)" + name + R"(","labels":)" + labels +
           R"(,"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web","uid":")" + ownerUid +
           R"(","controller":true}]},"spec":{"nodeName":"node-1"}})";
}
} // namespace

// Values that repeat across objects (namespace, node, label set, owner references) are one
// shared copy, not one allocation per object.
void tst_Object::repeatedValuesAreShared()
{
    const Object a = Object::parse(podJson("a", "demo", R"({"app":"web","tier":"front"})")).value();
    const Object b = Object::parse(podJson("b", "demo", R"({"app":"web","tier":"front"})")).value();
    QCOMPARE(b.namespace_(), u"demo"_qs);
    QCOMPARE(a.namespace_().constData(), b.namespace_().constData());
    QCOMPARE(a.nodeName().constData(), b.nodeName().constData());
    QCOMPARE(a.kind().constData(), b.kind().constData());
    QCOMPARE(a.labels(), b.labels());
    QCOMPARE(a.labels().items().constData(), b.labels().items().constData());
    QCOMPARE(a.ownerReferences().constData(), b.ownerReferences().constData());
    QCOMPARE(b.controllerRef()->uid, u"rs-1"_qs);
    // The per-object values stay per object.
    QCOMPARE(a.name(), u"a"_qs);
    QCOMPARE(b.name(), u"b"_qs);
    QCOMPARE(b.uid(), u"uid-b"_qs);
}

// Sharing is by exact content: label sets that concatenate alike, an empty value beside an
// absent one, other owners — each object reads its own values.
void tst_Object::sharedValuesNeverMixContents()
{
    const Object ab = Object::parse(podJson("x", "n", R"({"ab":"c"})")).value();
    const Object a = Object::parse(podJson("y", "n", R"({"a":"bc"})")).value();
    const Object empty = Object::parse(podJson("z", "n", R"({"a":""})")).value();
    const Object none = Object::parse(podJson("w", "n", R"({})")).value();
    const Object otherOwner = Object::parse(podJson("v", "n", R"({"a":"bc"})", "rs-2")).value();
    QCOMPARE(ab.labels(), (Labels{{u"ab"_qs, u"c"_qs}}));
    QCOMPARE(a.labels(), (Labels{{u"a"_qs, u"bc"_qs}}));
    QVERIFY(empty.labels().contains(u"a"));
    QVERIFY(!empty.labels().value(u"a").isNull()); // present and empty is not absent
    QVERIFY(empty.labels().value(u"a").isEmpty());
    QVERIFY(none.labels().isEmpty());
    QCOMPARE(otherOwner.controllerRef()->uid, u"rs-2"_qs);
    QCOMPARE(a.controllerRef()->uid, u"rs-1"_qs);
    QCOMPARE(otherOwner.labels().items().constData(), a.labels().items().constData());
}

// The per-thread tables are bounded (cleared when full): thousands of distinct values later, the
// first objects still read right and new objects share again.
void tst_Object::internTablesStayBoundedAndCorrect()
{
    const Object first = Object::parse(podJson("first", "ns-first", R"({"k":"v-first"})")).value();
    QList<Object> many;
    for (int i = 0; i < 5000; ++i) {
        const QByteArray n = QByteArray::number(i);
        many.append(Object::parse(podJson("p" + n, "ns-" + n, R"({"k":"v-)" + n + R"("})", "rs-" + n)).value());
    }
    QCOMPARE(first.namespace_(), u"ns-first"_qs);
    QCOMPARE(first.labels().value(u"k"), u"v-first"_qs);
    for (int i = 0; i < 5000; i += 499) {
        QCOMPARE(many[i].namespace_(), u"ns-"_qs + QString::number(i));
        QCOMPARE(many[i].labels().value(u"k"), u"v-"_qs + QString::number(i));
        QCOMPARE(many[i].controllerRef()->uid, u"rs-"_qs + QString::number(i));
    }
    const Object again1 = Object::parse(podJson("q1", "ns-again", R"({"k":"v"})")).value();
    const Object again2 = Object::parse(podJson("q2", "ns-again", R"({"k":"v"})")).value();
    QCOMPARE(again1.namespace_().constData(), again2.namespace_().constData());
}

// Each thread interns on its own; objects from two threads compare equal and read the same.
void tst_Object::parseOnOtherThreadsReadsTheSame()
{
    const QByteArray json = podJson("t", "threaded", R"({"app":"web"})");
    Object fromThread;
    QThread *thread = QThread::create([&] { fromThread = Object::parse(json).value(); });
    thread->start();
    QVERIFY(thread->wait(10'000));
    delete thread;
    const Object here = Object::parse(json).value();
    QCOMPARE(fromThread, here);
    QCOMPARE(fromThread.namespace_(), u"threaded"_qs);
    QCOMPARE(fromThread.labels(), here.labels());
    QCOMPARE(fromThread.ownerReferences(), here.ownerReferences());
}

QTEST_GUILESS_MAIN(tst_Object)
#include "tst_object.moc"
