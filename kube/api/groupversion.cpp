#include "groupversion.h"

namespace kube {

GroupVersion GroupVersion::fromApiVersion(QStringView apiVersion)
{
    const qsizetype slash = apiVersion.indexOf(u'/');
    if (slash < 0)
        return {QString(), apiVersion.toString()};
    return {apiVersion.left(slash).toString(), apiVersion.mid(slash + 1).toString()};
}

QString GroupVersionKind::toString() const
{
    return apiVersion() + QStringLiteral(", Kind=") + kind;
}

} // namespace kube
