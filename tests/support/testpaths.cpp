#include "testpaths.h"

#include <QDir>
#include <QFileInfo>

namespace timonel::test {

static QString sourceDir()
{
    const QString fromEnv = qEnvironmentVariable("TIMONEL_SOURCE_DIR");
    return fromEnv.isEmpty() ? QDir::currentPath() : fromEnv;
}

QString dataPath(const QString &relative)
{
    return sourceDir() + QStringLiteral("/tests/data/") + relative;
}

QString roundtripFixturesDir()
{
    QStringList candidates;
    const QString shared = qEnvironmentVariable("TIMONEL_SHARED_DIR");
    if (!shared.isEmpty())
        candidates << shared + QStringLiteral("/data/k8s-roundtrip");
    candidates << sourceDir() + QStringLiteral("/../shared/data/k8s-roundtrip");
    for (const QString &c : candidates) {
        if (QFileInfo(c).isDir())
            return QDir(c).canonicalPath();
    }
    return {};
}

} // namespace timonel::test
