#pragma once
// Helpers shared by the per-kind table row printers (internal to printers/): reading JSON the
// way Go reads a decoded object (absent = zero value), and the formatting functions of
// kube-apiserver's pkg/printers/internalversion (translateTimestampSince, labels.FormatLabels,
// metav1.FormatLabelSelector, layoutContainerCells, GetAccessModesAsString, …).
//
// Pure functions; any thread. Costs are linear in what they format.

#include <QByteArrayList>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <string_view>
#include <utility>

namespace kube::printers {

// One table row as a printer computes it: the cells in column order and the row conditions
// (only pods set them: a Completed condition for Succeeded and Failed pods).
// A printer whose cells are all strings and which runs ten thousand times a list (pods) fills
// stringCells (UTF-8) instead of cells: the Table writes them without a QJsonValue per cell.
struct Row {
    QJsonArray cells;
    QJsonArray conditions;
    QByteArrayList stringCells;

    bool hasStringCells() const { return !stringCells.isEmpty(); }
    // The cells as a QJsonArray whichever way they were filled.
    QJsonArray cellArray() const;
};

// A per-kind row function: the object as JSON (external version) and the clock.
using RowFunction = Row (*)(const QJsonObject &object, const QDateTime &now);

// --- reading ---
inline QJsonObject obj(const QJsonObject &o, QStringView key) { return o.value(key).toObject(); }
inline QJsonArray arr(const QJsonObject &o, QStringView key) { return o.value(key).toArray(); }
inline QString str(const QJsonObject &o, QStringView key) { return o.value(key).toString(); }
// A Go pointer field: set (present and not null).
inline bool has(const QJsonObject &o, QStringView key)
{
    const QJsonValue v = o.value(key);
    return !v.isUndefined() && !v.isNull();
}
// An integer field; fallback when absent or null (the value upstream defaulting would set).
qint64 integer(const QJsonObject &o, QStringView key, qint64 fallback = 0);
// The keys of a JSON object (a Go map) plus, for ConfigMap-style counts, its size.
inline qint64 mapSize(const QJsonObject &o, QStringView key) { return o.value(key).toObject().size(); }

// --- time ---
// A metav1.Time or MicroTime; invalid when absent, null, zero or unparsable.
QDateTime parseTime(const QJsonValue &value);
// The same from UTF-8 text; "2026-11-27T10:00:00Z" (what the API server writes) is read
// without QDateTime's parser.
QDateTime parseTime(std::string_view text);
// duration.HumanDuration(to - from).
QString humanDurationBetween(const QDateTime &from, const QDateTime &to);
// translateTimestampSince: "<unknown>" for a zero time, else the human duration since it.
QString translateTimestampSince(const QJsonValue &timestamp, const QDateTime &now);
inline QString age(const QJsonObject &object, const QDateTime &now)
{
    return translateTimestampSince(object.value(u"metadata").toObject().value(u"creationTimestamp"), now);
}
inline QString name(const QJsonObject &object) { return object.value(u"metadata").toObject().value(u"name").toString(); }

// --- formatting ---
// labels.FormatLabels: "k=v,k2=v2" sorted by key, "<none>" when empty.
QString formatLabels(const QJsonValue &map);
// metav1.FormatLabelSelector: canonical selector text, "<none>" when it selects everything or
// nothing, "<error>" when invalid.
QString formatLabelSelector(const QJsonValue &selector);
// metav1.LabelSelectorAsSelector(...).String() as printDeployment uses it: "" for empty or
// null, "<invalid>" when invalid.
QString labelSelectorString(const QJsonValue &selector);
// layoutContainerCells: names and images, comma-separated.
std::pair<QString, QString> layoutContainerCells(const QJsonArray &containers);
// resource.Quantity String() of a JSON quantity; "0" when absent (the zero Quantity). Text that
// does not parse is returned as it is.
QString quantityString(const QJsonValue &value);
// The same through a *Quantity, which prints "<nil>" when absent.
QString quantityPtrString(const QJsonValue &value);
// intstr.IntOrString String().
QString intOrString(const QJsonValue &value);
// helper.GetAccessModesAsString: "RWO,ROX,RWX,RWOP" in that order, duplicates dropped.
QString accessModesString(const QJsonArray &modes);
// The strings of a JSON array joined with sep.
QString joinStrings(const QJsonArray &values, QStringView sep);
// printBoolPtr: "True", "False", "<unset>".
QString boolPtrString(const QJsonObject &o, QStringView key);
// listWithMoreString: "a,b,c + 2 more..." or "<unset>" when empty.
QString listWithMoreString(const QStringList &list, bool more, int count, int max);

} // namespace kube::printers
