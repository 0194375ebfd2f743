#pragma once
// NodeSelector: the node affinity grammar of core/v1 (NodeSelectorTerm with matchExpressions
// over node labels and matchFields over metadata.name; terms ORed, requirements ANDed) and
// PreferredSchedulingTerm, matched as upstream's component-helpers nodeaffinity package does.
//
// Plain value types; immutable after parsing; usable from any thread. Matching costs one sorted
// label lookup per requirement.

#include "kube/api/labels.h"
#include "kube/api/labelselector.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace kube::scheduler {

struct NodeSelectorTerm {
    QList<LabelRequirement> matchExpressions; // over node labels: In, NotIn, Exists, DoesNotExist, Gt, Lt
    QList<LabelRequirement> matchFields;      // over {metadata.name}: In, NotIn
    bool valid = true;                        // false when an operator or field is unknown: matches nothing

    // An empty term matches no node, as upstream.
    bool matches(const Labels &nodeLabels, const QString &nodeName) const;
    static NodeSelectorTerm fromJson(const QJsonObject &term);
};

// requiredDuringSchedulingIgnoredDuringExecution: the node must match one of the terms.
struct NodeSelector {
    QList<NodeSelectorTerm> terms;
    bool matches(const Labels &nodeLabels, const QString &nodeName) const;
    static NodeSelector fromJson(const QJsonObject &selector);
};

// preferredDuringSchedulingIgnoredDuringExecution: weight 1-100 added when the term matches.
struct PreferredSchedulingTerm {
    int weight = 0;
    NodeSelectorTerm preference;
    static QList<PreferredSchedulingTerm> listFromJson(const QJsonArray &terms);
};

} // namespace kube::scheduler
