#pragma once
// ManifestProblem: one thing wrong with a manifest the editor holds — where it is (document,
// line, column, length in the editor's coordinates), how bad, what class of problem, the
// message the user reads and the field path it concerns ("spec.template.spec.containers[0]
// .image"). Produced by ManifestValidator; shown by YamlEditor (underlines, tooltips) and
// ProblemsList.
//
// Plain value; any thread.

#include <QList>
#include <QMetaType>
#include <QString>

namespace timonel {

enum class ProblemSeverity { Error, Warning };

enum class ProblemKind {
    Syntax,            // the YAML cannot be read
    MissingType,       // no apiVersion or no kind
    UnknownKind,       // a kind or apiVersion nothing serves
    RemovedApiVersion, // a version Kubernetes removed (a conversion is offered when one exists)
    UnknownField,      // a field the kind's schema does not declare
    DuplicateField,    // the same key twice in one mapping
    WrongType,         // a string where an integer belongs, a list where an object belongs…
    RequiredField,     // a required field is missing
    EnumValue,         // a value outside the field's allowed values
    InvalidValue,      // names, labels, quantities, base64, selectors
};

struct ManifestProblem {
    int document = 0; // index among the text's documents, from 0
    int line = 0;     // 0-based
    int column = 0;   // 0-based, UTF-16 units
    int length = 0;   // 0 when the problem has no extent (underline one character)
    ProblemSeverity severity = ProblemSeverity::Error;
    ProblemKind kind = ProblemKind::Syntax;
    QString message;
    QString path;     // "" for the whole document

    friend bool operator==(const ManifestProblem &, const ManifestProblem &) = default;
};

} // namespace timonel

Q_DECLARE_METATYPE(timonel::ManifestProblem)
