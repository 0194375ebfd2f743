#pragma once
// ManifestValidator: what is wrong with a text of one or more Kubernetes manifests, found while
// the user types — YAML syntax (line and column from the parser), missing apiVersion or kind,
// kinds and versions nothing serves, removed API versions (with the upstream explanation and
// the replacement), then, against the kind's schema from the type registry or a custom
// resource's CRD: unknown fields (with a "did you mean" for near misses), wrong JSON types,
// required fields, enum values, metadata.name (unless generateName) and the name rules of the
// kind, label keys and values, base64 data, quantities, and a workload's selector against its
// template labels. The rules follow kube-apiserver's decoding and validation
// (kube/apiserver/validation.h), so what the editor accepts the server accepts.
//
// Custom resources: addCustomResource() with each CustomResourceDefinition the cluster serves;
// CRDs defined earlier in the same text are honoured for the documents after them. Kinds of
// groups nobody described get a warning, not an error (a CRD may exist on the cluster).
// `kind: List` (v1) documents are checked item by item.
//
// Thread safety: validate() is const and reentrant, so a worker thread may run it while the
// GUI thread edits; addCustomResource() must not run concurrently with validate().
// Cost: one YAML parse plus one walk; a 2,000-line manifest takes a few milliseconds
// (bench_editor).

#include "manifestproblem.h"

#include <QList>
#include <QString>

#include <memory>

namespace kube {
class Object;
class Status;
class TypeRegistry;
}

namespace timonel {

class YamlSourceMap;

class ManifestValidator
{
public:
    // registry must outlive the validator (TypeRegistry::builtin() does).
    explicit ManifestValidator(const kube::TypeRegistry &registry);
    ManifestValidator(); // the built-in kinds
    ~ManifestValidator();
    ManifestValidator(const ManifestValidator &) = delete;
    ManifestValidator &operator=(const ManifestValidator &) = delete;

    // Serves the kinds of a CustomResourceDefinition from now on (the validator keeps its own
    // copy of the registry). An error Status when the CRD is malformed.
    kube::Status addCustomResource(const kube::Object &crd);

    // The problems of every document, in document order then position.
    QList<ManifestProblem> validate(const QString &text) const;
    QList<ManifestProblem> validate(const YamlSourceMap &map) const;

    const kube::TypeRegistry &registry() const { return *m_registry; }

private:
    const kube::TypeRegistry *m_registry;
    std::unique_ptr<kube::TypeRegistry> m_owned; // with custom resources added
};

} // namespace timonel
