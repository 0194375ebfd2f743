// Cluster IPs and node ports as the service registry assigns them: fresh allocations, requested
// values checked, addresses kept across updates, immutability, and type changes.
#include "kube/apiserver/serviceallocation.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;

namespace {

QJsonObject service(const QString &name, const QString &type, const QJsonArray &ports, const QString &clusterIP = {})
{
    QJsonObject spec{{u"type"_qs, type}, {u"ports"_qs, ports}};
    if (!clusterIP.isEmpty())
        spec.insert(u"clusterIP"_qs, clusterIP);
    return QJsonObject{{u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"namespace"_qs, u"default"_qs}}}, {u"spec"_qs, spec}};
}

QJsonArray port(int number, int nodePort = 0)
{
    QJsonObject p{{u"port"_qs, number}, {u"protocol"_qs, u"TCP"_qs}};
    if (nodePort)
        p.insert(u"nodePort"_qs, nodePort);
    return QJsonArray{p};
}

QString clusterIP(const QJsonObject &s)
{
    return s.value(u"spec").toObject().value(u"clusterIP").toString();
}

int nodePort(const QJsonObject &s)
{
    return s.value(u"spec").toObject().value(u"ports").toArray().first().toObject().value(u"nodePort").toInt();
}

} // namespace

class TestServiceAllocation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clusterIpAllocatedInRangeAndUnique()
    {
        ServiceAllocator allocator({ServiceAllocator::RangeBase + 1}, {});
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            QJsonObject s = service(QStringLiteral("s%1").arg(i), u"ClusterIP"_qs, port(80));
            QVERIFY(allocator.allocate(s, nullptr).isEmpty());
            const QString ip = clusterIP(s);
            const auto parsed = ServiceAllocator::parseIp(ip);
            QVERIFY2(parsed && ServiceAllocator::inRange(*parsed), qPrintable(ip));
            QVERIFY(ip != u"10.96.0.1");
            QVERIFY(!seen.contains(ip));
            seen.insert(ip);
            QCOMPARE(s.value(u"spec").toObject().value(u"clusterIPs").toArray().first().toString(), ip);
            QVERIFY(!s.value(u"spec").toObject().value(u"ports").toArray().first().toObject().contains(u"nodePort"));
        }
    }

    void headlessKeepsNone()
    {
        ServiceAllocator allocator({}, {});
        QJsonObject s = service(u"db"_qs, u"ClusterIP"_qs, port(5432), u"None"_qs);
        QVERIFY(allocator.allocate(s, nullptr).isEmpty());
        QCOMPARE(clusterIP(s), u"None"_qs);
    }

    void requestedAddresses_data()
    {
        QTest::addColumn<QString>("ip");
        QTest::addColumn<int>("node");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("ip-taken") << u"10.96.10.10"_qs << 0 << u"spec.clusterIPs"_qs << u"provided IP is already allocated"_qs;
        QTest::newRow("ip-out-of-range") << u"192.168.1.1"_qs << 0 << u"spec.clusterIPs"_qs << u"is not in the valid range. The range of valid IPs is 10.96.0.0/12"_qs;
        QTest::newRow("node-port-taken") << u""_qs << 30080 << u"spec.ports[0].nodePort"_qs << u"Invalid value: 30080: provided port is already allocated"_qs;
        QTest::newRow("node-port-out-of-range") << u""_qs << 8080 << u"spec.ports[0].nodePort"_qs << u"The range of valid ports is 30000-32767"_qs;
    }
    void requestedAddresses()
    {
        QFETCH(QString, ip);
        QFETCH(int, node);
        QFETCH(QString, field);
        QFETCH(QString, message);
        ServiceAllocator allocator({*ServiceAllocator::parseIp(u"10.96.10.10"_qs)}, {30080});
        QJsonObject s = service(u"web"_qs, u"NodePort"_qs, port(80, node), ip);
        const auto causes = allocator.allocate(s, nullptr);
        QCOMPARE(causes.size(), 1);
        QCOMPARE(causes.first().field, field);
        QVERIFY2(causes.first().message.contains(message), qPrintable(causes.first().message));
    }

    void requestedFreeValuesAccepted()
    {
        ServiceAllocator allocator({}, {});
        QJsonObject s = service(u"web"_qs, u"NodePort"_qs, port(80, 30123), u"10.96.5.5"_qs);
        QVERIFY(allocator.allocate(s, nullptr).isEmpty());
        QCOMPARE(clusterIP(s), u"10.96.5.5"_qs);
        QCOMPARE(nodePort(s), 30123);
    }

    void updatesKeepAddresses()
    {
        ServiceAllocator first({}, {});
        QJsonObject created = service(u"web"_qs, u"NodePort"_qs, port(80));
        QVERIFY(first.allocate(created, nullptr).isEmpty());
        const int assigned = nodePort(created);
        QVERIFY(assigned >= 30000 && assigned <= 32767);

        // The update omits both; the stored values are kept (used sets exclude the Service itself).
        ServiceAllocator second({}, {});
        QJsonObject update = service(u"web"_qs, u"NodePort"_qs, port(80));
        QVERIFY(second.allocate(update, &created).isEmpty());
        QCOMPARE(clusterIP(update), clusterIP(created));
        QCOMPARE(nodePort(update), assigned);

        // Changing the cluster IP is refused.
        QJsonObject moved = service(u"web"_qs, u"NodePort"_qs, port(80), u"10.96.7.7"_qs);
        const auto causes = ServiceAllocator({}, {}).allocate(moved, &created);
        QCOMPARE(causes.size(), 1);
        QCOMPARE(causes.first().field, u"spec.clusterIPs[0]"_qs);
        QVERIFY(causes.first().message.contains(u"field is immutable"));
    }

    void nodePortForbiddenForClusterIp()
    {
        QJsonObject s = service(u"web"_qs, u"ClusterIP"_qs, port(80, 30001));
        const auto causes = ServiceAllocator({}, {}).allocate(s, nullptr);
        QCOMPARE(causes.size(), 1);
        QCOMPARE(causes.first().field, u"spec.ports[0].nodePort"_qs);
    }

    void nodePortsExhausted()
    {
        QSet<int> all;
        for (int p = ServiceAllocator::FirstNodePort; p <= ServiceAllocator::LastNodePort; ++p)
            all.insert(p);
        QJsonObject s = service(u"web"_qs, u"NodePort"_qs, port(80));
        QCOMPARE(ServiceAllocator({}, all).allocate(s, nullptr).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestServiceAllocation)
#include "tst_serviceallocation.moc"
