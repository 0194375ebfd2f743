// timonel: the desktop console.
#include "app/hugepageheap.h"
#include "app/commandline.h"
#include "app/consolecontroller.h"
#include "app/theme.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>

int main(int argc, char *argv[])
{
    timonel::relaunchWithHugePageHeap(argv); // before any thread: glibc reads its tunables at start
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("timonel"));
    QCoreApplication::setOrganizationName(QStringLiteral("Timonel"));
    QGuiApplication::setDesktopFileName(QStringLiteral("timonel"));

    timonel::installTranslations();

    QCommandLineParser parser;
    timonel::setUpCommandLine(parser, QCoreApplication::translate("main", "Timonel: a native console for Kubernetes."));
    const QCommandLineOption kubeconfigOption(QStringLiteral("kubeconfig"),
                                              QCoreApplication::translate("main", "Read clusters from this kubeconfig file."),
                                              QStringLiteral("file"));
    const QCommandLineOption contextOption(QStringLiteral("context"),
                                           QCoreApplication::translate("main", "Open this kubeconfig context instead of the embedded cluster."),
                                           QStringLiteral("name"));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QCoreApplication::translate("main", "Where the embedded cluster keeps its data."),
                                           QStringLiteral("dir"));
    parser.addOption(kubeconfigOption);
    parser.addOption(contextOption);
    parser.addOption(dataDirOption);
    parser.process(app);

    timonel::applyTheme(timonel::savedTheme());

    timonel::ConsoleOptions options;
    options.embeddedDataDir = parser.isSet(dataDirOption)
                                  ? parser.value(dataDirOption)
                                  : QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                                        QStringLiteral("/timonel/cluster");
    if (parser.isSet(kubeconfigOption))
        options.kubeconfig.explicitPath = parser.value(kubeconfigOption);

    if (parser.isSet(contextOption))
        options.initialCluster = QStringLiteral("context:") + parser.value(contextOption);

    timonel::MainWindow window;
    window.setTheme(timonel::MainWindow::Theme(int(timonel::savedTheme())));
    timonel::ConsoleController console(&window, options);
    QObject::connect(&window, &timonel::MainWindow::themeRequested, &window, [&window](timonel::MainWindow::Theme theme) {
        const auto choice = timonel::ThemeChoice(int(theme));
        timonel::applyTheme(choice);
        timonel::saveTheme(choice);
        window.setTheme(theme);
    });
    QObject::connect(&window, &timonel::MainWindow::languageRequested, &window, [](const QString &language) {
        QSettings().setValue(QStringLiteral("ui/language"), language);
        timonel::setLanguage(language);
    });
    window.show();
    console.start();
    return app.exec();
}
