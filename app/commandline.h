#pragma once
// Command-line handling shared by both executables: --help, --version and the options each adds.

#include <QCommandLineParser>

namespace timonel {

// Sets the application name/version and adds the standard --help and --version options.
void setUpCommandLine(QCommandLineParser &parser, const QString &description);

} // namespace timonel
