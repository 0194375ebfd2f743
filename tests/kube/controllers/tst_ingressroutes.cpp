// The ingress route table: hosts (exact, wildcard, none), path types (Exact, Prefix by element,
// ImplementationSpecific as Prefix), longest match, Exact over Prefix, oldest Ingress first,
// default backends — the Ingress spec's and ingress-nginx's rules, as pure functions.
#include "kube/controllers/ingress/ingressclassinfo.h"
#include "kube/controllers/ingress/ingressroutes.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;

namespace {

QJsonObject backend(const QString &service, const QJsonValue &port = 80)
{
    const QJsonObject portRef = port.isString() ? QJsonObject{{u"name"_qs, port}} : QJsonObject{{u"number"_qs, port}};
    return QJsonObject{{u"service"_qs, QJsonObject{{u"name"_qs, service}, {u"port"_qs, portRef}}}};
}

QJsonObject path(const QString &p, const QString &type, const QString &service, const QJsonValue &port = 80)
{
    return QJsonObject{{u"path"_qs, p}, {u"pathType"_qs, type}, {u"backend"_qs, backend(service, port)}};
}

QJsonObject rule(const QString &host, const QJsonArray &paths)
{
    QJsonObject r;
    if (!host.isEmpty())
        r.insert(u"host", host);
    if (!paths.isEmpty())
        r.insert(u"http", QJsonObject{{u"paths"_qs, paths}});
    return r;
}

QJsonObject ingressJson(const QString &name, const QJsonArray &rules, const QString &defaultService = {},
                    const QString &created = u"2026-11-27T10:00:00Z"_qs)
{
    QJsonObject spec{{u"rules"_qs, rules}};
    if (!defaultService.isEmpty())
        spec.insert(u"defaultBackend", backend(defaultService));
    return QJsonObject{{u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"namespace"_qs, u"default"_qs}, {u"creationTimestamp"_qs, created}}},
                       {u"spec"_qs, spec}};
}

IngressRouteTable tableOf(QList<QJsonObject> ingresses)
{
    IngressRouteTable table;
    IngressRouteTable::sortOldestFirst(ingresses);
    for (const QJsonObject &i : ingresses)
        table.addIngress(i);
    return table;
}

// The service a request reaches, "" for none (404).
QString serviceFor(const IngressRouteTable &table, const QString &host, const QString &target)
{
    const std::optional<IngressBackend> b = table.route(host, target);
    return b ? b->service : QString();
}

} // namespace

class tst_IngressRoutes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hosts_data();
    void hosts();
    void paths_data();
    void paths();
    void longestMatchAndExactFirst_data();
    void longestMatchAndExactFirst();
    void olderIngressWinsSamePath();
    void defaultBackends();
    void backendPortsAndResources();
    void predicates();
    void classMembership();
};

void tst_IngressRoutes::hosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("expected");
    QTest::newRow("exact-a") << u"a.test"_qs << u"svc-a"_qs;
    QTest::newRow("exact-b") << u"b.test"_qs << u"svc-b"_qs;
    QTest::newRow("case-and-port-ignored") << u"A.Test:8080"_qs << u"svc-a"_qs;
    QTest::newRow("trailing-dot") << u"a.test."_qs << u"svc-a"_qs;
    QTest::newRow("unknown-host-404") << u"c.test"_qs << QString();
    QTest::newRow("no-host-header-404") << QString() << QString();
    QTest::newRow("wildcard-one-label") << u"bar.example.com"_qs << u"svc-wild"_qs;
    QTest::newRow("wildcard-not-the-apex") << u"example.com"_qs << QString();
    QTest::newRow("wildcard-not-two-labels") << u"a.bar.example.com"_qs << QString();
    QTest::newRow("exact-over-wildcard") << u"foo.example.com"_qs << u"svc-foo"_qs;
    // foo.example.com picked its exact rules: /other does not fall through to the wildcard's "/".
    QTest::newRow("no-fall-through") << u"foo.example.com/other"_qs << QString();
}

void tst_IngressRoutes::hosts()
{
    QFETCH(QString, host);
    QFETCH(QString, expected);
    const IngressRouteTable table = tableOf({
        ingressJson(u"two-hosts"_qs, {rule(u"a.test"_qs, {path(u"/"_qs, u"Prefix"_qs, u"svc-a"_qs)}),
                                  rule(u"b.test"_qs, {path(u"/"_qs, u"Prefix"_qs, u"svc-b"_qs)})}),
        ingressJson(u"wild"_qs, {rule(u"*.example.com"_qs, {path(u"/"_qs, u"Prefix"_qs, u"svc-wild"_qs)}),
                             rule(u"foo.example.com"_qs, {path(u"/api"_qs, u"Prefix"_qs, u"svc-foo"_qs)})}),
    });
    const qsizetype slash = host.indexOf(u'/');
    const QString target = slash < 0 ? u"/api"_qs : host.mid(slash);
    QCOMPARE(serviceFor(table, slash < 0 ? host : host.left(slash), target), expected);
}

void tst_IngressRoutes::paths_data()
{
    QTest::addColumn<QString>("pathType");
    QTest::addColumn<QString>("rulePath");
    QTest::addColumn<QString>("request");
    QTest::addColumn<bool>("matches");
    // The Ingress spec's examples table.
    QTest::newRow("prefix-root-matches-all") << u"Prefix"_qs << u"/"_qs << u"/anything/at/all"_qs << true;
    QTest::newRow("prefix-same") << u"Prefix"_qs << u"/foo"_qs << u"/foo"_qs << true;
    QTest::newRow("prefix-trailing-slash-request") << u"Prefix"_qs << u"/foo"_qs << u"/foo/"_qs << true;
    QTest::newRow("prefix-trailing-slash-rule") << u"Prefix"_qs << u"/foo/"_qs << u"/foo"_qs << true;
    QTest::newRow("prefix-deeper") << u"Prefix"_qs << u"/foo"_qs << u"/foo/bar"_qs << true;
    QTest::newRow("prefix-not-substring") << u"Prefix"_qs << u"/foo"_qs << u"/foobar"_qs << false;
    QTest::newRow("prefix-last-element-substring") << u"Prefix"_qs << u"/aaa/bb"_qs << u"/aaa/bbb"_qs << false;
    QTest::newRow("prefix-shorter-request") << u"Prefix"_qs << u"/foo/bar"_qs << u"/foo"_qs << false;
    QTest::newRow("prefix-case-sensitive") << u"Prefix"_qs << u"/foo"_qs << u"/FOO"_qs << false;
    QTest::newRow("prefix-query-ignored") << u"Prefix"_qs << u"/foo"_qs << u"/foo?x=/bar"_qs << true;
    QTest::newRow("exact-same") << u"Exact"_qs << u"/foo"_qs << u"/foo"_qs << true;
    QTest::newRow("exact-query-ignored") << u"Exact"_qs << u"/foo"_qs << u"/foo?page=2"_qs << true;
    QTest::newRow("exact-not-trailing-slash") << u"Exact"_qs << u"/foo"_qs << u"/foo/"_qs << false;
    QTest::newRow("exact-not-deeper") << u"Exact"_qs << u"/foo"_qs << u"/foo/bar"_qs << false;
    QTest::newRow("implementation-specific-as-prefix") << u"ImplementationSpecific"_qs << u"/foo"_qs << u"/foo/bar"_qs << true;
    QTest::newRow("implementation-specific-by-element") << u"ImplementationSpecific"_qs << u"/foo"_qs << u"/foobar"_qs << false;
}

void tst_IngressRoutes::paths()
{
    QFETCH(QString, pathType);
    QFETCH(QString, rulePath);
    QFETCH(QString, request);
    QFETCH(bool, matches);
    const IngressRouteTable table = tableOf({ingressJson(u"one"_qs, {rule(u"a.test"_qs, {path(rulePath, pathType, u"svc"_qs)})})});
    QCOMPARE(serviceFor(table, u"a.test"_qs, request), matches ? u"svc"_qs : QString());
}

void tst_IngressRoutes::longestMatchAndExactFirst_data()
{
    QTest::addColumn<QString>("request");
    QTest::addColumn<QString>("expected");
    QTest::newRow("root") << u"/"_qs << u"root"_qs;
    QTest::newRow("other") << u"/shop"_qs << u"root"_qs;
    QTest::newRow("api-exact-beats-api-prefix") << u"/api"_qs << u"api-exact"_qs;
    QTest::newRow("api-prefix") << u"/api/v1/pods"_qs << u"api"_qs;
    QTest::newRow("longest-prefix") << u"/api/v2/pods"_qs << u"api-v2"_qs;
    QTest::newRow("apix-is-not-api") << u"/apix"_qs << u"root"_qs;
}

void tst_IngressRoutes::longestMatchAndExactFirst()
{
    QFETCH(QString, request);
    QFETCH(QString, expected);
    // Declared shortest-last and across two Ingresses, so neither order nor Ingress decides.
    const IngressRouteTable table = tableOf({
        ingressJson(u"one"_qs, {rule(u"a.test"_qs, {path(u"/api/v2"_qs, u"Prefix"_qs, u"api-v2"_qs), path(u"/api"_qs, u"Prefix"_qs, u"api"_qs)})}),
        ingressJson(u"two"_qs, {rule(u"a.test"_qs, {path(u"/api"_qs, u"Exact"_qs, u"api-exact"_qs), path(u"/"_qs, u"Prefix"_qs, u"root"_qs)})}),
    });
    QCOMPARE(serviceFor(table, u"a.test"_qs, request), expected);
}

void tst_IngressRoutes::olderIngressWinsSamePath()
{
    const QJsonObject newer = ingressJson(u"a-newer"_qs, {rule(u"a.test"_qs, {path(u"/x"_qs, u"Prefix"_qs, u"new"_qs)})}, {},
                                      u"2026-11-27T12:00:00Z"_qs);
    const QJsonObject older = ingressJson(u"z-older"_qs, {rule(u"a.test"_qs, {path(u"/x"_qs, u"Prefix"_qs, u"old"_qs)})}, {},
                                      u"2026-11-27T09:00:00Z"_qs);
    QCOMPARE(serviceFor(tableOf({newer, older}), u"a.test"_qs, u"/x"_qs), u"old"_qs);
    QCOMPARE(serviceFor(tableOf({older, newer}), u"a.test"_qs, u"/x"_qs), u"old"_qs);
}

void tst_IngressRoutes::defaultBackends()
{
    const IngressRouteTable table = tableOf({
        ingressJson(u"first"_qs, {rule(u"x.test"_qs, {path(u"/api"_qs, u"Prefix"_qs, u"x-api"_qs)})}, u"x-default"_qs,
                u"2026-11-27T09:00:00Z"_qs),
        ingressJson(u"second"_qs, {rule(u"y.test"_qs, {path(u"/api"_qs, u"Prefix"_qs, u"y-api"_qs)})}, u"y-default"_qs,
                u"2026-11-27T10:00:00Z"_qs),
        ingressJson(u"third"_qs, {rule(u"z.test"_qs, {})}, u"z-default"_qs, u"2026-11-27T11:00:00Z"_qs),
    });
    QCOMPARE(serviceFor(table, u"x.test"_qs, u"/api/a"_qs), u"x-api"_qs);
    QCOMPARE(serviceFor(table, u"x.test"_qs, u"/other"_qs), u"x-default"_qs);
    // A host's unmatched paths go to the default backend of the Ingress that declared the host.
    QCOMPARE(serviceFor(table, u"y.test"_qs, u"/other"_qs), u"y-default"_qs);
    // A rule without paths claims its host for its Ingress's default backend.
    QCOMPARE(serviceFor(table, u"z.test"_qs, u"/api"_qs), u"z-default"_qs);
    // Nothing claims the host: the oldest Ingress's default backend.
    QCOMPARE(serviceFor(table, u"unknown.test"_qs, u"/"_qs), u"x-default"_qs);

    const IngressRouteTable noDefault = tableOf({ingressJson(u"only"_qs, {rule(u"x.test"_qs, {path(u"/api"_qs, u"Prefix"_qs, u"x-api"_qs)})})});
    QVERIFY(!noDefault.route(u"x.test"_qs, u"/other"_qs));
    QVERIFY(!IngressRouteTable().route(u"x.test"_qs, u"/"_qs));
}

void tst_IngressRoutes::backendPortsAndResources()
{
    QJsonObject resourcePath{{u"path"_qs, u"/static"_qs}, {u"pathType"_qs, u"Prefix"_qs},
                             {u"backend"_qs, QJsonObject{{u"resource"_qs, QJsonObject{{u"apiGroup"_qs, u"k8s.example.com"_qs},
                                                                                    {u"kind"_qs, u"StorageBucket"_qs},
                                                                                    {u"name"_qs, u"assets"_qs}}}}}};
    const IngressRouteTable table = tableOf({ingressJson(u"ports"_qs, {rule(u"a.test"_qs, {path(u"/named"_qs, u"Prefix"_qs, u"web"_qs, u"http"_qs),
                                                                                    path(u"/numbered"_qs, u"Prefix"_qs, u"web"_qs, 8080),
                                                                                    resourcePath})})});
    const auto named = table.route(u"a.test"_qs, u"/named"_qs);
    QVERIFY(named);
    QCOMPARE(named->portName, u"http"_qs);
    QCOMPARE(named->portNumber, 0);
    QCOMPARE(named->namespace_, u"default"_qs);
    QCOMPARE(named->ingress, u"default/ports"_qs);
    const auto numbered = table.route(u"a.test"_qs, u"/numbered"_qs);
    QVERIFY(numbered);
    QCOMPARE(numbered->portNumber, 8080);
    const auto resource = table.route(u"a.test"_qs, u"/static/logo.png"_qs);
    QVERIFY(resource);
    QVERIFY(resource->service.isEmpty());
    QCOMPARE(resource->resourceKind, u"StorageBucket"_qs);
}

void tst_IngressRoutes::predicates()
{
    QVERIFY(IngressRouteTable::hostMatchesWildcard(u"*.foo.com"_qs, u"bar.foo.com"_qs));
    QVERIFY(!IngressRouteTable::hostMatchesWildcard(u"*.foo.com"_qs, u"foo.com"_qs));
    QVERIFY(!IngressRouteTable::hostMatchesWildcard(u"*.foo.com"_qs, u".foo.com"_qs));
    QVERIFY(!IngressRouteTable::hostMatchesWildcard(u"*.foo.com"_qs, u"baz.bar.foo.com"_qs));
    QVERIFY(!IngressRouteTable::hostMatchesWildcard(u"*.foo.com"_qs, u"barfoo.com"_qs));
    QCOMPARE(IngressRouteTable::normalizeHost(u"[::1]:8080"_qs), u"[::1]"_qs);
    QCOMPARE(IngressRouteTable::normalizeHost(u" Example.COM:80 "_qs), u"example.com"_qs);
    QVERIFY(IngressRouteTable::prefixMatches(u"/"_qs, u"/"_qs));
    QVERIFY(!IngressRouteTable::prefixMatches(u"/foo/bar"_qs, u"/foo/barbaz"_qs));
}

void tst_IngressRoutes::classMembership()
{
    const QJsonObject ours = ingress::defaultIngressClass(8080);
    QVERIFY(ingress::isOurClass(ours));
    QVERIFY(ingress::isDefaultClass(ours));
    QCOMPARE(ingress::listenPort(ours), 8080);
    QCOMPARE(ingress::listenPort(ingress::defaultIngressClass(0)), 0);

    QJsonObject named = ingressJson(u"named"_qs, {});
    QJsonObject spec = named.value(u"spec").toObject();
    spec.insert(u"ingressClassName", u"timonel"_qs);
    named.insert(u"spec", spec);
    QJsonObject other = named;
    spec.insert(u"ingressClassName", u"nginx"_qs);
    other.insert(u"spec", spec);
    QJsonObject legacy = ingressJson(u"legacy"_qs, {});
    legacy.insert(u"metadata", QJsonObject{{u"name"_qs, u"legacy"_qs},
                                           {u"annotations"_qs, QJsonObject{{u"kubernetes.io/ingress.class"_qs, u"nginx"_qs}}}});
    const QJsonObject classless = ingressJson(u"classless"_qs, {});

    QVERIFY(ingress::belongsTo(named, ours));
    QVERIFY(ingress::belongsTo(classless, ours));   // the default class takes Ingresses naming none
    QVERIFY(!ingress::belongsTo(other, ours));
    QVERIFY(!ingress::belongsTo(legacy, ours));     // the deprecated annotation names a class too

    QJsonObject notDefault = ours;
    notDefault.insert(u"metadata", QJsonObject{{u"name"_qs, u"timonel"_qs}});
    QVERIFY(!ingress::belongsTo(classless, notDefault));
    QVERIFY(ingress::belongsTo(named, notDefault));
}

QTEST_APPLESS_MAIN(tst_IngressRoutes)
#include "tst_ingressroutes.moc"
