#include "linebuffer.h"

namespace kube {

namespace {
QByteArray withoutCr(QByteArray line)
{
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}
} // namespace

bool LineBuffer::feed(QByteArrayView data, QList<QByteArray> &lines)
{
    if (m_failed)
        return false;
    while (!data.isEmpty()) {
        const qsizetype nl = data.indexOf('\n');
        if (nl < 0) {
            m_partial.append(data);
            data = {};
        } else {
            m_partial.append(data.first(nl));
            data = data.sliced(nl + 1);
            if (m_partial.size() <= m_max) {
                lines.append(withoutCr(std::move(m_partial)));
                m_partial = QByteArray();
                continue;
            }
        }
        if (m_partial.size() <= m_max)
            continue;
        if (m_overflow == Overflow::Fail) {
            m_failed = true;
            m_partial.clear();
            return false;
        }
        while (m_partial.size() > m_max) {
            lines.append(m_partial.left(m_max));
            m_partial.remove(0, m_max);
        }
        if (nl >= 0) { // the overlong line ended here
            lines.append(withoutCr(std::move(m_partial)));
            m_partial = QByteArray();
        }
    }
    return true;
}

QByteArray LineBuffer::takeRest()
{
    return std::exchange(m_partial, QByteArray());
}

} // namespace kube
