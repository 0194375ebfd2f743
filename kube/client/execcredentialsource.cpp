#include "execcredentialsource.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QProcess>
#include <QStandardPaths>

namespace kube {

namespace {

constexpr qsizetype MaxStderrChars = 1024;

Status execError(const QString &message)
{
    return Status(401, QString::fromLatin1(reason::Unauthorized), message);
}

// Plugins write progress and errors to stderr; keep the end of a long one (the reason why
// usually comes last) and never more than MaxStderrChars.
QString boundedStderr(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes).trimmed();
    if (text.size() > MaxStderrChars)
        text = u"…"_qs + text.right(MaxStderrChars);
    return text;
}

} // namespace

ExecCredentialSource::ExecCredentialSource(Options options) : m_options(std::move(options)) {}

QString ExecCredentialSource::describe() const
{
    return u"exec plugin %1"_qs.arg(m_options.exec.command);
}

int ExecCredentialSource::runCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_runs;
}

Expected<QString> ExecCredentialSource::resolveCommand() const
{
    const ExecConfig &exec = m_options.exec;
    if (exec.command.isEmpty())
        return execError(u"exec plugin for user \"%1\" has no command"_qs.arg(m_options.userName));
    QString resolved;
    if (exec.command.contains(u'/')) {
        const QDir base = QFileInfo(m_options.kubeconfigPath).absoluteDir();
        const QFileInfo info(base.absoluteFilePath(exec.command));
        if (info.isFile() && info.isExecutable())
            resolved = QDir::cleanPath(info.absoluteFilePath());
    } else {
        const QStringList dirs = m_options.searchPath.split(u':', Qt::SkipEmptyParts);
        if (!dirs.isEmpty())
            resolved = QStandardPaths::findExecutable(exec.command, dirs);
    }
    if (!resolved.isEmpty())
        return resolved;
    QString message = u"exec plugin for user \"%1\": executable %2 not found"_qs.arg(m_options.userName, exec.command);
    message += exec.installHint.isEmpty()
        ? u"; it looks like a client-go credential plugin that is not installed"_qs
        : u"\n\n"_qs + exec.installHint.trimmed();
    return Status(404, QString::fromLatin1(reason::NotFound), message);
}

Expected<ExecApproval> ExecCredentialSource::approvalRequest() const
{
    auto command = resolveCommand();
    if (!command.ok())
        return command.error();
    return ExecApproval{QFileInfo(m_options.kubeconfigPath).absoluteFilePath(), command.value(), m_options.exec.args};
}

Expected<Credential> ExecCredentialSource::credential(bool forceRefresh)
{
    QMutexLocker lock(&m_mutex);
    if (m_cached && !forceRefresh && (!m_cached->expiry.isValid() || m_options.clock->now() < m_cached->expiry))
        return *m_cached;

    const ExecConfig &exec = m_options.exec;
    const QString user = m_options.userName;
    if (exec.apiVersion != QLatin1StringView(ExecApiV1) && exec.apiVersion != QLatin1StringView(ExecApiV1beta1))
        return execError(u"exec plugin for user \"%1\": invalid apiVersion \"%2\" (want %3 or %4)"_qs
                             .arg(user, exec.apiVersion, QLatin1StringView(ExecApiV1), QLatin1StringView(ExecApiV1beta1)));
    // client-go defaults v1beta1 to IfAvailable and requires v1 configs to choose.
    if (exec.interactiveMode == ExecInteractiveMode::Unspecified && exec.apiVersion == QLatin1StringView(ExecApiV1))
        return execError(u"exec plugin for user \"%1\": interactiveMode must be specified to use exec authentication plugin"_qs.arg(user));
    if (exec.interactiveMode == ExecInteractiveMode::Always)
        return execError(u"exec plugin %1 for user \"%2\" needs a terminal (interactiveMode: Always), which Timonel cannot "
                         "provide; sign in with it in a terminal first or configure interactiveMode: IfAvailable or Never"_qs
                             .arg(exec.command, user));

    auto approval = approvalRequest();
    if (!approval.ok())
        return approval.error();
    if (!m_options.approvals || !m_options.approvals->isApproved(approval.value())) {
        Status refused(403, QString::fromLatin1(reason::ExecPluginNotApproved),
                       u"the kubeconfig %1 wants to run %2 to get credentials for user \"%3\"; it runs only after you approve it"_qs
                           .arg(approval->kubeconfig, approval->command, user));
        refused.setDetails({}, u"ExecPlugin"_qs, approval->command);
        return refused;
    }

    auto fresh = run(approval->command);
    if (!fresh.ok())
        return fresh;
    m_cached = fresh.value();
    return fresh;
}

QByteArray ExecCredentialSource::execInfo() const
{
    QJsonObject spec{{u"interactive"_qs, false}};
    if (m_options.exec.provideClusterInfo) {
        const ExecClusterInfo &c = m_options.cluster;
        QJsonObject cluster{{u"server"_qs, c.server}};
        if (!c.certificateAuthorityData.isEmpty())
            cluster[u"certificate-authority-data"_qs] = QString::fromLatin1(c.certificateAuthorityData.toBase64());
        if (c.insecureSkipTlsVerify)
            cluster[u"insecure-skip-tls-verify"_qs] = true;
        if (!c.tlsServerName.isEmpty())
            cluster[u"tls-server-name"_qs] = c.tlsServerName;
        if (!c.proxyUrl.isEmpty())
            cluster[u"proxy-url"_qs] = c.proxyUrl;
        if (!c.config.isUndefined() && !c.config.isNull())
            cluster[u"config"_qs] = c.config;
        spec[u"cluster"_qs] = cluster;
    }
    const QJsonObject request{{u"apiVersion"_qs, m_options.exec.apiVersion}, {u"kind"_qs, u"ExecCredential"_qs}, {u"spec"_qs, spec}};
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

Expected<Credential> ExecCredentialSource::run(const QString &program)
{
    QProcessEnvironment env = m_options.environment;
    for (const ExecEnvVar &var : m_options.exec.env)
        env.insert(var.name, var.value);
    env.insert(u"KUBERNETES_EXEC_INFO"_qs, QString::fromUtf8(execInfo()));

    QProcess process;
    process.setProgram(program);
    process.setArguments(m_options.exec.args);
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    ++m_runs;
    process.start();
    if (!process.waitForStarted(m_options.timeoutMs))
        return execError(u"exec plugin %1: cannot start: %2"_qs.arg(program, process.errorString()));
    if (!process.waitForFinished(m_options.timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return execError(u"exec plugin %1: no answer within %2 s"_qs.arg(program).arg(m_options.timeoutMs / 1000.0));
    }
    const QString stderrText = boundedStderr(process.readAllStandardError());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QString message = process.exitStatus() == QProcess::NormalExit
            ? u"exec plugin %1 failed with exit code %2"_qs.arg(program).arg(process.exitCode())
            : u"exec plugin %1 crashed"_qs.arg(program);
        if (!stderrText.isEmpty())
            message += u": "_qs + stderrText;
        return execError(message);
    }
    return parse(process.readAllStandardOutput(), program);
}

// Messages never quote stdout: it may hold the token.
Expected<Credential> ExecCredentialSource::parse(const QByteArray &stdoutBytes, const QString &program) const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(stdoutBytes, &parseError);
    if (!doc.isObject())
        return execError(u"exec plugin %1: the output is not an ExecCredential (JSON error at offset %2: %3)"_qs
                             .arg(program).arg(parseError.offset).arg(parseError.errorString()));
    const QJsonObject o = doc.object();
    const QString apiVersion = o.value(u"apiVersion").toString();
    if (apiVersion != m_options.exec.apiVersion)
        return execError(u"exec plugin %1 returned apiVersion \"%2\", but the kubeconfig asks for \"%3\""_qs
                             .arg(program, apiVersion, m_options.exec.apiVersion));
    if (o.value(u"kind").toString() != u"ExecCredential")
        return execError(u"exec plugin %1 returned kind \"%2\", want ExecCredential"_qs.arg(program, o.value(u"kind").toString()));
    if (!o.value(u"status").isObject())
        return execError(u"exec plugin %1 didn't return a status field"_qs.arg(program));
    const QJsonObject status = o.value(u"status").toObject();

    Credential c;
    c.token = status.value(u"token").toString().toUtf8();
    c.clientCertificatePem = status.value(u"clientCertificateData").toString().toUtf8();
    c.clientKeyPem = status.value(u"clientKeyData").toString().toUtf8();
    if (c.clientCertificatePem.isEmpty() != c.clientKeyPem.isEmpty())
        return execError(u"exec plugin %1 returned only one of clientCertificateData and clientKeyData"_qs.arg(program));
    if (c.token.isEmpty() && c.clientCertificatePem.isEmpty())
        return execError(u"exec plugin %1 didn't return a token or cert/key pair"_qs.arg(program));
    const QJsonValue expiry = status.value(u"expirationTimestamp");
    if (expiry.isString() && !expiry.toString().isEmpty()) {
        c.expiry = QDateTime::fromString(expiry.toString(), Qt::ISODateWithMs);
        // RFC 3339 needs a time and a zone; Qt would also take a bare date or local time.
        if (!c.expiry.isValid() || expiry.toString().size() < 20 || c.expiry.timeSpec() == Qt::LocalTime)
            return execError(u"exec plugin %1: expirationTimestamp \"%2\" is not an RFC 3339 time"_qs.arg(program, expiry.toString()));
    }
    return c;
}

} // namespace kube
