#pragma once
// The JSONPath subset that CustomResourceDefinition additionalPrinterColumns use, evaluated the
// way client-go's jsonpath package does for kube-apiserver's CRD table convertor (missing keys
// allowed): ".spec.replicas", ".status.conditions[0].type", ".spec.items[*].name",
// ".metadata.labels['app.kubernetes.io/name']", ".status.conditions[?(@.type=="Ready")].status",
// "..name" (recursive descent), "[1:3]" (slices); with or without the "{…}" template braces and
// a leading "$".
//
// Pure functions; any thread. Cost: one parse of the path plus a walk of the matched nodes.

#include <QJsonValue>
#include <QList>
#include <QStringView>

namespace kube::printers {

// Every value the path selects, in document order. Empty when nothing matches; *ok is false
// (and the result empty) when the path does not parse.
QList<QJsonValue> evaluateJsonPath(const QJsonValue &root, QStringView path, bool *ok = nullptr);

// The text client-go's PrintResults writes for one value: strings as they are, integers in
// decimal, other numbers in Go's %v form, booleans as true/false, null as "null", objects and
// arrays as compact JSON.
QString jsonPathText(const QJsonValue &value);

} // namespace kube::printers
