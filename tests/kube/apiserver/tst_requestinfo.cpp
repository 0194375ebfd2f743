#include "kube/apiserver/requestinfo.h"

#include <QTest>
#include <QUrlQuery>

using namespace kube;

class tst_RequestInfo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void malformedWatch();
    void goBool_data();
    void goBool();
};

void tst_RequestInfo::parse_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("resource");
    QTest::addColumn<QString>("verb");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("ns");
    QTest::addColumn<QString>("res");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("sub");

    QTest::newRow("version") << "GET" << "/version" << false << "get" << "" << "" << "" << "" << "" << "";
    QTest::newRow("core-discovery") << "GET" << "/api/v1" << false << "get" << "" << "" << "" << "" << "" << "";
    QTest::newRow("group-discovery") << "GET" << "/apis/apps/v1" << false << "get" << "" << "" << "" << "" << "" << "";
    QTest::newRow("list-all-pods") << "GET" << "/api/v1/pods" << true << "list" << "" << "v1" << "" << "pods" << "" << "";
    QTest::newRow("list-ns-pods") << "GET" << "/api/v1/namespaces/demo/pods" << true << "list" << "" << "v1" << "demo" << "pods" << "" << "";
    QTest::newRow("get-pod") << "GET" << "/api/v1/namespaces/demo/pods/web" << true << "get" << "" << "v1" << "demo" << "pods" << "web" << "";
    QTest::newRow("pod-log") << "GET" << "/api/v1/namespaces/demo/pods/web/log" << true << "get" << "" << "v1" << "demo" << "pods" << "web" << "log";
    QTest::newRow("watch-query") << "GET" << "/apis/apps/v1/namespaces/demo/deployments?watch=true" << true << "watch" << "apps" << "v1" << "demo" << "deployments" << "" << "";
    QTest::newRow("watch-query-1") << "GET" << "/apis/apps/v1/deployments?watch=1" << true << "watch" << "apps" << "v1" << "" << "deployments" << "" << "";
    QTest::newRow("legacy-watch-prefix") << "GET" << "/api/v1/watch/namespaces/demo/pods" << true << "watch" << "" << "v1" << "demo" << "pods" << "" << "";
    QTest::newRow("field-selector-name") << "GET" << "/api/v1/namespaces/demo/pods?fieldSelector=metadata.name%3Dweb" << true << "list" << "" << "v1" << "demo" << "pods" << "web" << "";
    QTest::newRow("create") << "POST" << "/apis/apps/v1/namespaces/demo/deployments" << true << "create" << "apps" << "v1" << "demo" << "deployments" << "" << "";
    QTest::newRow("update-status") << "PUT" << "/apis/apps/v1/namespaces/demo/deployments/web/status" << true << "update" << "apps" << "v1" << "demo" << "deployments" << "web" << "status";
    QTest::newRow("patch-scale") << "PATCH" << "/apis/apps/v1/namespaces/demo/deployments/web/scale" << true << "patch" << "apps" << "v1" << "demo" << "deployments" << "web" << "scale";
    QTest::newRow("delete") << "DELETE" << "/api/v1/namespaces/demo/pods/web" << true << "delete" << "" << "v1" << "demo" << "pods" << "web" << "";
    QTest::newRow("deletecollection") << "DELETE" << "/api/v1/namespaces/demo/pods" << true << "deletecollection" << "" << "v1" << "demo" << "pods" << "" << "";
    // Upstream sets the namespace of a request on a namespace to that namespace.
    QTest::newRow("namespace-itself") << "GET" << "/api/v1/namespaces/demo" << true << "get" << "" << "v1" << "demo" << "namespaces" << "demo" << "";
    QTest::newRow("namespace-status") << "PUT" << "/api/v1/namespaces/demo/status" << true << "update" << "" << "v1" << "demo" << "namespaces" << "demo" << "status";
    QTest::newRow("namespace-finalize") << "PUT" << "/api/v1/namespaces/demo/finalize" << true << "update" << "" << "v1" << "demo" << "namespaces" << "demo" << "finalize";
    QTest::newRow("list-namespaces") << "GET" << "/api/v1/namespaces" << true << "list" << "" << "v1" << "" << "namespaces" << "" << "";
    QTest::newRow("cluster-scoped-node") << "GET" << "/api/v1/nodes/n1" << true << "get" << "" << "v1" << "" << "nodes" << "n1" << "";
    QTest::newRow("crd-group") << "GET" << "/apis/stable.example.com/v1/namespaces/x/crontabs/c" << true << "get" << "stable.example.com" << "v1" << "x" << "crontabs" << "c" << "";
}

void tst_RequestInfo::parse()
{
    QFETCH(QString, method);
    QFETCH(QString, url);
    QFETCH(bool, resource);
    QFETCH(QString, verb);
    QFETCH(QString, group);
    QFETCH(QString, version);
    QFETCH(QString, ns);
    QFETCH(QString, res);
    QFETCH(QString, name);
    QFETCH(QString, sub);

    const QUrl u(url);
    RequestInfo info;
    QVERIFY(RequestInfo::parse(method, u.path(), QUrlQuery(u), &info));
    QCOMPARE(info.isResourceRequest, resource);
    QCOMPARE(info.verb, verb);
    QCOMPARE(info.apiGroup, group);
    QCOMPARE(info.apiVersion, version);
    QCOMPARE(info.namespace_, ns);
    QCOMPARE(info.resource, res);
    QCOMPARE(info.name, name);
    QCOMPARE(info.subresource, sub);
}

void tst_RequestInfo::malformedWatch()
{
    RequestInfo info;
    QString error;
    QVERIFY(!RequestInfo::parse(u"GET", u"/api/v1/watch", QUrlQuery(), &info, &error));
    QVERIFY(error.contains(u"unable to determine kind and namespace"));
}

void tst_RequestInfo::goBool_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("value");
    QTest::addColumn<bool>("ok");
    QTest::newRow("true") << "true" << true << true;
    QTest::newRow("one") << "1" << true << true;
    QTest::newRow("T") << "T" << true << true;
    QTest::newRow("False") << "False" << false << true;
    QTest::newRow("yes-is-not-go") << "yes" << false << false;
    QTest::newRow("empty") << "" << false << false;
}

void tst_RequestInfo::goBool()
{
    QFETCH(QString, text);
    QFETCH(bool, value);
    QFETCH(bool, ok);
    bool parsedOk = false;
    QCOMPARE(parseGoBool(text, &parsedOk), value);
    QCOMPARE(parsedOk, ok);
}

QTEST_GUILESS_MAIN(tst_RequestInfo)
#include "tst_requestinfo.moc"
