#pragma once
// RemovedApis: the API versions Kubernetes stopped serving (the upstream deprecation guide),
// each with the release that removed it and the version that replaces it. The validator
// explains a manifest that uses one; ApiVersionMigration converts the ones marked convertible.
//
// A static table; any thread. Lookups are a linear scan of ~40 entries.

#include <QList>
#include <QString>
#include <QStringView>

namespace timonel {

struct RemovedApi {
    QString apiVersion;  // "extensions/v1beta1"
    QString kind;        // "Deployment"
    QString removedIn;   // "1.16"
    QString replacement; // "apps/v1"; empty when nothing replaces it
    bool convertible = false; // ApiVersionMigration knows how to convert it
};

// The entry for a removed apiVersion and kind, or nullptr.
const RemovedApi *findRemovedApi(QStringView apiVersion, QStringView kind);
const QList<RemovedApi> &removedApis();
// "extensions/v1beta1 Deployment was removed in Kubernetes 1.16; use apps/v1." (translated)
QString removedApiExplanation(const RemovedApi &api);

} // namespace timonel
