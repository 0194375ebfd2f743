#pragma once
// The strings of a JSON array, as Kubernetes objects hold lists (verbs, groups, args, audiences…):
// an item that is not a string gives an empty string; a value that is not an array, no strings.
// Pure function; any thread.

#include <QStringList>

class QJsonValue;

namespace kube {

QStringList jsonStrings(const QJsonValue &array);

} // namespace kube
