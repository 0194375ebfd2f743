#pragma once
// Duplicate member names in a JSON request body, which Go's strict decoder reports and
// fieldValidation answers (validation.h): Strict refuses them with `duplicate field
// "spec.paused"`, Warn sends that as a warning, Ignore accepts (the last value wins, as in
// Go and in QJsonDocument). Paths are written as upstream writes them:
// "spec.template.spec.containers[0].imagePullPolicy".
//
// Pure function over well-formed JSON (callers parse first); any thread. Cost: one pass over
// the bytes, one set of names per object.

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

namespace kube {

struct JsonKeyScan {
    struct Duplicate {
        QString path;
        qsizetype offset; // of the repeated name in the body
    };
    QList<Duplicate> duplicates;           // in document order
    QHash<QString, qsizetype> firstOffsets; // every member path → where it first appears
};

JsonKeyScan scanJsonKeys(QByteArrayView json);

} // namespace kube
