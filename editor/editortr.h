#pragma once
// Tr: the translation context of the YAML editor's non-QObject code (validator, migration,
// source map, templates), as Qt Creator gives each module one `Tr` struct. lupdate reads
// `Tr::tr("…")` calls under the context "timonel::Editor".
//
// Stateless; any thread (QCoreApplication::translate is thread-safe once translators are
// installed).

#include <QCoreApplication>

namespace timonel {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(timonel::Editor)
};

} // namespace timonel
