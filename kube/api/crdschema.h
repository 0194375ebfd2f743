#pragma once
// CrdSchema: what one CustomResourceDefinition (apiextensions.k8s.io/v1) contributes to the
// type registry: one KindInfo per served version and the TypeSchemas converted from each
// version's openAPIV3Schema.
//
// Type names: the root is "<group>.<version>.<Kind>" ("stable.example.com.v1.CronTab"); a nested
// object is named after its property path below the root, list and map levels being transparent
// ("stable.example.com.v1.CronTab.spec.containers"). Conversion of a structural schema:
//   object + properties → struct          object + additionalProperties → map[string]T
//   array + items → []T (x-kubernetes-list-type / list-map-keys kept)
//   string → string (format byte → bytes)  integer → int32 (format int32) or int64
//   number → double   boolean → boolean    x-kubernetes-int-or-string → IntOrString
//   x-kubernetes-preserve-unknown-fields → struct with preserveUnknownFields, or any when it has
//   no properties; x-kubernetes-embedded-resource without properties → RawExtension.
// The root always gets apiVersion, kind and metadata (meta.v1.ObjectMeta) first, as upstream.
// Printer columns are Name followed by additionalPrinterColumns, or by Age when there are none
// (kube-apiserver's CRD handler).
//
// Plain value; conversion is a pure function usable from any thread. Cost: one simdjson parse
// of the CRD plus one allocation per converted type.

#include "expected.h"
#include "kindinfo.h"
#include "object.h"
#include "typeschema.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace kube {

struct CrdSchema {
    QString name;               // metadata.name: "<plural>.<group>"
    QString group;
    QList<KindInfoPtr> kinds;   // served versions, in spec.versions order
    QList<TypeSchemaPtr> types; // every version's types, roots first
    QString storageVersion;

    // 422 Invalid (kind CustomResourceDefinition, group apiextensions.k8s.io) with one cause
    // per problem, field paths as upstream writes them:
    // "spec.versions[0].schema.openAPIV3Schema.properties[spec].type".
    static Expected<CrdSchema> fromObject(const Object &crd);
    static Expected<CrdSchema> fromJson(QByteArrayView json);
};

} // namespace kube
