#include "resourcepath.h"

#include <QUrl>

namespace kube {

namespace {
QByteArray segment(QStringView text)
{
    return QUrl::toPercentEncoding(text.toString());
}
} // namespace

QByteArray groupVersionPath(const GroupVersion &gv)
{
    if (gv.group.isEmpty())
        return "/api/" + segment(gv.version);
    return "/apis/" + segment(gv.group) + '/' + segment(gv.version);
}

QByteArray resourcePath(const GroupVersionResource &gvr, QStringView namespace_, QStringView name, QStringView subresource)
{
    QByteArray path = groupVersionPath(gvr.groupVersion());
    // The namespaces resource itself is cluster-scoped: "/api/v1/namespaces/<name>".
    if (!namespace_.isEmpty() && !(gvr.group.isEmpty() && gvr.resource == u"namespaces"))
        path += "/namespaces/" + segment(namespace_);
    path += '/' + segment(gvr.resource);
    if (!name.isEmpty())
        path += '/' + segment(name);
    if (!subresource.isEmpty())
        path += '/' + segment(subresource);
    return path;
}

QueryString &QueryString::add(QByteArrayView key, const QString &value)
{
    if (value.isEmpty())
        return *this;
    m_query += m_query.isEmpty() ? '?' : '&';
    m_query += key;
    m_query += '=';
    m_query += QUrl::toPercentEncoding(value);
    return *this;
}

} // namespace kube
