#include "nodeselector.h"

#include <QJsonValue>

#include <optional>

namespace kube::scheduler {

namespace {

using Op = LabelRequirement::Operator;

std::optional<Op> operatorOf(const QString &text)
{
    if (text == u"In")
        return Op::In;
    if (text == u"NotIn")
        return Op::NotIn;
    if (text == u"Exists")
        return Op::Exists;
    if (text == u"DoesNotExist")
        return Op::DoesNotExist;
    if (text == u"Gt")
        return Op::GreaterThan;
    if (text == u"Lt")
        return Op::LessThan;
    return std::nullopt;
}

// Parses requirements into out; false when one cannot be understood, which makes the whole term
// match nothing (upstream turns the parse error into "no match").
bool parseRequirements(const QJsonArray &array, QList<LabelRequirement> *out)
{
    for (const QJsonValue &v : array) {
        const QJsonObject r = v.toObject();
        const auto op = operatorOf(r.value(u"operator").toString());
        if (!op)
            return false;
        LabelRequirement req;
        req.key = r.value(u"key").toString();
        req.op = *op;
        for (const QJsonValue &value : r.value(u"values").toArray())
            req.values.append(value.toString());
        out->append(std::move(req));
    }
    return true;
}

} // namespace

bool NodeSelectorTerm::matches(const Labels &nodeLabels, const QString &nodeName) const
{
    if (!valid || (matchExpressions.isEmpty() && matchFields.isEmpty()))
        return false;
    for (const LabelRequirement &r : matchExpressions) {
        if (!r.matches(nodeLabels))
            return false;
    }
    if (matchFields.isEmpty())
        return true;
    const Labels fields{{u"metadata.name"_qs, nodeName}};
    for (const LabelRequirement &r : matchFields) {
        if (!r.matches(fields))
            return false;
    }
    return true;
}

NodeSelectorTerm NodeSelectorTerm::fromJson(const QJsonObject &term)
{
    NodeSelectorTerm t;
    t.valid = parseRequirements(term.value(u"matchExpressions").toArray(), &t.matchExpressions)
        && parseRequirements(term.value(u"matchFields").toArray(), &t.matchFields);
    for (const LabelRequirement &r : std::as_const(t.matchFields)) {
        // Only metadata.name with In/NotIn is a supported field requirement.
        if (r.key != u"metadata.name" || (r.op != Op::In && r.op != Op::NotIn))
            t.valid = false;
    }
    return t;
}

bool NodeSelector::matches(const Labels &nodeLabels, const QString &nodeName) const
{
    for (const NodeSelectorTerm &t : terms) {
        if (t.matches(nodeLabels, nodeName))
            return true;
    }
    return false;
}

NodeSelector NodeSelector::fromJson(const QJsonObject &selector)
{
    NodeSelector s;
    for (const QJsonValue &v : selector.value(u"nodeSelectorTerms").toArray())
        s.terms.append(NodeSelectorTerm::fromJson(v.toObject()));
    return s;
}

QList<PreferredSchedulingTerm> PreferredSchedulingTerm::listFromJson(const QJsonArray &terms)
{
    QList<PreferredSchedulingTerm> out;
    for (const QJsonValue &v : terms) {
        const QJsonObject t = v.toObject();
        const int weight = t.value(u"weight").toInt();
        if (weight == 0) // upstream skips weightless terms
            continue;
        out.append({weight, NodeSelectorTerm::fromJson(t.value(u"preference").toObject())});
    }
    return out;
}

} // namespace kube::scheduler
