#pragma once
// RequestInfo: what a request path means to the API — the prefix, group, version, namespace,
// resource, name, subresource and verb — decoded exactly as kube-apiserver's
// RequestInfoFactory does, so authorisation, routing and audit agree with upstream.
// Plain value type; parse() is pure and usable from any thread.

#include <QString>
#include <QStringList>

class QUrlQuery;

namespace kube {

struct RequestInfo {
    bool isResourceRequest = false;
    QString path;
    // Lower-case verb: get, list, watch, create, update, patch, delete, deletecollection, proxy;
    // for non-resource requests the lower-case HTTP method.
    QString verb;
    QString apiPrefix;   // "api" or "apis"
    QString apiGroup;    // "" for the core group
    QString apiVersion;
    QString namespace_;
    QString resource;
    QString subresource;
    QString name;
    QStringList parts;   // resource/name/subresource/… as upstream keeps them

    // Parses a request. method is the HTTP method ("GET", …); query the decoded URL query.
    // Returns false (with *error set) only for paths upstream rejects as malformed
    // ("/api/v1/watch" without a resource).
    static bool parse(QStringView method, QStringView path, const QUrlQuery &query, RequestInfo *info, QString *error = nullptr);
};

// Go's strconv.ParseBool, which query parameters such as watch= use: 1 t T TRUE true True.
bool parseGoBool(QStringView text, bool *ok = nullptr);

} // namespace kube
