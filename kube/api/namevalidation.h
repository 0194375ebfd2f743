#pragma once
// Validation of names and metadata as the Kubernetes API server does it: the format checks of
// apimachinery's pkg/util/validation and pkg/api/validate/content (qualified names, label values,
// DNS labels and subdomains, port names, IPs, CIDRs…) and the ObjectMeta checks of
// pkg/api/validation (name per kind style, generateName, namespace, labels, annotations,
// finalizers), with upstream's messages word for word, as kubectl and helm show them.
//
// The is…() checks return one message per broken rule, empty when the value is valid, as
// upstream's []string. The validate…() functions return the field errors an API server puts in
// a 422 Status (see status.h): reason FieldValueInvalid and `Invalid value: "x": <message>`, etc.
//
// Free functions on values: no state, usable from any thread. Each check costs a pass over its
// input, plus a UTF-8 conversion where upstream measures bytes; messages are built only for
// rules that fail. validateObjectMeta also parses the object's annotations.

#include "status.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace kube {

class Labels;
class Object;

namespace validation {

// ---- formats (k8s.io/apimachinery/pkg/util/validation, pkg/api/validate/content) ----------

// A label key or annotation key: optional DNS-subdomain prefix and '/', then a name of at most
// 63 bytes ("example.com/MyName"). Messages say "prefix part …" / "name part …".
QStringList isQualifiedName(QStringView value);
// Empty, or at most 63 bytes of [A-Za-z0-9] with '-', '_', '.' inside.
QStringList isValidLabelValue(QStringView value);
// RFC 1123 label, at most 63 characters: "my-name", "123-abc".
QStringList isDNS1123Label(QStringView value);
// RFC 1123 subdomain, at most 253 characters: "example.com".
QStringList isDNS1123Subdomain(QStringView value);
// RFC 1035 label, at most 63 characters, starting with a letter: "my-name", "abc-123".
QStringList isDNS1035Label(QStringView value);
// IANA service name: at most 15 characters of [-a-z0-9], one letter at least, no "--", no
// leading or trailing '-'.
QStringList isValidPortName(QStringView value);
QStringList isValidPortNum(qint64 port);
QStringList isInRange(qint64 value, qint64 min, qint64 max);
// A ConfigMap or Secret data key: [-._a-zA-Z0-9]+, at most 253 characters, not ".", "..", "..x".
QStringList isConfigMapKey(QStringView value);
// A header name Go's HTTP library accepts: [-A-Za-z0-9]+.
QStringList isHTTPHeaderName(QStringView value);
// "[0-9]+%".
QStringList isValidPercent(QStringView value);
// [A-Za-z_][A-Za-z0-9_]*.
QStringList isCIdentifier(QStringView value);
// An IP as new fields accept it (upstream IsValidIP): IPv4 or IPv6, no leading zeros, no
// IPv4-mapped IPv6, in canonical form ("2001:db8::1", not "2001:DB8:0::1").
QStringList isValidIP(QStringView value);
// A subnet as new fields accept it (upstream IsValidCIDR): as isValidIP for the address, no bits
// set beyond the prefix length, canonical form ("10.0.0.0/8", "2001:db8::/64").
QStringList isValidCIDR(QStringView value);

// A name that is one path segment of a URL or store key: not "." or "..", no '/' or '%'.
QStringList isPathSegmentName(QStringView value);
// As isPathSegmentName for a prefix that will get a suffix: only '/' and '%' are refused.
QStringList isPathSegmentPrefix(QStringView value);

// ---- names per kind (k8s.io/apimachinery/pkg/api/validation generic.go) -----------------------

// Whether the value is metadata.name itself or a generateName prefix, to which the server
// appends five random characters.
enum class NameUse { Name, GenerateNamePrefix };

// What a kind requires of its names (upstream ValidateNameFunc).
using NameValidator = QStringList (*)(QStringView name, NameUse use);

// Most kinds: a DNS subdomain (Deployments, ConfigMaps, Secrets, ServiceAccounts, CRDs…).
QStringList nameIsDNSSubdomain(QStringView name, NameUse use);
// Namespaces, Services, Pods' hostnames…: a DNS-1123 label.
QStringList nameIsDNSLabel(QStringView name, NameUse use);
QStringList nameIsDNS1035Label(QStringView name, NameUse use);
// Kinds whose names need only be a safe path segment (RBAC Roles, ClusterRoles, bindings).
QStringList nameIsPathSegment(QStringView name, NameUse use);

// For a generateName prefix: a trailing '-' on more than one character is masked so the
// prefix can pass a check that forbids it at the end. Upstream replaces the character before
// the dash too ("ab-" → "aa"); kept, so the same prefixes pass and fail as on a real server.
QString maskTrailingDash(QStringView name);

// ---- field errors (k8s.io/apimachinery/pkg/util/validation/field) -----------------------------

// Go's %q of a string, as field errors print bad values: "a\"b".
QString goQuoted(QStringView value);

// field.Invalid: reason FieldValueInvalid, message `Invalid value: "value": detail`.
StatusCause invalidCause(const QString &field, QStringView value, const QString &detail);
// One invalid cause per message, as upstream loops over an is…() result.
QList<StatusCause> invalidCauses(const QString &field, QStringView value, const QStringList &details);
// field.Required: `Required value` or `Required value: detail`.
StatusCause requiredCause(const QString &field, const QString &detail = {});
// field.Forbidden: `Forbidden: detail`.
StatusCause forbiddenCause(const QString &field, const QString &detail);
// field.TooLong: `Too long: may not be more than N bytes`.
StatusCause tooLongCause(const QString &field, qint64 maxBytes);

// ---- metadata (k8s.io/apimachinery/pkg/api/validation objectmeta.go) ---------------------------

inline constexpr qint64 TotalAnnotationSizeLimitB = 256 * 1024;

// Every key a qualified name, every value a label value; one cause per broken rule.
QList<StatusCause> validateLabels(const Labels &labels, const QString &field);
// Keys qualified names (case ignored); keys and values together at most 256 KiB.
QList<StatusCause> validateAnnotations(const Labels &annotations, const QString &field);
// Each a qualified name; "orphan" and "foregroundDeletion" not both.
QList<StatusCause> validateFinalizers(const QStringList &finalizers, const QString &field);

enum class Scope { Namespaced, Cluster };

// ValidateObjectMeta on create, after generateName has been turned into a name: generateName
// and name by nameFn, namespace present (a DNS label) or absent by scope, generation not
// negative, labels, annotations, finalizers. Owner references and managed fields are not
// checked here. fieldPath prefixes each cause's field ("metadata.name").
QList<StatusCause> validateObjectMeta(const Object &object, Scope scope, NameValidator nameFn, const QString &fieldPath = u"metadata"_qs);

} // namespace validation
} // namespace kube
