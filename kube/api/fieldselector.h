#pragma once
// FieldSelector: the field query of list/watch requests (`?fieldSelector=metadata.name=web,
// status.phase!=Running`), with the grammar, escaping, error wording and String() of
// apimachinery's pkg/fields. Only `=`, `==` and `!=` exist; terms are ANDed. A field the object
// lacks compares as the empty string, as upstream's field sets do.
//
// Value type, implicitly shared; immutable after construction, so usable from any thread.
// Matching against an Object costs one parse of its bytes per requirement.

#include "expected.h"

#include <QList>
#include <QSharedDataPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace kube {

class Object;

struct FieldRequirement {
    enum class Operator { Equals, NotEquals }; // "==" parses as Equals, as upstream
    QString field;
    Operator op = Operator::Equals;
    QString value; // unescaped
    friend bool operator==(const FieldRequirement &, const FieldRequirement &) = default;
};

class FieldSelector
{
public:
    // The empty selector: matches everything (upstream Everything()).
    FieldSelector();
    ~FieldSelector();
    FieldSelector(const FieldSelector &);
    FieldSelector(FieldSelector &&) noexcept;
    FieldSelector &operator=(const FieldSelector &);
    FieldSelector &operator=(FieldSelector &&) noexcept;

    static FieldSelector everything() { return {}; }
    static FieldSelector nothing();
    // field=value with no parsing (upstream OneTermEqualSelector).
    static FieldSelector oneTermEqual(const QString &field, const QString &value);

    // fields.ParseSelector. Errors are 400 BadRequest Status values with upstream's wording,
    // e.g. "invalid selector: 'a'; can't understand 'a'".
    static Expected<FieldSelector> parse(QStringView text);

    // Returns the value of a field, nullopt when the object has none (compared as "").
    using FieldGetter = std::function<std::optional<QString>(QStringView field)>;
    bool matches(const FieldGetter &getter) const;
    // Reads fields with Object::scalarAt(); the caller should first checkSupported() the
    // fields against what the kind allows.
    bool matches(const Object &object) const;

    bool isEmpty() const;
    bool matchesNothing() const;
    // In upstream's order: sorted by the terms' text.
    const QList<FieldRequirement> &requirements() const;

    // The value field must have when a `=` term pins it: the metadata.name / metadata.namespace
    // fast paths of stores and caches.
    std::optional<QString> requiresExactMatch(QStringView field) const;

    // 400 "field label not supported: x" for the first field outside supportedFields;
    // metadata.name and metadata.namespace are supported for every kind, as upstream.
    Status checkSupported(const QStringList &supportedFields) const;

    // "a=b,c!=d" with values escaped; "" for empty and nothing.
    QString toString() const;

    // Backslash-escapes `\`, `,` and `=` (upstream EscapeValue) and the reverse.
    static QString escapeValue(QStringView value);
    static Expected<QString> unescapeValue(QStringView escaped);

    friend bool operator==(const FieldSelector &a, const FieldSelector &b);

private:
    struct Data;
    explicit FieldSelector(Data *d);
    QSharedDataPointer<Data> d;
};

} // namespace kube
