// timonel: the desktop console.
#include "app/commandline.h"
#include "app/embeddedclusterhost.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QStandardPaths>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("timonel"));

    timonel::installTranslations();

    QCommandLineParser parser;
    timonel::setUpCommandLine(parser, QCoreApplication::translate("main", "Timonel: a native console for Kubernetes."));
    parser.process(app);

    timonel::MainWindow window;
    // The embedded cluster is the default: start it and tell the window where it is.
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/timonel/cluster");
    timonel::EmbeddedClusterHost cluster(dataDir);
    QObject::connect(&cluster, &timonel::EmbeddedClusterHost::started, &window, &timonel::MainWindow::showEmbeddedCluster);
    QObject::connect(&cluster, &timonel::EmbeddedClusterHost::failed, &window, &timonel::MainWindow::showClusterError);
    cluster.start();
    window.show();
    return app.exec();
}
