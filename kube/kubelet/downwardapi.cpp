// PodContext::fieldValue: the downward API an env var's valueFrom.fieldRef reads, as the
// kubelet resolves it (pkg/fieldpath): metadata, labels and annotations by key, the node, the
// service account and the IPs.
#include "containersimulation.h"

#include <QRegularExpression>

namespace kube::kubelet {

std::optional<QString> PodContext::fieldValue(const QString &fieldPath) const
{
    // metadata.labels['key'] / metadata.annotations['key']
    static const QRegularExpression keyed(QStringLiteral("^metadata\\.(labels|annotations)\\['([^']+)'\\]$"));
    const QRegularExpressionMatch m = keyed.match(fieldPath);
    if (m.hasMatch()) {
        const QJsonObject &map = m.captured(1) == QLatin1String("labels") ? labels : annotations;
        return map.value(m.captured(2)).toString();
    }
    if (fieldPath == QLatin1String("metadata.name"))
        return name;
    if (fieldPath == QLatin1String("metadata.namespace"))
        return namespace_;
    if (fieldPath == QLatin1String("metadata.uid"))
        return uid;
    if (fieldPath == QLatin1String("spec.nodeName"))
        return nodeName;
    if (fieldPath == QLatin1String("spec.serviceAccountName"))
        return serviceAccountName;
    if (fieldPath == QLatin1String("status.podIP") || fieldPath == QLatin1String("status.podIPs"))
        return podIP;
    if (fieldPath == QLatin1String("status.hostIP") || fieldPath == QLatin1String("status.hostIPs"))
        return hostIP;
    return std::nullopt;
}

} // namespace kube::kubelet
