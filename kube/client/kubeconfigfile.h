#pragma once
// KubeconfigFile: one kubeconfig file parsed the way kubectl reads it (clientcmd's v1 Config):
// its clusters, users and contexts in file order, with relative paths (certificate-authority,
// client-certificate, client-key, tokenFile, an exec command containing a '/') resolved against
// the file's directory, and *-data fields base64-decoded. `preferences` and unknown fields are
// ignored, as kubectl does.
//
// Errors name the file and the entry, e.g.
//   /home/u/.kube/config: users[1] "alice": client-key-data: illegal base64 data at input byte 4
// Duplicate names within one file are errors (as clientcmd's conversion), type mismatches too.
//
// Plain value type; any thread. Cost: one YAML parse of the file (kubeconfigs are small).

#include "kube/api/expected.h"
#include "kube/client/execconfig.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace kube {

struct KubeconfigCluster {
    QString name;
    QString origin;                        // the file it came from
    QString server;
    QString certificateAuthority;          // absolute path; empty: none
    QByteArray certificateAuthorityData;   // decoded PEM
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString proxyUrl;
    QJsonValue execExtension;              // extensions[ExecClusterExtensionName].extension
};

struct KubeconfigUser {
    QString name;
    QString origin;
    QByteArray token;
    QString tokenFile;                     // absolute path
    QString clientCertificate;             // absolute path
    QByteArray clientCertificateData;      // decoded PEM
    QString clientKey;                     // absolute path
    QByteArray clientKeyData;              // decoded PEM
    QString username;
    QByteArray password;
    QString impersonate;                   // "as"
    QStringList impersonateGroups;         // "as-groups"
    std::optional<ExecConfig> exec;
    QString authProvider;                  // auth-provider.name; only "oidc" is supported, see Kubeconfig
    QMap<QString, QString> authProviderConfig; // auth-provider.config (id-token, refresh-token, …)
};

struct KubeconfigContext {
    QString name;
    QString origin;
    QString cluster;
    QString user;
    QString namespace_;                    // as written; empty means "default"
};

struct KubeconfigFile {
    QString path;                          // absolute
    QString currentContext;
    QList<KubeconfigCluster> clusters;
    QList<KubeconfigUser> users;
    QList<KubeconfigContext> contexts;

    // Parses kubeconfig text that was read from `path` (used for messages and relative paths).
    static Expected<KubeconfigFile> parse(const QByteArray &text, const QString &path);
    // Reads and parses a file. A missing file is a NotFound Status.
    static Expected<KubeconfigFile> read(const QString &path);
};

// Go's base64.StdEncoding as kubectl decodes *-data fields (line breaks skipped, padding
// required); errors read "illegal base64 data at input byte N".
Expected<QByteArray> decodeKubeconfigBase64(const QByteArray &text);

} // namespace kube
