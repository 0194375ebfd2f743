#include "commandline.h"

#include <QCoreApplication>

namespace timonel {

void setUpCommandLine(QCommandLineParser &parser, const QString &description)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Timonel"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("timonel.dev"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIMONEL_VERSION));
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addVersionOption();
}

} // namespace timonel
