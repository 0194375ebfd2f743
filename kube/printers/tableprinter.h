#pragma once
// Server-side table printing: the meta.k8s.io/v1 Table that kube-apiserver answers when kubectl
// asks for `Accept: application/json;as=Table;g=meta.k8s.io;v=v1`. Columns come from the type
// registry's printerColumns (always all of them: the server prints wide and kubectl drops the
// priority-1 columns itself); cells come from per-kind row functions that follow upstream's
// pkg/printers/internalversion handlers. Kinds without a handler get the default table
// convertor (Name, "Created At"); custom resources evaluate their additionalPrinterColumns'
// JSONPath as the CRD table convertor does.
//
// Cells hold what upstream puts there: strings, integers (JSON numbers), booleans, or null for
// a custom column that finds nothing. Text with newlines is left alone; kubectl trims it.
//
// The Table is written straight into bytes (printTableJson): row objects embed the stored bytes
// (includeObject=Object) or the raw metadata member (Metadata) without re-serialising them, and
// pods' cells are read from the bytes with simdjson and written back as UTF-8 with no QJsonValue
// in between. Other kinds still build a QJsonObject per row for their row function.
//
// Pure functions; any thread. Cost per pod row: one simdjson parse and the cells (a few µs);
// other kinds: one QJsonObject parse. The AGE cells depend on TablePrintOptions::now, so tables
// are not cacheable across time.

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringView>

#include <optional>

namespace kube {

class Object;
struct KindInfo;

// TableOptions.includeObject: what each row's "object" carries.
enum class TableIncludeObject {
    None,     // null
    Metadata, // a PartialObjectMetadata with the object's metadata (the default)
    Object,   // the whole object
};

// "None", "Metadata", "Object" or "" (the default, Metadata); nullopt for anything else, which
// upstream rejects as a bad request.
std::optional<TableIncludeObject> parseTableIncludeObject(QStringView text);

struct TablePrintOptions {
    QDateTime now;                      // the clock for AGE cells; invalid = the current time
    bool includeColumnDefinitions = true; // false for watch events after the first (noHeaders)
    TableIncludeObject includeObject = TableIncludeObject::Metadata;
};

// The Table's ListMeta; empty members are left out.
struct TableListMeta {
    QString resourceVersion;
    QString continueToken;
};

// The Table for these objects of one kind as compact JSON: {"kind":"Table","apiVersion":
// "meta.k8s.io/v1","metadata":{…},"columnDefinitions":[…] (null without definitions),
// "rows":[{"cells":[…],"conditions":[…] (pods only, when set),"object":…}]}.
QByteArray printTableJson(const KindInfo &kind, const QList<Object> &objects, const TablePrintOptions &options = {},
                          const TableListMeta &meta = {});

// The same Table as a tree (a parse of printTableJson; metadata {}): for tests and for callers
// that still edit the Table before sending it.
QJsonObject printTable(const KindInfo &kind, const QList<Object> &objects, const TablePrintOptions &options = {});

// The column definitions of a kind's table: {name, type, format, description, priority}.
QJsonArray tableColumnDefinitions(const KindInfo &kind);

// The cells of one object's row, as printTable writes them.
QJsonArray tableRowCells(const KindInfo &kind, const Object &object, const QDateTime &now);

} // namespace kube
