#pragma once
// SchemaLoader: reads the schema files (schema/README.md) into a TypeRegistry's tables and
// checks them: each file on its own (keys, value types, proto numbers, duplicates), then the
// whole set (type references, root types, subresource kinds, where each type lives), and
// resolves inline members. Private to kube_api (TypeRegistry::builtin() and load()).
//
// One thread, one load. Cost: one simdjson parse per file plus one allocation per type, field
// and kind; the built-in set takes a few milliseconds.

#include "kindinfo.h"
#include "schemareader.h"
#include "typeregistry_p.h"
#include "typeschema.h"

#include <QHash>
#include <QList>
#include <QSharedPointer>
#include <QString>
#include <QStringList>

#include <optional>

namespace kube {

class SchemaLoader : private SchemaReader
{
public:
    // Loads every file into `out` (expected empty) and returns every problem found, one line
    // each ("<file>: <entry>: <what>"); empty when the files are valid. Whatever loaded cleanly
    // is in `out` either way.
    static QStringList load(TypeRegistry::Private &out, const QStringList &files);

private:
    explicit SchemaLoader(TypeRegistry::Private &out) : m_out(out) {}
    void loadFile(const QString &path);
    void loadType(const QString &name, element spec);
    std::optional<FieldSchema> loadField(const QString &typeEntry, const QString &name, element spec);
    void loadKind(int index, element spec);
    std::optional<PrinterColumn> loadColumn(const QString &entry, element spec);
    void finish(); // the checks that need every file
    QList<FieldSchema> jsonFieldsOf(const QString &typeName, int depth) const;

    TypeRegistry::Private &m_out;
    simdjson::dom::parser m_parser;
    QString m_group, m_version; // of the file being read

    QHash<QString, QSharedPointer<TypeSchema>> m_mutableTypes; // until finish() fills inlinedFields
    QHash<QString, QString> m_typeFile;                 // type → file defining it
    QHash<QString, QString> m_prefixFile;               // "apps.v1." → the file of that group-version
    QHash<GroupVersionKind, QString> m_kindFile;         // for "also in" messages
    QHash<GroupVersionResource, QString> m_resourceFile;
};

} // namespace kube
