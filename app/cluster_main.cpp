// timonel-cluster: the embedded Kubernetes cluster, headless.
//   timonel-cluster serve [--data-dir DIR] [--port N] [--ingress-port N] [--nodes N] [--speed N]
//                         [--max-pods N] [--kubeconfig FILE]
#include "app/hugepageheap.h"
#include "app/commandline.h"
#include "app/unixsignals.h"

#include "kube/api/duration.h"
#include "kube/api/scaledclock.h"
#include "kube/cluster/embeddedcluster.h"
#include "kube/cluster/kubeconfigentry.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

namespace {

int serve(QCoreApplication &app, const QCommandLineParser &parser)
{
    QTextStream err(stderr);
    kube::ClusterOptions options;
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    bool portOk = true;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&portOk);
    if (!portOk || port > 65535) {
        err << QCoreApplication::translate("main", "timonel-cluster: --port must be a number from 0 to 65535") << Qt::endl;
        return 2;
    }
    options.port = quint16(port);
    bool ingressPortOk = true;
    const uint ingressPort = parser.value(QStringLiteral("ingress-port")).toUInt(&ingressPortOk);
    if (!ingressPortOk || ingressPort > 65535) {
        err << QCoreApplication::translate("main", "timonel-cluster: --ingress-port must be a number from 0 to 65535") << Qt::endl;
        return 2;
    }
    options.ingressPort = quint16(ingressPort);
    bool nodesOk = true;
    options.nodes = parser.value(QStringLiteral("nodes")).toInt(&nodesOk);
    if (!nodesOk || options.nodes < 1 || options.nodes > 100) {
        err << QCoreApplication::translate("main", "timonel-cluster: --nodes must be a number from 1 to 100") << Qt::endl;
        return 2;
    }

    options.controllers = !parser.isSet(QStringLiteral("no-controllers"));
    const auto grace = kube::Duration::parse(parser.value(QStringLiteral("node-monitor-grace-period")));
    if (!grace.ok() || grace->nanoseconds() < kube::Duration::Second) {
        err << QCoreApplication::translate("main", "timonel-cluster: --node-monitor-grace-period must be a duration of at least 1s, such as 40s") << Qt::endl;
        return 2;
    }
    options.nodeMonitorGracePeriod = std::chrono::duration_cast<std::chrono::milliseconds>(grace->toChrono());
    const auto speed = kube::ScaledClock::parseSpeed(parser.value(QStringLiteral("speed")));
    if (!speed) {
        err << QCoreApplication::translate("main", "timonel-cluster: --speed must be a number from 1 to %1, such as 20").arg(kube::ScaledClock::MaxSpeed) << Qt::endl;
        return 2;
    }
    options.speed = *speed;
    bool maxPodsOk = true;
    options.maxPods = parser.value(QStringLiteral("max-pods")).toInt(&maxPodsOk);
    if (!maxPodsOk || options.maxPods < 1 || options.maxPods > 10000) {
        err << QCoreApplication::translate("main", "timonel-cluster: --max-pods must be a number from 1 to 10000") << Qt::endl;
        return 2;
    }

    kube::EmbeddedCluster cluster(options);
    if (const kube::Status s = cluster.start(); !s.isSuccess()) {
        err << QCoreApplication::translate("main", "timonel-cluster: cannot start: %1").arg(s.message()) << Qt::endl;
        return 1;
    }
    const QString kubeconfig = parser.value(QStringLiteral("kubeconfig"));
    if (!kubeconfig.isEmpty()) {
        kube::KubeconfigEntry entry;
        entry.server = cluster.url();
        entry.token = cluster.token();
        entry.certificateAuthority = cluster.caCertificate();
        if (const kube::Status s = kube::writeKubeconfigEntry(kubeconfig, entry); !s.isSuccess()) {
            err << QCoreApplication::translate("main", "timonel-cluster: cannot write the kubeconfig: %1").arg(s.message()) << Qt::endl;
            return 1;
        }
    }
    timonel::quitOnTerminationSignals();
    QTextStream out(stdout);
    out << "ready " << cluster.url() << Qt::endl;
    if (cluster.ingressPort() != 0)
        out << "ingress http://127.0.0.1:" << cluster.ingressPort() << Qt::endl;
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    timonel::relaunchWithHugePageHeap(argv); // before any thread: glibc reads its tunables at start
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("timonel-cluster"));
    timonel::installTranslations();

    QCommandLineParser parser;
    timonel::setUpCommandLine(parser, QCoreApplication::translate("main", "Timonel's embedded Kubernetes cluster, without a window."));
    parser.addPositionalArgument(QStringLiteral("command"), QCoreApplication::translate("main", "serve: run the cluster until SIGTERM."));
    parser.addOption({QStringLiteral("data-dir"), QCoreApplication::translate("main", "Where the cluster keeps its data."),
                      QStringLiteral("dir"), kube::EmbeddedCluster::defaultDataDir()});
    parser.addOption({QStringLiteral("port"), QCoreApplication::translate("main", "The API server's port on 127.0.0.1 (0: any free port)."),
                      QStringLiteral("port"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("ingress-port"),
                      QCoreApplication::translate("main", "The ingress controller's port on 127.0.0.1 (0: any free port)."),
                      QStringLiteral("port"), QStringLiteral("8080")});
    parser.addOption({QStringLiteral("nodes"), QCoreApplication::translate("main", "How many simulated nodes the cluster has (1 to 100)."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("node-monitor-grace-period"),
                      QCoreApplication::translate("main", "How long a node's kubelet may stay silent before the node is NotReady (a duration: 40s, 1m)."),
                      QStringLiteral("duration"), QStringLiteral("40s")});
    parser.addOption({QStringLiteral("speed"),
                      QCoreApplication::translate("main", "Run the cluster's clock this many times faster than real time (1 to 100), for demos: image pulls, probes, back-offs and timeouts shrink; the node grace period stays at least 40 real seconds."),
                      QStringLiteral("n"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("max-pods"), QCoreApplication::translate("main", "How many pods each simulated node takes (its pod capacity)."),
                      QStringLiteral("n"), QStringLiteral("110")});
    parser.addOption({QStringLiteral("no-controllers"),
                      QCoreApplication::translate("main", "Serve the API only: no controllers, scheduler or simulated kubelets (for API tests and benchmarks).")});
    parser.addOption({QStringLiteral("kubeconfig"),
                      QCoreApplication::translate("main", "Add a \"timonel\" context to this kubeconfig file and make it current."),
                      QStringLiteral("file")});
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.value(0) == QStringLiteral("serve"))
        return serve(app, parser);
    if (args.isEmpty())
        parser.showHelp(0);
    QTextStream(stderr) << QCoreApplication::translate("main", "timonel-cluster: unknown command \"%1\"; try --help").arg(args.first()) << Qt::endl;
    return 2;
}
