#include "kubeconfigfile.h"

#include "kube/api/yaml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace kube {

namespace {

// Reads the fields of one object (the file's top level or one entry), remembering the first
// error with the entry's location so every message names the file and the entry.
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString location, QString *error)
        : m_object(object), m_location(std::move(location)), m_error(error) {}

    bool failed() const { return !m_error->isEmpty(); }
    void fail(const QString &field, const QString &what)
    {
        if (failed())
            return;
        *m_error = field.isEmpty() ? u"%1: %2"_qs.arg(m_location, what) : u"%1: %2: %3"_qs.arg(m_location, field, what);
    }

    QString string(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString())
            fail(key, u"must be a string"_qs);
        return v.toString();
    }
    bool boolean(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return false;
        if (!v.isBool())
            fail(key, u"must be a boolean"_qs);
        return v.toBool();
    }
    QStringList strings(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            fail(key, u"must be a list of strings"_qs);
            return {};
        }
        QStringList out;
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString())
                fail(key, u"must be a list of strings"_qs);
            out << item.toString();
        }
        return out;
    }
    QJsonObject object(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject())
            fail(key, u"must be a mapping"_qs);
        return v.toObject();
    }
    QByteArray base64(const QString &key)
    {
        const QString text = string(key);
        if (text.isEmpty())
            return {};
        auto decoded = decodeKubeconfigBase64(text.toLatin1());
        if (!decoded.ok()) {
            fail(key, decoded.error().message());
            return {};
        }
        return decoded.value();
    }
    // A path relative to the kubeconfig's directory becomes absolute (clientcmd ResolvePaths).
    QString path(const QString &key, const QDir &base)
    {
        const QString p = string(key);
        return p.isEmpty() ? p : QDir::cleanPath(base.absoluteFilePath(p));
    }
    bool has(const QString &key) const { return m_object.contains(key) && !m_object.value(key).isNull(); }
    const QString &location() const { return m_location; }
    QString *errorSink() const { return m_error; }

private:
    QJsonObject m_object;
    QString m_location;
    QString *m_error;
};

ExecConfig readExec(FieldReader &user, const QDir &base)
{
    const QJsonObject object = user.object(u"exec"_qs);
    FieldReader exec(object, user.location() + u": exec"_qs, user.errorSink());
    ExecConfig out;
    out.apiVersion = exec.string(u"apiVersion"_qs);
    out.command = exec.string(u"command"_qs);
    if (out.command.contains(u'/'))
        out.command = QDir::cleanPath(base.absoluteFilePath(out.command));
    out.args = exec.strings(u"args"_qs);
    out.installHint = exec.string(u"installHint"_qs);
    out.provideClusterInfo = exec.boolean(u"provideClusterInfo"_qs);
    const QString mode = exec.string(u"interactiveMode"_qs);
    if (mode == u"Never")
        out.interactiveMode = ExecInteractiveMode::Never;
    else if (mode == u"IfAvailable")
        out.interactiveMode = ExecInteractiveMode::IfAvailable;
    else if (mode == u"Always")
        out.interactiveMode = ExecInteractiveMode::Always;
    else if (!mode.isEmpty())
        exec.fail(u"interactiveMode"_qs, u"invalid value \"%1\" (want Never, IfAvailable or Always)"_qs.arg(mode));
    const QJsonValue env = object.value(u"env");
    if (!env.isUndefined() && !env.isNull() && !env.isArray())
        exec.fail(u"env"_qs, u"must be a list of {name, value}"_qs);
    const QJsonArray envList = env.toArray();
    for (qsizetype i = 0; i < envList.size(); ++i) {
        if (!envList.at(i).isObject()) {
            exec.fail(u"env[%1]"_qs.arg(i), u"must be a mapping with name and value"_qs);
            continue;
        }
        FieldReader var(envList.at(i).toObject(), u"%1: exec: env[%2]"_qs.arg(user.location()).arg(i), user.errorSink());
        out.env.append({var.string(u"name"_qs), var.string(u"value"_qs)});
    }
    return out;
}

// Reads one of clusters / users / contexts: a list of {name, <field>: {...}}.
template<typename Entry, typename Fill>
bool readList(const QJsonObject &config, const QString &listName, const QString &field, const QString &path,
              QList<Entry> &out, QString *error, Fill fill)
{
    const QJsonValue list = config.value(listName);
    if (list.isUndefined() || list.isNull())
        return true;
    if (!list.isArray()) {
        *error = u"%1: %2: must be a list"_qs.arg(path, listName);
        return false;
    }
    QHash<QString, qsizetype> seen;
    const QJsonArray items = list.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isObject()) {
            *error = u"%1: %2[%3]: must be a mapping with name and %4"_qs.arg(path, listName).arg(i).arg(field);
            return false;
        }
        const QJsonObject item = items.at(i).toObject();
        FieldReader named(item, u"%1: %2[%3]"_qs.arg(path, listName).arg(i), error);
        const QString name = named.string(u"name"_qs);
        FieldReader body(named.object(field), u"%1: %2[%3] \"%4\""_qs.arg(path, listName).arg(i).arg(name), error);
        if (seen.contains(name))
            body.fail({}, u"duplicate name (also %1[%2])"_qs.arg(listName).arg(seen.value(name)));
        seen.insert(name, i);
        Entry entry;
        entry.name = name;
        entry.origin = path;
        fill(body, entry);
        if (!error->isEmpty())
            return false;
        out.append(std::move(entry));
    }
    return true;
}

} // namespace

Expected<QByteArray> decodeKubeconfigBase64(const QByteArray &text)
{
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        if (c == '+')
            return 62;
        if (c == '/')
            return 63;
        return -1;
    };
    auto corrupt = [](qsizetype at) {
        return Status::badRequest(u"illegal base64 data at input byte %1"_qs.arg(at));
    };
    QByteArray out;
    quint32 quantum = 0;
    int count = 0;            // sextets in the current quantum
    qsizetype quantumStart = 0;
    int padding = 0;          // '=' seen; only line breaks may follow the quantum they end
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '\n' || c == '\r')
            continue;
        if (padding > 0 && (c != '=' || count + padding >= 4))
            return corrupt(i);
        if (c == '=') {
            if (count < 2)
                return corrupt(i);
            ++padding;
            continue;
        }
        const int v = value(c);
        if (v < 0)
            return corrupt(i);
        if (count == 0)
            quantumStart = i;
        quantum = (quantum << 6) | quint32(v);
        if (++count == 4) {
            out.append(char(quantum >> 16)).append(char(quantum >> 8)).append(char(quantum));
            quantum = 0;
            count = 0;
        }
    }
    if (count == 0)
        return out;
    if (count + padding != 4)
        return corrupt(quantumStart);
    if (count == 2) {
        out.append(char(quantum >> 4));
    } else {
        out.append(char(quantum >> 10)).append(char(quantum >> 2));
    }
    return out;
}

Expected<KubeconfigFile> KubeconfigFile::parse(const QByteArray &text, const QString &path)
{
    KubeconfigFile file;
    file.path = QFileInfo(path).absoluteFilePath();
    const QDir base = QFileInfo(file.path).absoluteDir();
    if (text.trimmed().isEmpty())
        return file; // kubectl treats an empty file as an empty config
    auto json = yamlToJson(text);
    if (!json.ok())
        return Status::badRequest(u"%1: %2"_qs.arg(file.path, json.error().message()));
    const QJsonDocument doc = QJsonDocument::fromJson(json.value());
    if (doc.isNull() && json.value() == "null")
        return file;
    if (!doc.isObject())
        return Status::badRequest(u"%1: not a kubeconfig (the document is not a mapping)"_qs.arg(file.path));
    const QJsonObject config = doc.object();

    QString error;
    FieldReader top(config, file.path, &error);
    file.currentContext = top.string(u"current-context"_qs);
    if (!error.isEmpty())
        return Status::badRequest(error);

    const bool ok =
        readList(config, u"clusters"_qs, u"cluster"_qs, file.path, file.clusters, &error, [&](FieldReader &r, KubeconfigCluster &c) {
            c.server = r.string(u"server"_qs);
            c.certificateAuthority = r.path(u"certificate-authority"_qs, base);
            c.certificateAuthorityData = r.base64(u"certificate-authority-data"_qs);
            c.insecureSkipTlsVerify = r.boolean(u"insecure-skip-tls-verify"_qs);
            c.tlsServerName = r.string(u"tls-server-name"_qs);
            c.proxyUrl = r.string(u"proxy-url"_qs);
        })
        && readList(config, u"users"_qs, u"user"_qs, file.path, file.users, &error, [&](FieldReader &r, KubeconfigUser &u) {
               u.token = r.string(u"token"_qs).toUtf8();
               u.tokenFile = r.path(u"tokenFile"_qs, base);
               u.clientCertificate = r.path(u"client-certificate"_qs, base);
               u.clientCertificateData = r.base64(u"client-certificate-data"_qs);
               u.clientKey = r.path(u"client-key"_qs, base);
               u.clientKeyData = r.base64(u"client-key-data"_qs);
               u.username = r.string(u"username"_qs);
               u.password = r.string(u"password"_qs).toUtf8();
               u.impersonate = r.string(u"as"_qs);
               u.impersonateGroups = r.strings(u"as-groups"_qs);
               if (r.has(u"auth-provider"_qs)) {
                   QString providerError;
                   FieldReader provider(r.object(u"auth-provider"_qs), r.location() + u": auth-provider"_qs, &providerError);
                   u.authProvider = provider.string(u"name"_qs);
                   if (u.authProvider.isEmpty())
                       u.authProvider = u"unknown"_qs;
                   const QJsonObject config = r.object(u"auth-provider"_qs).value(u"config").toObject();
                   for (auto it = config.begin(); it != config.end(); ++it) {
                       if (it->isString())
                           u.authProviderConfig.insert(it.key(), it->toString());
                   }
               }
               if (!r.has(u"exec"_qs) || r.failed())
                   return;
               u.exec = readExec(r, base);
           })
        && readList(config, u"contexts"_qs, u"context"_qs, file.path, file.contexts, &error, [&](FieldReader &r, KubeconfigContext &c) {
               c.cluster = r.string(u"cluster"_qs);
               c.user = r.string(u"user"_qs);
               c.namespace_ = r.string(u"namespace"_qs);
           });
    if (!ok)
        return Status::badRequest(error);

    // Cluster extensions: a list of {name, extension}; only the exec plugin's is used.
    const QJsonArray clusters = config.value(u"clusters").toArray();
    for (qsizetype i = 0; i < clusters.size() && i < file.clusters.size(); ++i) {
        const QJsonValue extensions = clusters.at(i).toObject().value(u"cluster").toObject().value(u"extensions");
        for (const QJsonValue &ext : extensions.toArray()) {
            if (ext.toObject().value(u"name").toString() == QLatin1StringView(ExecClusterExtensionName))
                file.clusters[i].execExtension = ext.toObject().value(u"extension");
        }
    }
    return file;
}

Expected<KubeconfigFile> KubeconfigFile::read(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return Status(404, QString::fromLatin1(reason::NotFound), u"%1: no such file"_qs.arg(QFileInfo(path).absoluteFilePath()));
    if (!f.open(QIODevice::ReadOnly))
        return Status::internalError(u"%1: %2"_qs.arg(QFileInfo(path).absoluteFilePath(), f.errorString()));
    return parse(f.readAll(), path);
}

} // namespace kube
