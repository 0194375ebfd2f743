#include "tokenfilesource.h"

#include <QFile>
#include <QMutexLocker>

namespace kube {

TokenFileSource::TokenFileSource(QString path, const Clock *clock) : m_path(std::move(path)), m_clock(clock) {}

QString TokenFileSource::describe() const
{
    return u"token file %1"_qs.arg(m_path);
}

Expected<Credential> TokenFileSource::credential(bool forceRefresh)
{
    QMutexLocker lock(&m_mutex);
    const QDateTime now = m_clock->now();
    if (m_cached && !forceRefresh && m_readAt.secsTo(now) < RereadIntervalSeconds)
        return *m_cached;

    QFile file(m_path);
    QByteArray token;
    Status error;
    if (!file.open(QIODevice::ReadOnly))
        error = Status::internalError(u"cannot read token file %1: %2"_qs.arg(m_path, file.errorString()));
    else if ((token = file.readAll().trimmed()).isEmpty())
        error = Status::internalError(u"token file %1 is empty"_qs.arg(m_path));
    if (error.isSuccess()) {
        m_cached = Credential{token, {}, {}, {}};
        m_readAt = now;
        return *m_cached;
    }
    if (!m_cached)
        return error;
    m_readAt = now; // keep the earlier token and try again a minute later, not on every request
    return *m_cached;
}

} // namespace kube
