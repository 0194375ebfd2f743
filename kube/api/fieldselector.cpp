#include "fieldselector.h"

#include "object.h"

#include <QSharedData>

#include <algorithm>

namespace kube {

struct FieldSelector::Data : QSharedData {
    QList<FieldRequirement> requirements;
    bool nothing = false;
};

FieldSelector::FieldSelector() = default;
FieldSelector::~FieldSelector() = default;
FieldSelector::FieldSelector(const FieldSelector &) = default;
FieldSelector::FieldSelector(FieldSelector &&) noexcept = default;
FieldSelector &FieldSelector::operator=(const FieldSelector &) = default;
FieldSelector &FieldSelector::operator=(FieldSelector &&) noexcept = default;
FieldSelector::FieldSelector(Data *data) : d(data) {}

FieldSelector FieldSelector::nothing()
{
    auto *data = new Data;
    data->nothing = true;
    return FieldSelector(data);
}

FieldSelector FieldSelector::oneTermEqual(const QString &field, const QString &value)
{
    auto *data = new Data;
    data->requirements.append({field, FieldRequirement::Operator::Equals, value});
    return FieldSelector(data);
}

QString FieldSelector::escapeValue(QStringView value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == u'\\' || c == u',' || c == u'=')
            out += u'\\';
        out += c;
    }
    return out;
}

Expected<QString> FieldSelector::unescapeValue(QStringView escaped)
{
    QString out;
    out.reserve(escaped.size());
    bool inSlash = false;
    for (QChar c : escaped) {
        if (inSlash) {
            if (c != u'\\' && c != u',' && c != u'=')
                return Status::badRequest(u"invalid field selector: invalid escape sequence: \\"_qs + c);
            out += c;
            inSlash = false;
            continue;
        }
        if (c == u'\\') {
            inSlash = true;
            continue;
        }
        if (c == u',' || c == u'=') // upstream prints the rune as a number
            return Status::badRequest(u"invalid field selector: unescaped character in value: %1"_qs.arg(c.unicode()));
        out += c;
    }
    if (inSlash)
        return Status::badRequest(u"invalid field selector: invalid escape sequence: \\"_qs);
    return out;
}

namespace {

// Splits on commas that are not backslash-escaped; the terms keep their escapes.
QList<QStringView> splitTerms(QStringView text)
{
    QList<QStringView> terms;
    if (text.isEmpty())
        return terms;
    qsizetype start = 0;
    bool inSlash = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (inSlash)
            inSlash = false;
        else if (text[i] == u'\\')
            inSlash = true;
        else if (text[i] == u',') {
            terms.append(text.mid(start, i - start));
            start = i + 1;
        }
    }
    terms.append(text.mid(start));
    return terms;
}

struct Term {
    QStringView lhs;
    QStringView op;
    QStringView rhs;
};

// The first operator occurrence splits the term; the field itself has no escaping. "!=" and
// "==" are tried before "=" so no stray character is left on either side.
std::optional<Term> splitTerm(QStringView term)
{
    static const QStringView ops[] = {u"!=", u"==", u"="};
    for (qsizetype i = 0; i < term.size(); ++i) {
        const QStringView rest = term.mid(i);
        for (QStringView op : ops) {
            if (rest.startsWith(op))
                return Term{term.left(i), op, rest.mid(op.size())};
        }
    }
    return std::nullopt;
}

} // namespace

Expected<FieldSelector> FieldSelector::parse(QStringView text)
{
    QList<QStringView> terms = splitTerms(text);
    std::sort(terms.begin(), terms.end()); // upstream sorts the raw terms
    QList<FieldRequirement> reqs;
    for (QStringView term : terms) {
        if (term.isEmpty())
            continue;
        const std::optional<Term> t = splitTerm(term);
        if (!t)
            return Status::badRequest(u"invalid selector: '%1'; can't understand '%2'"_qs.arg(text, term));
        Expected<QString> value = unescapeValue(t->rhs);
        if (!value)
            return value.error();
        // A term with neither field nor value ("=") selects nothing in particular: dropped.
        if (t->lhs.isEmpty() && value->isEmpty())
            continue;
        const auto op = t->op == u"!=" ? FieldRequirement::Operator::NotEquals : FieldRequirement::Operator::Equals;
        reqs.append({t->lhs.toString(), op, *value});
    }
    if (reqs.isEmpty())
        return FieldSelector();
    auto *data = new Data;
    data->requirements = std::move(reqs);
    return FieldSelector(data);
}

bool FieldSelector::matches(const FieldGetter &getter) const
{
    if (!d)
        return true;
    if (d->nothing)
        return false;
    for (const FieldRequirement &r : d->requirements) {
        const QString have = getter(r.field).value_or(QString());
        const bool equal = have == r.value;
        if (equal != (r.op == FieldRequirement::Operator::Equals))
            return false;
    }
    return true;
}

bool FieldSelector::matches(const Object &object) const
{
    return matches([&object](QStringView field) { return object.scalarAt(field); });
}

bool FieldSelector::isEmpty() const
{
    return !d || (!d->nothing && d->requirements.isEmpty());
}

bool FieldSelector::matchesNothing() const
{
    return d && d->nothing;
}

const QList<FieldRequirement> &FieldSelector::requirements() const
{
    static const QList<FieldRequirement> none;
    return d ? d->requirements : none;
}

std::optional<QString> FieldSelector::requiresExactMatch(QStringView field) const
{
    for (const FieldRequirement &r : requirements()) {
        if (r.field == field && r.op == FieldRequirement::Operator::Equals)
            return r.value;
    }
    return std::nullopt;
}

Status FieldSelector::checkSupported(const QStringList &supportedFields) const
{
    for (const FieldRequirement &r : requirements()) {
        if (r.field == u"metadata.name" || r.field == u"metadata.namespace" || supportedFields.contains(r.field))
            continue;
        return Status::badRequest(u"field label not supported: "_qs + r.field);
    }
    return Status();
}

QString FieldSelector::toString() const
{
    QStringList parts;
    for (const FieldRequirement &r : requirements())
        parts.append(r.field + (r.op == FieldRequirement::Operator::Equals ? u"="_qs : u"!="_qs) + escapeValue(r.value));
    return parts.join(u',');
}

bool operator==(const FieldSelector &a, const FieldSelector &b)
{
    return a.matchesNothing() == b.matchesNothing() && a.requirements() == b.requirements();
}

} // namespace kube
