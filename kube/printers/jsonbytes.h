#pragma once
// JSON as bytes, without a tree: writing QJsonValues (the cells a row printer computed) straight
// into the Table being built, and finding a top-level member of an object's minified JSON so the
// Table can embed it (row.object's metadata) without re-serialising it.
//
// Pure functions; any thread. Costs are linear in the bytes written or skipped.

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>

namespace kube::printers {

// Appends v as compact JSON, as QJsonDocument::Compact writes it (integral doubles within
// ±2^53 as integers, other numbers in their shortest form). Undefined writes null.
void appendJsonValue(QByteArray &out, const QJsonValue &v);
void appendJsonString(QByteArray &out, const QString &text);

// The raw value of `key` in the top-level object of minified JSON (as Object keeps it): e.g.
// {"kind":"Pod","metadata":{…}} → {…}. Empty when absent, when the key is written with escapes,
// or when the bytes are not a minified object.
QByteArrayView topLevelMember(QByteArrayView json, QByteArrayView key);

} // namespace kube::printers
