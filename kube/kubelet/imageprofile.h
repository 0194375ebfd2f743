#pragma once
// ImageProfile: how one simulated image repository behaves (one entry of
// resources/simulation/images.yaml): pull time and size, start-up time, listening ports, the
// HTTP server it runs, its default entrypoint/command, start-up log lines, baseline resource
// usage and how it reacts to SIGTERM. Plain value type; any thread.

#include <QList>
#include <QString>
#include <QStringList>

class QDateTime;

namespace kube::kubelet {

struct ImagePort {
    int port = 0;
    QString protocol = QStringLiteral("TCP");
};

struct ImageProfile {
    QString repository; // normalised, without tag: "docker.io/library/nginx"
    double pullSeconds = 1;
    qint64 sizeBytes = 0;
    double startupSeconds = 0; // from Started until the ports answer
    QStringList entrypoint;    // the image's ENTRYPOINT
    QStringList command;       // the image's CMD (container `args` replace it)
    QStringList args;          // extra default arguments some images bake in
    QList<ImagePort> ports;
    // The HTTP server, when the image runs one.
    bool servesHttp = false;
    int httpPort = 0;
    QString healthPath;
    QStringList httpPaths; // "*" answers every path
    QString httpBody;      // template, see renderTemplate()
    qint64 cpuMillicores = 0;
    qint64 memoryBytes = 0;
    bool exitsOnSigterm = true;
    int sigtermExitCode = 0;
    QStringList startupLogs; // templates, see renderTemplate()

    bool listensOn(int port) const;
    bool hasHttpPath(const QString &path) const;
};

// Fills "{pod}", "{namespace}", "{container}", "{image}", "{version}", "{podIP}", "{arg:NAME}"
// (the value of a "-NAME=value" container argument) and "{time:FORMAT}" (a QDateTime format in
// UTC). Unknown placeholders stay as written.
struct TemplateContext {
    QString pod, namespace_, container, image, version, podIP;
    QStringList args;
};
QString renderTemplate(const QString &text, const TemplateContext &context, const QDateTime &time);

} // namespace kube::kubelet
