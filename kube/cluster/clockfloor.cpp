#include "clockfloor.h"

#include <QFile>
#include <QSaveFile>

namespace kube::ClockFloor {

QString path(const QString &dataDir)
{
    return dataDir + QStringLiteral("/clock");
}

std::optional<QDateTime> read(const QString &dataDir)
{
    QFile file(path(dataDir));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(file.read(64).trimmed()), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toUTC();
}

bool write(const QString &dataDir, const QDateTime &now)
{
    QSaveFile file(path(dataDir));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(now.toUTC().toString(Qt::ISODateWithMs).toLatin1() + '\n');
    return file.commit();
}

QDateTime startFor(const QString &dataDir, const QDateTime &realNow)
{
    const std::optional<QDateTime> saved = read(dataDir);
    return saved && *saved > realNow ? *saved : realNow;
}

} // namespace kube::ClockFloor
