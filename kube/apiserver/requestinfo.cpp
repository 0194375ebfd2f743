#include "requestinfo.h"

#include <QUrlQuery>

namespace kube {

bool parseGoBool(QStringView text, bool *ok)
{
    static const QStringList truthy{u"1"_qs, u"t"_qs, u"T"_qs, u"TRUE"_qs, u"true"_qs, u"True"_qs};
    static const QStringList falsy{u"0"_qs, u"f"_qs, u"F"_qs, u"FALSE"_qs, u"false"_qs, u"False"_qs};
    if (ok)
        *ok = true;
    for (const QString &t : truthy) {
        if (text == t)
            return true;
    }
    for (const QString &f : falsy) {
        if (text == f)
            return false;
    }
    if (ok)
        *ok = false;
    return false;
}

namespace {

QString verbForMethod(QStringView method)
{
    if (method == u"POST")
        return u"create"_qs;
    if (method == u"GET" || method == u"HEAD")
        return u"get"_qs;
    if (method == u"PUT")
        return u"update"_qs;
    if (method == u"PATCH")
        return u"patch"_qs;
    if (method == u"DELETE")
        return u"delete"_qs;
    return QString();
}

// metadata.name=<x> (or ==) when the field selector pins exactly one name; empty otherwise.
QString exactNameFromFieldSelector(const QString &selector)
{
    for (const QString &term : selector.split(u',', Qt::SkipEmptyParts)) {
        for (QStringView op : {u"==", u"="}) {
            const QString prefix = u"metadata.name"_qs + op.toString();
            if (term.startsWith(prefix) && !term.contains(u"!="))
                return term.mid(prefix.size());
        }
    }
    return QString();
}

bool isValidPathSegmentName(const QString &name)
{
    return name != u"." && name != u".." && !name.contains(u'/') && !name.contains(u'%');
}

} // namespace

bool RequestInfo::parse(QStringView method, QStringView path, const QUrlQuery &query, RequestInfo *info, QString *error)
{
    *info = RequestInfo();
    info->path = path.toString();
    info->verb = method.toString().toLower();

    QStringList parts = info->path.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() < 3 || (parts[0] != u"api" && parts[0] != u"apis"))
        return true; // non-resource: /version, /healthz, /api, /api/v1, /apis/apps/v1, /openapi/v3…

    info->apiPrefix = parts.takeFirst();
    if (info->apiPrefix == u"apis") {
        if (parts.size() < 3)
            return true; // /apis/<group>/<version>: discovery
        info->apiGroup = parts.takeFirst();
    }
    info->isResourceRequest = true;
    info->apiVersion = parts.takeFirst();

    if (!parts.isEmpty() && (parts[0] == u"watch" || parts[0] == u"proxy")) {
        if (parts.size() < 2) {
            if (error)
                *error = u"unable to determine kind and namespace from url, %1"_qs.arg(info->path);
            return false;
        }
        info->verb = parts.takeFirst();
    } else {
        info->verb = verbForMethod(method);
    }

    if (!parts.isEmpty() && parts[0] == u"namespaces") {
        if (parts.size() > 1) {
            info->namespace_ = parts[1];
            // /namespaces/<ns>/status and /finalize are subresources of the namespace itself.
            if (parts.size() > 2 && parts[2] != u"status" && parts[2] != u"finalize")
                parts = parts.mid(2);
        }
    }
    info->parts = parts;
    if (parts.size() >= 3 && info->verb != u"proxy")
        info->subresource = parts[2];
    if (parts.size() >= 2)
        info->name = parts[1];
    if (parts.size() >= 1)
        info->resource = parts[0];

    if (info->name.isEmpty() && info->verb == u"get") {
        const bool watch = parseGoBool(query.queryItemValue(u"watch"_qs, QUrl::FullyDecoded));
        info->verb = watch ? u"watch"_qs : u"list"_qs;
        const QString name = exactNameFromFieldSelector(query.queryItemValue(u"fieldSelector"_qs, QUrl::FullyDecoded));
        if (!name.isEmpty() && isValidPathSegmentName(name))
            info->name = name;
    }
    if (info->name.isEmpty() && info->verb == u"delete")
        info->verb = u"deletecollection"_qs;
    return true;
}

} // namespace kube
