#pragma once
// Where tests find their data: the repository's tests/data and the shared upstream fixtures.

#include <QString>

namespace timonel::test {

// <repo>/tests/data/<relative>
QString dataPath(const QString &relative);
// The upstream golden fixtures (shared/data/k8s-roundtrip), or an empty string when absent.
// Found through TIMONEL_SHARED_DIR (set by ctest) or next to the repository.
QString roundtripFixturesDir();

} // namespace timonel::test
