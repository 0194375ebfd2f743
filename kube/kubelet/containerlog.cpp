#include "containerlog.h"

namespace kube::kubelet {

void ContainerLog::append(const QDateTime &time, const QString &text)
{
    m_lines.append({time, text});
    m_bytes += text.size() + 1;
    while (!m_lines.isEmpty() && (m_lines.size() > m_maxLines || m_bytes > m_maxBytes)) {
        m_bytes -= m_lines.first().text.size() + 1;
        m_lines.removeFirst();
        ++m_dropped;
    }
}

QString ContainerLog::formatTimestamp(const QDateTime &time)
{
    const QDateTime u = time.toUTC();
    return u.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("000000Z");
}

QString ContainerLog::read(const LogQuery &query) const
{
    qsizetype begin = 0;
    if (query.sinceTime) {
        while (begin < m_lines.size() && m_lines[begin].time < *query.sinceTime)
            ++begin;
    }
    if (query.tailLines && *query.tailLines >= 0)
        begin = std::max(begin, m_lines.size() - *query.tailLines);
    return format(begin, query.timestamps);
}

QString ContainerLog::readFrom(qint64 sequence, bool timestamps) const
{
    const qint64 begin = std::max<qint64>(0, sequence - m_dropped);
    return format(qsizetype(std::min<qint64>(begin, m_lines.size())), timestamps);
}

QString ContainerLog::format(qsizetype begin, bool timestamps) const
{
    QString out;
    for (qsizetype i = begin; i < m_lines.size(); ++i) {
        if (timestamps)
            out += formatTimestamp(m_lines[i].time) + QLatin1Char(' ');
        out += m_lines[i].text + QLatin1Char('\n');
    }
    return out;
}

} // namespace kube::kubelet
