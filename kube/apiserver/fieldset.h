#pragma once
// FieldSet: the fields one manager owns, as server-side apply tracks them in
// metadata.managedFields (fieldsType FieldsV1). A path is a list of FieldsV1 keys:
// "f:<field>" for struct and map members, "k:{…}" for an item of a keyed list,
// "v:<json>" for an item of a set of scalars. Building a set from an applied configuration
// follows the registry's list types and merge keys, as structured-merge-diff does.
// Value type; any thread.

#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QStringList>

namespace kube {

class TypeRegistry;
struct TypeSchema;

using FieldPath = QStringList;

class FieldSet
{
public:
    // Every field the applied configuration sets (leaves, and keyed list items themselves).
    static FieldSet fromApplied(const QJsonObject &applied, const QString &rootType, const TypeRegistry &registry);
    static FieldSet fromFieldsV1(const QJsonObject &fieldsV1);
    QJsonObject toFieldsV1() const;

    bool isEmpty() const { return m_paths.isEmpty(); }
    bool contains(const FieldPath &path) const { return m_paths.contains(path.join(kSeparator)); }
    // The path itself or anything below it (a member of a struct or list item).
    bool containsOrBelow(const FieldPath &path) const;
    void insert(const FieldPath &path) { m_paths.insert(path.join(kSeparator)); }
    void remove(const FieldPath &path) { m_paths.remove(path.join(kSeparator)); }
    QList<FieldPath> paths() const;
    FieldSet minus(const FieldSet &other) const;
    void unite(const FieldSet &other) { m_paths.unite(other.m_paths); }
    friend bool operator==(const FieldSet &a, const FieldSet &b) { return a.m_paths == b.m_paths; }
    // The paths no other path of the set lies below: values, atomic lists and maps, and
    // set items. A parent (a struct, a keyed list item) is "changed" only when it appears or
    // goes, never because something below it changed, as structured-merge-diff compares.
    FieldSet leaves() const;

    // ".spec.containers[name=\"web\"].image", as upstream names fields in conflicts.
    static QString describe(const FieldPath &path);

private:
    static constexpr QChar kSeparator = QChar(0x1f);
    QSet<QString> m_paths;
};

// The value at a FieldsV1 path in an object; Undefined when absent.
QJsonValue valueAtPath(const QJsonObject &object, const FieldPath &path);
// Removes the member or list item a path names; returns whether something was removed.
bool removeAtPath(QJsonObject &object, const FieldPath &path);

} // namespace kube
