#pragma once
// ResourceColumns: the columns of one kind's table (kubectl's printer columns, which of them
// are "-o wide", which one is the live AGE and which one carries the status), and ResourceRow:
// one object's row with everything the table and its filter model read — the display cells,
// their numeric sort keys, the case-folded search text and the status category — computed
// once per object change so data(), sorting and filtering never print or parse.
//
// Plain values. A row is owned by ResourceTableModel and read by ResourceFilterModel on the
// GUI thread. Cost per row: one tableRowCells() (pods: one simdjson parse; other kinds: one
// QJsonObject parse) plus a few hundred bytes of strings.

#include "statuscategory.h"

#include "kube/api/kindinfo.h"
#include "kube/api/object.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <limits>

namespace timonel {

struct ResourceColumn {
    QString name;        // as the registry writes it ("Ready", "Port(s)")
    QString type;        // "string", "integer", "number", "boolean", "date"
    QString description;
    bool wide = false;   // priority 1: kubectl shows it with -o wide only
};

struct ResourceColumns {
    kube::KindInfoPtr kind;
    QList<ResourceColumn> cells; // in the printer's order
    int ageCell = -1;    // the live AGE column (from metadata.creationTimestamp), -1 if none
    int statusCell = -1; // the status-like column (STATUS, an event's TYPE), -1 if none

    static ResourceColumns forKind(const kube::KindInfoPtr &kind);
};

struct ResourceRow {
    static constexpr qint64 noTime = std::numeric_limits<qint64>::min();

    kube::Object object;
    QString key;            // "namespace/name" (the informer's key)
    QString namespace_;
    QList<QString> cells;   // display text per printer column; the live AGE cell stays empty
    QList<double> numbers;  // per cell: numeric sort key (cellsortkey.h), NaN for text
    QString searchText;     // case-folded namespace and cells (not AGE), '\n'-separated
    qint64 createdMsecs = noTime;
    StatusCategory status = StatusCategory::Neutral;
    // Maintained by ResourceTableModel: the row's current position and its stable slot.
    int index = -1;
    int id = -1;

    // Prints the object's cells at now and derives the rest.
    void assign(const kube::Object &object, const ResourceColumns &columns, const QDateTime &now);
};

// kubectl's AGE text for a creation time at now ("<unknown>" for noTime).
QString ageText(qint64 createdMsecs, qint64 nowMsecs);

} // namespace timonel
