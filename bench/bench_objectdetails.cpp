// The details pane's costs on realistic objects: describing a pod, its status summary, picking
// its events out of 10k, related objects of a node and of a service over 30k pods, masking a
// Secret, and DetailsPane::setObject (describe + HTML render) offscreen. Prints one line per
// figure.

#include "kube/api/object.h"
#include "models/objectdescription.h"
#include "models/objectevents.h"
#include "models/relatedobjects.h"
#include "models/secretmasking.h"
#include "realisticpod.h"
#include "views/detailspane.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

#include <functional>

namespace {

QTextStream out(stdout);

// Runs f n times; returns microseconds per run.
double perRunMicros(int n, const std::function<void()> &f)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < n; ++i)
        f();
    return double(timer.nsecsElapsed()) / 1000.0 / n;
}

kube::Object event(int index, const QString &podName, const QString &podUid)
{
    return kube::Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs},
        {u"kind"_qs, u"Event"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, podName + u".%1"_qs.arg(index)}, {u"namespace"_qs, u"default"_qs},
                                     {u"uid"_qs, u"ev-%1"_qs.arg(index)}}},
        {u"involvedObject"_qs, QJsonObject{{u"kind"_qs, u"Pod"_qs}, {u"namespace"_qs, u"default"_qs}, {u"name"_qs, podName}, {u"uid"_qs, podUid}}},
        {u"reason"_qs, u"Pulled"_qs},
        {u"message"_qs, u"Container image \"registry.example.com/web:1.24.3\" already present on machine"_qs},
        {u"type"_qs, u"Normal"_qs},
        {u"count"_qs, 1},
        {u"lastTimestamp"_qs, u"2026-11-27T10:00:%1Z"_qs.arg(index % 60, 2, 10, QChar(u'0'))},
        {u"source"_qs, QJsonObject{{u"component"_qs, u"kubelet"_qs}, {u"host"_qs, u"node-1"_qs}}},
    });
}

kube::Object secret(int keys)
{
    QJsonObject data;
    for (int i = 0; i < keys; ++i)
        data.insert(u"key-%1"_qs.arg(i), QString::fromLatin1(QByteArray(200, char('a' + i % 26)).toBase64()));
    const QString applied = u"{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"data\":{\"key-0\":\"c2VjcmV0\"}}"_qs;
    return kube::Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs},
        {u"kind"_qs, u"Secret"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"db"_qs}, {u"namespace"_qs, u"default"_qs}, {u"uid"_qs, u"s1"_qs},
                                     {u"annotations"_qs, QJsonObject{{u"kubectl.kubernetes.io/last-applied-configuration"_qs, applied}}}}},
        {u"type"_qs, u"Opaque"_qs},
        {u"data"_qs, data},
    });
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    using namespace timonel;

    const kube::Object pod = bench::realisticPod(1);
    out << "realistic pod: " << pod.byteSize() << " bytes\n";
    out << "describeObject(pod): " << perRunMicros(2000, [&] { describeObject(pod); }) << " us\n";
    out << "summarizeStatus(pod): " << perRunMicros(20000, [&] { summarizeStatus(pod); }) << " us\n";

    // 10k events about 5k pods, two each; the pane picks pod 1's.
    QList<kube::Object> events;
    for (int i = 0; i < 10000; ++i) {
        const int podIndex = i / 2;
        events.append(event(i, bench::podName(podIndex), u"6f1c2e4a-0b7d-4c3e-9a51-%1"_qs.arg(podIndex, 12, 10, QChar(u'0'))));
    }
    QList<ObjectEvent> selected;
    out << "selectObjectEvents(pod, 10k events): " << perRunMicros(50, [&] { selected = selectObjectEvents(pod, events); }) / 1000.0
        << " ms (" << selected.size() << " selected)\n";

    // 30k pods over 50 nodes: node-1's pods, and a service selecting every pod.
    QList<kube::Object> pods;
    for (int i = 0; i < 30000; ++i)
        pods.append(bench::realisticPod(i));
    const kube::Object node = kube::Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Node"_qs}, {u"metadata"_qs, QJsonObject{{u"name"_qs, u"node-1"_qs}, {u"uid"_qs, u"n1"_qs}}}});
    const kube::Object service = kube::Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Service"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"web"_qs}, {u"namespace"_qs, u"default"_qs}, {u"uid"_qs, u"svc"_qs}}},
        {u"spec"_qs, QJsonObject{{u"selector"_qs, QJsonObject{{u"app"_qs, u"web"_qs}}}}}});
    const RelatedLookup lookup = [&](const QString &resource, const QString &) {
        return resource == u"pods" ? pods : QList<kube::Object>();
    };
    QList<RelatedObject> related;
    out << "findRelatedObjects(node, 30k pods): " << perRunMicros(5, [&] { related = findRelatedObjects(node, lookup); }) / 1000.0
        << " ms (" << related.size() << " pods on the node)\n";
    out << "findRelatedObjects(service selecting 30k pods): "
        << perRunMicros(3, [&] { related = findRelatedObjects(service, lookup); }) / 1000.0 << " ms (" << related.size() << " related)\n";
    out << "findRelatedObjects(pod, 30k pods): " << perRunMicros(20, [&] { related = findRelatedObjects(pod, lookup); }) / 1000.0 << " ms\n";

    const kube::Object s = secret(20);
    out << "maskSecret(20 keys, " << s.byteSize() << " bytes): " << perRunMicros(2000, [&] { maskSecret(s); }) << " us\n";

    DetailsPane pane;
    pane.resize(900, 700);
    pane.show();
    app.processEvents();
    int flip = 0;
    const kube::Object other = bench::realisticPod(2);
    out << "DetailsPane::setObject(pod), alternating two pods: "
        << perRunMicros(200, [&] { pane.setObject(++flip % 2 ? pod : other); }) / 1000.0 << " ms\n";
    const kube::Object v1 = pod.withResourceVersion(u"1001");
    const kube::Object v2 = pod.withResourceVersion(u"1002");
    out << "DetailsPane::setObject(pod), updates of the same pod: "
        << perRunMicros(200, [&] { pane.setObject(++flip % 2 ? v1 : v2); }) / 1000.0 << " ms\n";
    out << "DetailsPane::setEvents(10k events): " << perRunMicros(20, [&] { pane.setEvents(events); }) / 1000.0 << " ms\n";
    return 0;
}
