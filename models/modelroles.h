#pragma once
// The item-data roles the console's resource models answer beyond Qt's own (DisplayRole,
// ToolTipRole, CheckStateRole), shared by the table, filter, navigator and namespace models and
// read by the views and delegates. Values are fixed: views may store them (a delegate's role).
//
// Header only; no cost.

#include "kube/api/object.h"

#include <QMetaType>
#include <Qt>

namespace timonel {

enum ModelRole : int {
    // Typed sort key of a table cell: double for numbers ("3/4" → its first number, restarts
    // "5 (2m ago)" → 5, human durations "3m10s" → seconds, quantities "10Gi" → bytes, RFC 3339
    // dates → seconds since the epoch), the AGE column as the age in seconds, else the text.
    SortRole = Qt::UserRole + 1,
    // timonel::StatusCategory as int, on the row's status-like column only (a pod's or node's
    // STATUS, an event's TYPE); invalid elsewhere so a delegate colours just that cell.
    StatusRole,
    // The same category on every column of the row (for row-level markers).
    RowStatusRole,
    // The row's kube::Object (the cached, shared bytes; no copy of the JSON).
    ObjectRole,
    // "namespace/name", or "name" for cluster-scoped objects; a namespace model row's name
    // ("" for "All namespaces").
    KeyRole,
    // metadata.uid.
    UidRole,
    // headerData(Horizontal): true for kubectl's priority-1 ("-o wide") columns.
    WideColumnRole,
    // Navigator: the kube::ApiResource of a resource row (navigatormodel.h declares the metatype).
    ResourceRole,
    // Navigator: "pods", "deployments.apps", "widgets.example.com"; empty on group rows.
    ResourceIdRole,
    // Navigator: NavigatorModel::Group as int, on every row.
    NavigatorGroupRole,
    // Namespace model: true for a selected namespace the cluster no longer has (show it
    // greyed or italic; it stays selected until the user unchecks it).
    MissingRole,
};

} // namespace timonel

Q_DECLARE_METATYPE(kube::Object)
