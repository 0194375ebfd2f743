#include "kubeconfig.h"

#include "kube/client/execapprovalstore.h"
#include "kube/client/execcredentialsource.h"
#include "kube/client/oidccredentialsource.h"
#include "kube/client/tokenfilesource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>

namespace kube {

namespace {

Status invalid(const QString &message)
{
    return Status::badRequest(message);
}

Expected<QByteArray> readReferencedFile(const QString &path, const QString &field, const QString &entry)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(u"%1: cannot read %2 %3: %4"_qs.arg(entry, field, path, file.errorString()));
    return file.readAll();
}

// The plugins that replaced the auth providers removed from client-go in 1.26.
QString authProviderReplacement(const QString &provider)
{
    if (provider == u"gcp")
        return u"the gke-gcloud-auth-plugin exec plugin (gcloud components install gke-gcloud-auth-plugin)"_qs;
    if (provider == u"azure")
        return u"the kubelogin exec plugin (kubelogin convert-kubeconfig)"_qs;
    if (provider == u"oidc")
        return u"an exec plugin such as kubelogin (kubectl oidc-login)"_qs;
    return u"the exec credential plugin your provider publishes"_qs;
}

template<typename Entry>
const Entry *findNamed(const QList<Entry> &list, const QString &name)
{
    for (const Entry &e : list) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

template<typename Entry>
void mergeNamed(QList<Entry> &into, const QList<Entry> &from, QSet<QString> &seen)
{
    for (const Entry &e : from) {
        if (seen.contains(e.name))
            continue; // the first file defining a name wins
        seen.insert(e.name);
        into.append(e);
    }
}

} // namespace

struct Kubeconfig::SourceCache {
    QMutex mutex;
    QHash<QString, std::shared_ptr<CredentialSource>> byUser; // key: origin + '\n' + user name
};

KubeconfigLoadOptions KubeconfigLoadOptions::fromEnvironment()
{
    KubeconfigLoadOptions options;
    options.kubeconfigEnv = qEnvironmentVariable("KUBECONFIG");
    options.homeDir = QDir::homePath();
    options.execSearchPath = qEnvironmentVariable("PATH");
    return options;
}

Expected<Kubeconfig> Kubeconfig::load(const KubeconfigLoadOptions &options)
{
    Kubeconfig config;
    config.m_sources = std::make_shared<SourceCache>();
    config.m_options = options;
    if (!config.m_options.execApprovals)
        config.m_options.execApprovals = std::make_shared<ExecApprovalStore>();

    QList<KubeconfigFile> files;
    if (!options.explicitPath.isEmpty()) {
        auto file = KubeconfigFile::read(options.explicitPath);
        if (!file.ok())
            return file.error();
        config.m_defaultFile = file->path;
        files.append(file.value());
    } else if (!options.kubeconfigEnv.isEmpty()) {
        QStringList listed;
        for (const QString &entry : options.kubeconfigEnv.split(u':', Qt::SkipEmptyParts)) {
            const QString path = QFileInfo(entry).absoluteFilePath();
            if (!listed.contains(path))
                listed << path;
        }
        for (const QString &path : std::as_const(listed)) {
            if (!QFileInfo::exists(path))
                continue;
            auto file = KubeconfigFile::read(path);
            if (!file.ok())
                return file.error();
            files.append(file.value());
        }
        // kubectl's GetDefaultFilename: the only entry, else the first existing one, else the last.
        if (listed.size() == 1)
            config.m_defaultFile = listed.first();
        else if (!files.isEmpty())
            config.m_defaultFile = files.first().path;
        else if (!listed.isEmpty())
            config.m_defaultFile = listed.last();
    } else if (!options.homeDir.isEmpty()) {
        const QString path = QDir(options.homeDir).filePath(u".kube/config"_qs);
        config.m_defaultFile = path;
        if (QFileInfo::exists(path)) {
            auto file = KubeconfigFile::read(path);
            if (!file.ok())
                return file.error();
            files.append(file.value());
        }
    }

    QSet<QString> clusters, users, contexts;
    for (const KubeconfigFile &file : std::as_const(files)) {
        config.m_files << file.path;
        if (config.m_currentContext.isEmpty() && !file.currentContext.isEmpty()) {
            config.m_currentContext = file.currentContext;
            config.m_currentContextFile = file.path;
        }
        mergeNamed(config.m_clusters, file.clusters, clusters);
        mergeNamed(config.m_users, file.users, users);
        mergeNamed(config.m_contexts, file.contexts, contexts);
    }
    return config;
}

QStringList Kubeconfig::contextNames() const
{
    QStringList names;
    for (const KubeconfigContext &c : m_contexts)
        names << c.name;
    return names;
}

const KubeconfigContext *Kubeconfig::context(const QString &name) const { return findNamed(m_contexts, name); }
const KubeconfigCluster *Kubeconfig::cluster(const QString &name) const { return findNamed(m_clusters, name); }
const KubeconfigUser *Kubeconfig::user(const QString &name) const { return findNamed(m_users, name); }

QString Kubeconfig::currentContextFile() const
{
    return m_currentContextFile.isEmpty() ? m_defaultFile : m_currentContextFile;
}

QString Kubeconfig::fileForContext(const QString &name) const
{
    const KubeconfigContext *c = context(name);
    return c ? c->origin : m_defaultFile;
}

Expected<RestConfig> Kubeconfig::restConfig(const QString &contextName) const
{
    const QString name = contextName.isEmpty() ? m_currentContext : contextName;
    if (name.isEmpty())
        return invalid(u"current-context is not set in %1"_qs.arg(m_files.isEmpty() ? m_defaultFile : m_files.join(u", ")));
    const KubeconfigContext *context = this->context(name);
    if (!context)
        return Status(404, QString::fromLatin1(reason::NotFound), u"context \"%1\" does not exist"_qs.arg(name));
    const QString where = u"%1: context \"%2\""_qs.arg(context->origin, name);
    if (context->cluster.isEmpty())
        return invalid(u"%1: no cluster is named"_qs.arg(where));
    const KubeconfigCluster *cluster = this->cluster(context->cluster);
    if (!cluster)
        return invalid(u"%1: cluster \"%2\" is not defined in any kubeconfig file"_qs.arg(where, context->cluster));
    const KubeconfigUser *user = nullptr;
    if (!context->user.isEmpty()) {
        user = this->user(context->user);
        if (!user)
            return invalid(u"%1: user \"%2\" is not defined in any kubeconfig file"_qs.arg(where, context->user));
    }

    RestConfig config;
    config.contextName = name;
    config.clusterName = context->cluster;
    config.userName = context->user;
    if (!context->namespace_.isEmpty())
        config.namespace_ = context->namespace_;
    if (Status s = resolveCluster(*cluster, config); !s.isSuccess())
        return s;
    if (user) {
        if (Status s = resolveUser(*user, *cluster, config); !s.isSuccess())
            return s;
    }
    return config;
}

Status Kubeconfig::resolveCluster(const KubeconfigCluster &cluster, RestConfig &config) const
{
    const QString where = u"%1: cluster \"%2\""_qs.arg(cluster.origin, cluster.name);
    if (cluster.server.isEmpty())
        return invalid(u"%1: no server defined"_qs.arg(where));
    // client-go accepts "host:port" and assumes TLS.
    const QString server = cluster.server.contains(u"://") ? cluster.server : u"https://"_qs + cluster.server;
    config.server = QUrl(server, QUrl::StrictMode);
    if (!config.server.isValid() || config.server.host().isEmpty()
        || (config.server.scheme() != u"https" && config.server.scheme() != u"http"))
        return invalid(u"%1: server: invalid URL \"%2\""_qs.arg(where, cluster.server));
    if (!cluster.certificateAuthority.isEmpty() && !cluster.certificateAuthorityData.isEmpty())
        return invalid(u"%1: certificate-authority-data and certificate-authority are both specified"_qs.arg(where));
    if (cluster.insecureSkipTlsVerify && (!cluster.certificateAuthority.isEmpty() || !cluster.certificateAuthorityData.isEmpty()))
        return invalid(u"%1: specifying a root certificates file with insecure-skip-tls-verify is not allowed"_qs.arg(where));
    config.certificateAuthorityPem = cluster.certificateAuthorityData;
    if (!cluster.certificateAuthority.isEmpty()) {
        auto pem = readReferencedFile(cluster.certificateAuthority, u"certificate-authority"_qs, where);
        if (!pem.ok())
            return pem.error();
        config.certificateAuthorityPem = pem.value();
    }
    config.insecureSkipTlsVerify = cluster.insecureSkipTlsVerify;
    config.tlsServerName = cluster.tlsServerName;
    if (!cluster.proxyUrl.isEmpty()) {
        config.proxyUrl = QUrl(cluster.proxyUrl, QUrl::StrictMode);
        const QString scheme = config.proxyUrl.scheme();
        if (!config.proxyUrl.isValid() || config.proxyUrl.host().isEmpty()
            || (scheme != u"http" && scheme != u"https" && scheme != u"socks5"))
            return invalid(u"%1: proxy-url: unsupported proxy \"%2\" (want http, https or socks5)"_qs.arg(where, cluster.proxyUrl));
    }
    return {};
}

Status Kubeconfig::resolveUser(const KubeconfigUser &user, const KubeconfigCluster &cluster, RestConfig &config) const
{
    const QString where = u"%1: user \"%2\""_qs.arg(user.origin, user.name);
    if (user.authProvider == u"oidc") {
        if (user.exec)
            return invalid(u"%1: execProvider and authProvider cannot be used in combination"_qs.arg(where));
        for (const QString key : {u"idp-issuer-url"_qs, u"client-id"_qs}) {
            if (user.authProviderConfig.value(key).isEmpty())
                return invalid(u"%1: auth-provider oidc: Must provide %2"_qs.arg(where, key));
        }
    }
    if (!user.authProvider.isEmpty() && user.authProvider != u"oidc")
        return invalid(u"%1: auth-provider \"%2\" is no longer supported by kubectl or Timonel; use %3 in an exec entry instead"_qs
                           .arg(where, user.authProvider, authProviderReplacement(user.authProvider)));
    QStringList methods;
    if (!user.token.isEmpty() || !user.tokenFile.isEmpty())
        methods << u"token"_qs;
    if (!user.username.isEmpty() || !user.password.isEmpty())
        methods << u"basicAuth"_qs;
    if (methods.size() > 1)
        return invalid(u"%1: more than one authentication method found (%2); only one is allowed"_qs.arg(where, methods.join(u", ")));
    if (!user.clientCertificate.isEmpty() && !user.clientCertificateData.isEmpty())
        return invalid(u"%1: client-certificate-data and client-certificate are both specified"_qs.arg(where));
    if (!user.clientKey.isEmpty() && !user.clientKeyData.isEmpty())
        return invalid(u"%1: client-key-data and client-key are both specified"_qs.arg(where));

    config.clientCertificatePem = user.clientCertificateData;
    config.clientKeyPem = user.clientKeyData;
    if (!user.clientCertificate.isEmpty()) {
        auto pem = readReferencedFile(user.clientCertificate, u"client-certificate"_qs, where);
        if (!pem.ok())
            return pem.error();
        config.clientCertificatePem = pem.value();
    }
    if (!user.clientKey.isEmpty()) {
        auto pem = readReferencedFile(user.clientKey, u"client-key"_qs, where);
        if (!pem.ok())
            return pem.error();
        config.clientKeyPem = pem.value();
    }
    if (config.clientCertificatePem.isEmpty() != config.clientKeyPem.isEmpty())
        return invalid(u"%1: a client certificate needs both client-certificate(-data) and client-key(-data)"_qs.arg(where));

    config.username = user.username;
    config.password = user.password;
    config.impersonateUser = user.impersonate;
    config.impersonateGroups = user.impersonateGroups;

    if (user.authProvider == u"oidc" && user.token.isEmpty()) {
        // kubectl still ships this one auth provider (client-go's plugin/pkg/client/auth/oidc).
        OidcCredentialSource::Options oidc;
        oidc.config = user.authProviderConfig;
        oidc.kubeconfigPath = user.origin;
        oidc.userName = user.name;
        oidc.clock = m_options.clock;
        config.credentialSource = sharedSource(user, [&] { return std::make_shared<OidcCredentialSource>(std::move(oidc)); });
        return {};
    }
    // A static token wins over the plugin (client-go sends the Authorization header it has).
    if (user.exec && user.token.isEmpty()) {
        ExecCredentialSource::Options exec;
        exec.exec = *user.exec;
        exec.cluster = ExecClusterInfo{cluster.server,       config.certificateAuthorityPem, cluster.insecureSkipTlsVerify,
                                       cluster.tlsServerName, cluster.proxyUrl,              cluster.execExtension};
        exec.kubeconfigPath = user.origin;
        exec.userName = user.name;
        exec.searchPath = m_options.execSearchPath;
        exec.approvals = m_options.execApprovals;
        exec.clock = m_options.clock;
        config.credentialSource = sharedSource(user, [&] { return std::make_shared<ExecCredentialSource>(std::move(exec)); });
        return {};
    }
    if (!user.tokenFile.isEmpty()) {
        config.credentialSource = sharedSource(user, [&] { return std::make_shared<TokenFileSource>(user.tokenFile, m_options.clock); });
        return {};
    }
    config.bearerToken = user.token;
    return {};
}

std::shared_ptr<CredentialSource> Kubeconfig::sharedSource(const KubeconfigUser &user,
                                                       const std::function<std::shared_ptr<CredentialSource>()> &make) const
{
    if (!m_sources) // a default-constructed Kubeconfig, not made by load()
        return make();
    QMutexLocker lock(&m_sources->mutex);
    std::shared_ptr<CredentialSource> &source = m_sources->byUser[user.origin + u'\n' + user.name];
    if (!source)
        source = make();
    return source;
}

} // namespace kube
