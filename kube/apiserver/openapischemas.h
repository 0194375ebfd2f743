#pragma once
// The components.schemas part of kube-apiserver's OpenAPI v3 documents, derived from the type
// registry and named like upstream's Go packages ("apps.v1.Deployment" →
// "io.k8s.api.apps.v1.Deployment", "meta.v1.ObjectMeta" →
// "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "apiextensions.v1.JSONSchemaProps" →
// "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps").
//
// Shapes follow kube-openapi's v3 output: structs are objects with properties and required
// lists; a reference that carries a description or default is wrapped as {"allOf":[{"$ref"}]};
// lists and maps keep their x-kubernetes-* extensions; root kinds and their <Kind>List carry
// x-kubernetes-group-version-kind (what kubectl explain and validation look schemas up by).
// The wrapper types keep upstream's models: Quantity is oneOf string/number, IntOrString is
// oneOf integer/string with format int-or-string, Time and MicroTime are date-time strings.
// Custom resources are emitted as upstream's CRD handler does: one component per kind named
// after the reversed group ("com.example.stable.v1.CronTab"), nested objects inline.
//
// Thread affinity: none; a builder is used by one thread for one build pass and caches every
// component it converts, so documents built in the same pass share the work. Cost: one walk of
// each reachable type; the built-in API converts in a few milliseconds.

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSharedPointer>
#include <QString>

namespace kube {

class TypeRegistry;
struct KindInfo;
struct FieldSchema;
struct FieldType;
struct TypeSchema;

// Upstream's component name for one of our built-in type names (see above).
QString openApiComponentName(QStringView typeName);
// The component name of a kind's object and of its list ("io.k8s.api.apps.v1.DeploymentList";
// custom resources: "com.example.stable.v1.CronTab", "com.example.stable.v1.CronTabList").
QString openApiKindComponent(const KindInfo &kind);
QString openApiListComponent(const KindInfo &kind);
// {"$ref": "#/components/schemas/<name>"}
QJsonObject openApiRef(const QString &componentName);
// The models the registry does not describe, by component name: the wrappers (Quantity,
// IntOrString, Time, MicroTime, Duration, RawExtension, FieldsV1, JSON), Patch, and the
// discovery types (APIResourceList, APIGroup, APIGroupList, APIVersions, version.Info, …).
// openapimodels.cpp; parsed once, immutable, any thread.
const QJsonObject &openApiFixedModels();
// Appends the component name of every "#/components/schemas/…" reference below `value`.
void openApiCollectRefs(const QJsonValue &value, QStringList &out);

class OpenApiSchemaBuilder
{
public:
    // The registry must outlive the builder.
    explicit OpenApiSchemaBuilder(const TypeRegistry &registry);

    // Whether a component of that name can be produced (a registry type, a kind's list, one
    // of the fixed apimachinery models, or a custom kind).
    bool hasComponent(const QString &componentName) const;
    // The components a document needs: the named seeds plus every component they reach
    // through "$ref", each converted once per builder. Unknown names are left out.
    QJsonObject closure(const QStringList &seeds);

private:
    QJsonObject component(const QString &name);
    QJsonObject build(const QString &name) const;
    QJsonObject typeSchema(const TypeSchema &type, bool custom) const;
    QJsonObject fieldSchema(const FieldSchema &field, bool custom) const;
    QJsonObject valueSchema(const FieldType &type, bool custom) const;
    QJsonObject listSchema(const KindInfo &kind) const;

    const TypeRegistry &m_registry;
    QHash<QString, const KindInfo *> m_customRoots; // component name → custom kind
    QHash<QString, const KindInfo *> m_lists;       // list component name → kind
    QHash<QString, QJsonArray> m_gvks;              // component name → x-kubernetes-group-version-kind
    QHash<QString, QJsonObject> m_done;             // converted components
    QList<QSharedPointer<const KindInfo>> m_kinds;  // keeps the KindInfo pointers above alive
};

} // namespace kube
