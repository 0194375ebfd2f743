#include "patchtype.h"

#include "typeregistry.h"

#include <QStringList>

namespace kube {

std::optional<PatchType> patchTypeFromContentType(QStringView header)
{
    const qsizetype semicolon = header.indexOf(u';');
    const QStringView type = (semicolon < 0 ? header : header.left(semicolon)).trimmed();
    for (PatchType t : {PatchType::Json, PatchType::Merge, PatchType::StrategicMerge, PatchType::ApplyYaml}) {
        if (type.compare(contentType(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

QString contentType(PatchType type)
{
    switch (type) {
    case PatchType::Json: return u"application/json-patch+json"_qs;
    case PatchType::Merge: return u"application/merge-patch+json"_qs;
    case PatchType::StrategicMerge: return u"application/strategic-merge-patch+json"_qs;
    case PatchType::ApplyYaml: return u"application/apply-patch+yaml"_qs;
    }
    return QString();
}

QList<PatchType> acceptedPatchTypes(const KindInfo &kind)
{
    if (kind.isCustom)
        return {PatchType::Json, PatchType::Merge, PatchType::ApplyYaml};
    return {PatchType::Json, PatchType::Merge, PatchType::StrategicMerge, PatchType::ApplyYaml};
}

bool acceptsPatchType(const KindInfo &kind, PatchType type)
{
    return acceptedPatchTypes(kind).contains(type);
}

Status unsupportedPatchType(const QList<PatchType> &accepted)
{
    QStringList names;
    for (PatchType t : accepted)
        names << contentType(t);
    return Status(415, QString::fromLatin1(reason::UnsupportedMediaType),
                  u"the body of the request was in an unknown format - accepted media types include: "_qs + names.join(u", "_qs));
}

} // namespace kube
