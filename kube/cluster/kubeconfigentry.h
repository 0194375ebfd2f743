#pragma once
// Writes the embedded cluster into a kubeconfig file the way kubectl edits one: a cluster, a
// user and a context all named "timonel", made current; other entries are kept as they are.
// The write is atomic (temporary file + rename), the file is mode 0600, and the update holds
// kubectl's "<file>.lock" (created exclusively) so it never interleaves with a kubectl write.
// The editing itself is KubeconfigWriter's (kube/client). Any thread; blocking file I/O.

#include "kube/api/status.h"

#include <QByteArray>
#include <QString>

namespace kube {

struct KubeconfigEntry {
    QString name = QStringLiteral("timonel");
    QString server;                  // "http://127.0.0.1:6443"
    QByteArray token;
    QByteArray certificateAuthority; // PEM; empty for plain HTTP
    QString namespace_;              // the context's default namespace; empty: none
};

// lockTimeoutMs: how long to wait for another writer's "<file>.lock" to go away.
Status writeKubeconfigEntry(const QString &path, const KubeconfigEntry &entry, int lockTimeoutMs = 5000);

} // namespace kube
