#include "expectations.h"

#include "kube/api/clock.h"

namespace kube {

namespace {

constexpr qint64 ExpirySeconds = 300;

} // namespace

void ControllerExpectations::expect(const QString &owner, int creations, int deletions)
{
    m_entries.insert(owner, Entry{creations, deletions, m_clock.now()});
}

void ControllerExpectations::lower(const QString &owner, int creations, int deletions)
{
    auto it = m_entries.find(owner);
    if (it == m_entries.end())
        return;
    it->creations -= creations;
    it->deletions -= deletions;
}

bool ControllerExpectations::satisfied(const QString &owner) const
{
    const auto it = m_entries.constFind(owner);
    if (it == m_entries.constEnd())
        return true;
    if (it->creations <= 0 && it->deletions <= 0)
        return true;
    return it->since.secsTo(m_clock.now()) >= ExpirySeconds;
}

} // namespace kube
