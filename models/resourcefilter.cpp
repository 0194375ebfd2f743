#include "resourcefilter.h"

#include "resourcerow.h"

#include <algorithm>

namespace timonel {

void ResourceFilter::setText(const QString &text)
{
    m_text = text;
    m_words.clear();
    m_negated.clear();
    const QString simplified = text.simplified();
    for (QStringView word : QStringView(simplified).tokenize(u' ', Qt::SkipEmptyParts)) {
        if (word.size() > 1 && word.front() == u'!') {
            m_negated.append(word.mid(1).toString().toCaseFolded());
            continue;
        }
        m_words.append(word.toString().toCaseFolded());
    }
}

void ResourceFilter::setNamespaces(const QStringList &namespaces)
{
    m_namespaces = QSet<QString>(namespaces.begin(), namespaces.end());
}

QStringList ResourceFilter::namespaces() const
{
    QStringList list(m_namespaces.begin(), m_namespaces.end());
    list.sort();
    return list;
}

bool ResourceFilter::isEmpty() const
{
    return m_words.isEmpty() && m_negated.isEmpty() && m_selector.isEmpty() && m_namespaces.isEmpty();
}

bool ResourceFilter::accepts(const ResourceRow &row) const
{
    if (!m_namespaces.isEmpty() && !row.namespace_.isEmpty() && !m_namespaces.contains(row.namespace_))
        return false;
    for (const QString &word : m_words) {
        if (!row.searchText.contains(word))
            return false;
    }
    for (const QString &word : m_negated) {
        if (row.searchText.contains(word))
            return false;
    }
    return m_selector.isEmpty() || m_selector.matches(row.object.labels());
}

bool ResourceFilter::isNarrowingOf(const ResourceFilter &previous) const
{
    if (!(m_selector == previous.m_selector) || m_namespaces != previous.m_namespaces)
        return false;
    // Each earlier word is still required (as part of some word now), and each earlier
    // negation is still there.
    const bool wordsKept = std::all_of(previous.m_words.begin(), previous.m_words.end(), [&](const QString &old) {
        return std::any_of(m_words.begin(), m_words.end(), [&](const QString &now) { return now.contains(old); });
    });
    const bool negationsKept = std::all_of(previous.m_negated.begin(), previous.m_negated.end(),
                                           [&](const QString &old) { return m_negated.contains(old); });
    return wordsKept && negationsKept;
}

} // namespace timonel
