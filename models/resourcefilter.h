#pragma once
// ResourceFilter: which rows of a resource table a user wants to see — words typed in the
// filter box (case-insensitive substrings of the row's cells and namespace; every word must
// match; "!word" must not), a label selector (kube::LabelSelector), and a set of namespaces
// (empty: all; cluster-scoped rows always pass).
//
// Plain value; any thread. Cost of accepts(): one substring search per word over the row's
// precomputed, case-folded search text, plus the selector's label lookups.

#include "kube/api/labelselector.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace timonel {

struct ResourceRow;

class ResourceFilter
{
public:
    // Splits text into words on whitespace; a word starting with '!' (and longer than it) is
    // negated.
    void setText(const QString &text);
    QString text() const { return m_text; }
    void setSelector(const kube::LabelSelector &selector) { m_selector = selector; }
    const kube::LabelSelector &selector() const { return m_selector; }
    void setNamespaces(const QStringList &namespaces);
    QStringList namespaces() const;

    bool isEmpty() const;
    bool accepts(const ResourceRow &row) const;
    // Every row this filter accepts was also accepted by previous (typing more of a word, adding
    // a word): refiltering needs to look at the rows shown only.
    bool isNarrowingOf(const ResourceFilter &previous) const;

private:
    QString m_text;
    QStringList m_words;   // case-folded
    QStringList m_negated; // case-folded, without the '!'
    kube::LabelSelector m_selector;
    QSet<QString> m_namespaces;
};

} // namespace timonel
