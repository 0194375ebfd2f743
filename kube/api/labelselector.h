#pragma once
// LabelSelector: the label query of list/watch requests (`?labelSelector=app=web,tier in (a,b)`)
// and of workload specs (metav1.LabelSelector: matchLabels + matchExpressions), with the grammar,
// validation, error wording, matching and canonical String() of apimachinery's pkg/labels.
//
// Value type, implicitly shared; immutable after construction, so usable from any thread.
// Matching costs one sorted-label lookup per requirement; parsing is linear in the text.

#include "expected.h"
#include "labels.h"

#include <QList>
#include <QSharedDataPointer>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;
class QJsonValue;

namespace kube {

// One term of a selector: key, operator and values, as upstream's labels.Requirement.
struct LabelRequirement {
    enum class Operator { Equals, DoubleEquals, NotEquals, In, NotIn, Exists, DoesNotExist, GreaterThan, LessThan };

    QString key;
    Operator op = Operator::Exists;
    // Parsed text gives them sorted and without duplicates (upstream keeps a set); a
    // metav1.LabelSelector gives them in document order.
    QStringList values;

    bool matches(const Labels &labels) const;
    // "key", "!key", "key=v", "key in (a,b)"; In/NotIn values sorted.
    QString toString() const;
    friend bool operator==(const LabelRequirement &, const LabelRequirement &) = default;
};

class LabelSelector
{
public:
    // The empty selector: no requirements, matches everything (upstream Everything()).
    LabelSelector();
    ~LabelSelector();
    LabelSelector(const LabelSelector &);
    LabelSelector(LabelSelector &&) noexcept;
    LabelSelector &operator=(const LabelSelector &);
    LabelSelector &operator=(LabelSelector &&) noexcept;

    static LabelSelector everything() { return {}; }
    // Matches no object; what a null metav1.LabelSelector means (upstream Nothing()).
    static LabelSelector nothing();
    // Exact match of every pair in set (upstream SelectorFromValidatedSet); not validated.
    static LabelSelector fromSet(const Labels &set);

    // These requirements, sorted by key; not validated (use makeRequirement for that).
    static LabelSelector fromRequirements(QList<LabelRequirement> requirements);

    // labels.Parse: the string form. Errors are 400 BadRequest Status values with upstream's
    // wording, e.g. "unable to parse requirement: <nil>: Invalid value: \"-a\": name part must …".
    static Expected<LabelSelector> parse(QStringView text);
    // metav1.LabelSelectorAsSelector: {} or no terms matches everything.
    static Expected<LabelSelector> fromLabelSelectorJson(const QJsonObject &selector);
    // As above, but a JSON null or an absent value (undefined) is the null selector: nothing().
    static Expected<LabelSelector> fromLabelSelectorJson(const QJsonValue &selector);
    // One requirement, validated as upstream's NewRequirement (key, operator/value count, values).
    static Expected<LabelRequirement> makeRequirement(const QString &key, LabelRequirement::Operator op, const QStringList &values);

    bool matches(const Labels &labels) const;
    // No requirements, so it matches everything. nothing() is not empty.
    bool isEmpty() const;
    bool matchesNothing() const;
    // Sorted by key (stable), as upstream sorts after parsing.
    const QList<LabelRequirement> &requirements() const;

    // The value label must have for any object to match, when one requirement pins it
    // (=, == or in with one value); what an informer index looks up instead of scanning.
    std::optional<QString> requiresExactMatch(QStringView label) const;
    // Every label pinned that way, for index lookups keyed by several labels.
    Labels exactMatchLabels() const;

    // A copy with more requirements, re-sorted by key (upstream Selector.Add).
    LabelSelector add(const QList<LabelRequirement> &requirements) const;

    // Canonical text, sorted by key: "app=web,tier in (a,b),!canary". "" for empty and nothing.
    QString toString() const;

    friend bool operator==(const LabelSelector &a, const LabelSelector &b);

private:
    struct Data;
    explicit LabelSelector(Data *d);
    QSharedDataPointer<Data> d;
};

} // namespace kube
