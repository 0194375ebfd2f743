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
#include <QStringList>

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

// Repeated keys of a YAML body (application/yaml, and apply patches, JSON text included, which
// upstream reads as YAML), as go-yaml v2's strict decoding reports them, and the body as its
// non-strict decoding reads it. Upstream answers them by fieldValidation: Strict refuses with
// `…yaml: unmarshal errors:\n  line 10: key "paused" already set in map`, Warn sends one
// warning per key ("line 10: key \"paused\" already set in map"), Ignore accepts; the last
// value wins.
//
// Pure function; any thread. Cost: one YAML conversion of the body, plus one per repeated key
// (at most 64 are resolved).
struct YamlKeyScan {
    QStringList duplicates; // `line N: key "k" already set in map`, N of the repeated key, in document order
    QByteArray lastWins;    // the body with each repeated key's earlier entries blanked out
                            // (lines kept, so later errors still name the right line)
    bool resolved = true;   // false when a repeated key could not be blanked out (a multi-line
                            // flow mapping, more than 64 of them): lastWins is then the body as
                            // given, which the converter refuses
};

YamlKeyScan scanYamlKeys(QByteArrayView yaml);

} // namespace kube
