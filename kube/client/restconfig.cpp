#include "restconfig.h"

namespace kube {

QString RestConfig::redactedSummary() const
{
    QStringList parts;
    parts << QStringLiteral("context=%1").arg(contextName) << QStringLiteral("server=%1").arg(server.toString());
    if (!certificateAuthorityPem.isEmpty())
        parts << QStringLiteral("ca=<%1 bytes>").arg(certificateAuthorityPem.size());
    if (insecureSkipTlsVerify)
        parts << QStringLiteral("insecure-skip-tls-verify");
    if (!tlsServerName.isEmpty())
        parts << QStringLiteral("tls-server-name=%1").arg(tlsServerName);
    if (!proxyUrl.isEmpty())
        parts << QStringLiteral("proxy=%1").arg(proxyUrl.toString(QUrl::RemoveUserInfo));
    if (!clientCertificatePem.isEmpty())
        parts << QStringLiteral("client-certificate=<redacted>");
    if (!bearerToken.isEmpty())
        parts << QStringLiteral("token=<redacted>");
    if (credentialSource)
        parts << QStringLiteral("credentials=%1").arg(credentialSource->describe());
    if (!username.isEmpty())
        parts << QStringLiteral("basic-auth=%1:<redacted>").arg(username);
    return parts.join(u' ');
}

} // namespace kube
