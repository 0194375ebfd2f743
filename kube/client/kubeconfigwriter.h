#pragma once
// KubeconfigWriter: edits one kubeconfig file the way kubectl does — read, change, write back
// atomically (temporary file + rename) with mode 0600 while holding kubectl's "<file>.lock"
// (created exclusively; a held lock is a clear error, or is waited for up to the lock
// time-out). Only the entries an edit names change: every other entry, and every field
// Timonel does not know, keeps its value (comments and key order are not kept, as with
// kubectl, whose output also sorts keys).
//
// Thread safety: any thread; concurrent writers are serialised by the lock file. Cost: one
// YAML parse and one write of the file per edit.

#include "kube/api/status.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace kube {

enum class MakeCurrent { No, Yes };

// A context with its own cluster and user, replaced as a whole when the names exist.
struct KubeconfigContextEntry {
    QString contextName;
    QString clusterName;           // empty: contextName
    QString userName;              // empty: contextName
    QJsonObject cluster;           // kubeconfig fields: server, certificate-authority-data, …
    QJsonObject user;              // token, client-certificate-data, exec, …
    QString namespace_;            // empty: none
    MakeCurrent makeCurrent = MakeCurrent::No;
};

class KubeconfigWriter
{
public:
    explicit KubeconfigWriter(QString path);

    // How long to wait for another writer's lock; 0 (the default): fail at once.
    void setLockTimeout(int milliseconds) { m_lockTimeoutMs = milliseconds; }
    const QString &path() const { return m_path; }

    Status setCurrentContext(const QString &context);
    // The context must be defined in this file (NotFound otherwise); empty ns removes it.
    Status setContextNamespace(const QString &context, const QString &namespace_);
    Status upsertContext(const KubeconfigContextEntry &entry);

    // The general form: `change` edits the parsed file (a missing or empty file starts as an
    // empty v1 Config); a non-success Status leaves the file untouched.
    Status edit(const std::function<Status(QJsonObject &config)> &change);

    // Replaces (or appends) {name, <field>: value} in a list such as "clusters".
    static void upsertNamed(QJsonObject &config, const QString &list, const QString &field, const QString &name,
                            const QJsonObject &value);

private:
    QString m_path;
    int m_lockTimeoutMs = 0;
};

} // namespace kube
