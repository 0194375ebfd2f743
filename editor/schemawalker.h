#pragma once
// SchemaWalker: walks one YAML document's tree against a kind's TypeSchema from the type
// registry, as kube-apiserver decodes and validates a body (kube/apiserver/validation.h):
// unknown fields (unless the schema preserves them), the JSON type of every value (IntOrString
// and Quantity take strings and numbers; int32 ranges; bytes must be base64), required fields
// (absent, null, "" or [] count as missing; never below the root `status`), enum values, and
// the label keys and values of every ObjectMeta and LabelSelector. Each problem lands on the
// token it concerns.
//
// Private to ManifestValidator. Not thread-safe itself; one walker per document and call.
// Cost: one visit per node plus a registry hash lookup per struct; paths are only built as
// strings for the problems found.

#include "manifestproblem.h"
#include "yamlsourcemap.h"

#include "kube/api/typeschema.h"

#include <QJsonValue>

namespace kube {
class TypeRegistry;
}

namespace timonel {

// One step of a field path, chained to its parent on the stack; turned into text only when
// a problem is reported.
struct PathStep {
    const PathStep *parent = nullptr;
    QStringView name;  // a field or map key
    int index = -1;    // a list item
    bool mapKey = false;
    QString toString() const;
};

class SchemaWalker
{
public:
    SchemaWalker(const YamlDocument &doc, const kube::TypeRegistry &registry, QList<ManifestProblem> &out);

    // Visits the struct node (usually the document's root mapping) as typeName.
    void walkStruct(int node, const QString &typeName, const PathStep *path, bool isRoot);

    // Duplicate keys in every mapping of the document (the YAML reader refuses them).
    void findDuplicateKeys();

    void report(int node, ProblemSeverity severity, ProblemKind kind, const QString &message, const PathStep *path);
    void reportAt(const SourceRange &range, ProblemSeverity severity, ProblemKind kind, const QString &message,
                  const QString &path);

private:
    void walkStructAt(int node, const QString &typeName, const PathStep *path, bool isRoot, bool underStatus, int depth);
    void walkValue(int node, const kube::FieldType &type, const QStringList &enumValues, const PathStep *path,
                   bool underStatus, int depth);
    void checkScalar(int node, const kube::FieldType &type, const QStringList &enumValues, const PathStep *path);
    void checkRequired(int node, const kube::TypeSchema &type, const PathStep *path, bool isRoot, bool underStatus,
                       const QStringList &misspelled);
    void checkLabels(int mapNode, const PathStep *path, bool checkValues);
    // Returns the declared field the unknown one is probably a misspelling of, or "".
    QString unknownField(int keyNode, const kube::TypeSchema &type, const PathStep *path);
    void wrongType(int node, const kube::FieldType &type, const PathStep *path);

    const YamlDocument &m_doc;
    const kube::TypeRegistry &m_registry;
    QList<ManifestProblem> &m_out;
};

// Levenshtein distance ignoring case; 99 for names longer than 64 characters.
int editDistance(QStringView a, QStringView b);

// A value as JSON (for selectors and custom resource definitions found in the text).
QJsonValue yamlNodeToJson(const YamlDocument &doc, int node, int depth = 0);

} // namespace timonel
