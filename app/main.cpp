// timonel: the desktop console.
#include "app/commandline.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("timonel"));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("timonel"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    timonel::setUpCommandLine(parser, QCoreApplication::translate("main", "Timonel: a native console for Kubernetes."));
    parser.process(app);

    timonel::MainWindow window;
    window.show();
    return app.exec();
}
