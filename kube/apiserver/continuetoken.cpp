#include "continuetoken.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

QString ContinueToken::encode() const
{
    const QJsonObject o{{u"v"_qs, u"timonel/v1"_qs}, {u"rv"_qs, revision}, {u"start"_qs, QString::fromUtf8(startAfterKey)}};
    return QString::fromLatin1(QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Expected<ContinueToken> ContinueToken::decode(const QString &token)
{
    const auto invalid = Status::badRequest(u"continue key is not valid: %1"_qs.arg(token));
    auto decoded = QByteArray::fromBase64Encoding(token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalid;
    const QJsonObject o = QJsonDocument::fromJson(*decoded).object();
    if (o.value(u"v").toString() != u"timonel/v1" || !o.value(u"rv").isDouble() || !o.value(u"start").isString())
        return invalid;
    return ContinueToken{qint64(o.value(u"rv").toDouble()), o.value(u"start").toString().toUtf8()};
}

} // namespace kube
