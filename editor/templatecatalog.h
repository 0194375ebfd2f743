#pragma once
// TemplateCatalog: the starter manifests "New from template" offers — Deployment, Service,
// ConfigMap, Secret, Job, CronJob, Ingress, PersistentVolumeClaim, Pod — compiled in as Qt
// resources (editor/templates/*.yaml), each with a translated name and description. Every
// template is a valid manifest named "my-app"; instantiate() renames it (labels, selectors
// and references follow) and may set its namespace.
//
// Static data; any thread. Cost: instantiate() reads one resource and replaces text.

#include <QList>
#include <QString>

namespace timonel {

struct ManifestTemplate {
    QString id;          // "deployment"
    QString name;        // "Deployment" (translated)
    QString description; // one sentence (translated)
};

class TemplateCatalog
{
public:
    static QList<ManifestTemplate> templates();
    // The template's text as shipped; empty for an unknown id.
    static QString text(const QString &id);
    // The template named name (and in namespace ns when not empty).
    static QString instantiate(const QString &id, const QString &name, const QString &ns = {});
};

} // namespace timonel
