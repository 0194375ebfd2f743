// timonel: the desktop console.
#include "app/commandline.h"
#include "views/mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("timonel"));

    timonel::installTranslations();

    QCommandLineParser parser;
    timonel::setUpCommandLine(parser, QCoreApplication::translate("main", "Timonel: a native console for Kubernetes."));
    parser.process(app);

    timonel::MainWindow window;
    window.show();
    return app.exec();
}
