#pragma once
// Validation of the objects a write carries, driven by the type registry, answered as
// kube-apiserver answers (k8s.io/apiserver endpoints/handlers and each kind's validation):
//
//  1. Decoding checks (checkDecoding), on the body as sent, before defaulting: every field must
//     be declared by the kind's schema and hold the right JSON type. Unknown fields are
//     removed (upstream's typed decoding drops them; custom resources keep them below
//     x-kubernetes-preserve-unknown-fields) and reported per fieldValidation:
//       Strict → 400 `<Kind> in version "<v>" cannot be handled as a <Kind>: strict decoding
//                error: unknown field "spec.foo", unknown field "…"`;
//       Warn (the default when the parameter is absent) → accepted, one Warning header each;
//       Ignore → accepted silently.
//     Duplicate member names in a JSON body are answered the same way (`duplicate field
//     "spec.paused"`, last value wins), listed with the unknown fields in document order; a
//     name both unknown and repeated is reported as unknown only, as upstream does for typed
//     kinds. YAML bodies with a repeated key are refused by the YAML reader whatever the
//     directive (kube/api/yaml.h): a known gap, upstream accepts them under Warn and Ignore.
//     A wrong type is a 400 with Go's json wording for built-in kinds (they decode into Go
//     structs), and a 422 with one cause per field for custom resources (they are validated
//     against their OpenAPI schema), whatever the directive says.
//  2. Value validation (validateObject), after defaulting: metadata (name per kind, labels,
//     annotations, finalizers), required fields, enum values, Quantity and IntOrString
//     values, then the per-kind rules of validationrules.cpp. Custom resources skip the
//     registry-driven part: their CRD's schema is checked instead (crdvalidation.h). Every problem is one cause of a
//     422 Invalid Status, field paths as upstream writes them ("spec.template.spec.containers[0].image").
//
// `required` policy: the registry's required markers are enforced everywhere except below the
// root `status` (controllers write status; upstream validates little of it). A required value
// counts as missing when absent, null, "" or []; numbers and booleans only when absent.
//
// Pure functions over JSON trees; any thread. Cost: one walk of the object per phase, plus
// a schema lookup (hash) per struct visited. Recursion is bounded by kMaxValidationDepth.

#include "kube/api/expected.h"
#include "kube/api/namevalidation.h"
#include "kube/api/status.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace kube {

struct KindInfo;
class TypeRegistry;

inline constexpr int kMaxValidationDepth = 64;

enum class FieldValidation { Ignore, Warn, Strict };

// The fieldValidation query parameter; empty means Warn. Anything else: 422 Invalid on the
// options kind ("CreateOptions", "UpdateOptions", "PatchOptions"), as upstream.
Expected<FieldValidation> parseFieldValidation(const QString &value, const QString &optionsKind);

struct DecodingFindings {
    QStringList unknownFields;     // "spec.foo", "spec.template.spec.containers[0].bar"
    QString typeError;             // built-in kinds: the first mismatch, Go's json wording
    QList<StatusCause> typeCauses; // custom resources: one per mismatch
    QList<QPair<qsizetype, QString>> duplicateFields; // (offset in the body, path)
    QHash<QString, qsizetype> fieldOffsets;           // where each path first appears in the body
    QStringList yamlDuplicates; // YAML bodies: `line N: key "k" already set in map` (scanYamlKeys)
};

// Fills findings' duplicateFields and fieldOffsets from the raw JSON body (jsonduplicates.h).
void findDuplicateFields(QByteArrayView jsonBody, DecodingFindings &findings);

// Walks the object against its kind's schema, removing unknown fields and recording them and
// any type mismatches.
DecodingFindings findDecodingProblems(QJsonObject &object, const KindInfo &kind, const TypeRegistry &registry);

// The answer to the findings: an error Status, or success with `warnings` appended to.
Status decodingStatus(const DecodingFindings &findings, const KindInfo &kind, FieldValidation directive,
                      QStringList *warnings);

// findDecodingProblems + decodingStatus.
Status checkDecoding(QJsonObject &object, const KindInfo &kind, const TypeRegistry &registry,
                     FieldValidation directive, QStringList *warnings);

// Every cause that makes the object invalid; empty when valid. old: the stored object on
// update (immutable fields), null on create.
QList<StatusCause> validateObject(const QJsonObject &object, const KindInfo &kind, const TypeRegistry &registry,
                                  const QJsonObject *old = nullptr);

// validateObject as a Status: success, or 422 `<Kind>.<group> "<name>" is invalid: …`.
Status validationStatus(const QJsonObject &object, const KindInfo &kind, const TypeRegistry &registry,
                        const QJsonObject *old = nullptr);

// What a kind requires of metadata.name (the table is in validationrules.cpp).
validation::NameValidator nameValidatorFor(const KindInfo &kind);

// The per-kind rules data cannot express (validationrules.cpp).
QList<StatusCause> validateKindRules(const QJsonObject &object, const KindInfo &kind, const QJsonObject *old);

// Go's rendering of a value in field errors: 5, true, "text", map[string]string{"a":"b"}.
QString goValue(const QJsonValue &value);

} // namespace kube
