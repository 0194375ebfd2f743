// timonel-cluster: the embedded Kubernetes cluster, headless.
#include "app/commandline.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("timonel-cluster"));
    timonel::installTranslations();

    QCommandLineParser parser;
    timonel::setUpCommandLine(parser, QCoreApplication::translate("main", "Timonel's embedded Kubernetes cluster, without a window."));
    parser.process(app);
    return 0;
}
