#pragma once
// OpenApiV3: the documents kube-apiserver serves under /openapi/v3, built from the type registry.
//
//   GET /openapi/v3                 discoveryDocument(): {"paths": {"api/v1": {"serverRelativeURL":
//                                   "/openapi/v3/api/v1?hash=<SHA-512, upper-case hex>"}, …}}
//   GET /openapi/v3/<path>          document(path): {"openapi":"3.0.0","info":…,"paths":…,
//                                   "components":{"schemas":…}}
//
// Paths listed, as upstream lists them: "api", "api/v1", "apis", "apis/<group>",
// "apis/<group>/<version>" for every served group-version (custom resources included) and
// "version". kubectl reads only the group-version ones (client-go openapi3/root.go skips the
// rest); it caches each document by its hash, so a hash changes exactly when the bytes do.
// Serve the documents with Content-Type application/json; with a matching ?hash= the answer
// may be cached as immutable (upstream: Cache-Control public, max-age 1 year, immutable).
//
// Thread safety: every member may be called from any thread. The documents are built together,
// once per registry generation(): the first call after a CustomResourceDefinition change
// rebuilds them all (under a mutex; other callers wait) and later calls return shared bytes.
// Cost of a rebuild: ~50 ms for the built-in API on one core (tst_openapi reports it);
// memory: the documents' bytes (~1.3 MB for the built-in API), nothing else is kept.
// The registry must outlive this object.

#include <QByteArray>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace kube {

class TypeRegistry;

class OpenApiV3
{
public:
    explicit OpenApiV3(const TypeRegistry &registry);
    ~OpenApiV3();
    OpenApiV3(const OpenApiV3 &) = delete;
    OpenApiV3 &operator=(const OpenApiV3 &) = delete;

    // The /openapi/v3 index.
    QByteArray discoveryDocument() const;
    // The document at a path relative to /openapi/v3 ("api/v1", "apis/apps/v1", "version"; a
    // leading "/" or "/openapi/v3/" and a "?hash=…" suffix are ignored). nullopt when not served.
    std::optional<QByteArray> document(QStringView path) const;
    // The same, for group-version paths only ("api/v1", "apis/<group>/<version>").
    std::optional<QByteArray> groupVersionDocument(QStringView path) const;
    // The hash the index lists for a path; empty when not served.
    QByteArray hashOf(QStringView path) const;
    // The served paths, in index order.
    QStringList paths() const;

    // What a rebuild produced, for tests and the diagnostics page.
    struct BuildStats {
        quint64 generation = 0;
        qint64 elapsedMs = 0;
        qsizetype totalBytes = 0;
    };
    BuildStats lastBuild() const;

private:
    struct Snapshot;
    std::shared_ptr<const Snapshot> snapshot() const;

    const TypeRegistry &m_registry;
    mutable QMutex m_mutex;
    mutable std::shared_ptr<const Snapshot> m_snapshot; // guarded by m_mutex
};

} // namespace kube
