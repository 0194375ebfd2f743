#include "secretmasking.h"

#include "kube/api/object.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QStringDecoder>

namespace timonel {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(timonel::SecretMasking)
};

QJsonObject maskValues(const QJsonObject &map, bool base64)
{
    QJsonObject masked;
    for (auto it = map.begin(); it != map.end(); ++it)
        masked.insert(it.key(), maskedValuePlaceholder(secretValueSize(it.value(), base64)));
    return masked;
}

// Masks data and stringData of one Secret tree; withAnnotation also masks its last-applied
// annotation (not needed inside the annotation itself).
QJsonObject mask(QJsonObject secret, bool withAnnotation)
{
    if (secret.contains(u"data"))
        secret.insert(u"data", maskValues(secret.value(u"data").toObject(), true));
    if (secret.contains(u"stringData"))
        secret.insert(u"stringData", maskValues(secret.value(u"stringData").toObject(), false));
    if (!withAnnotation)
        return secret;
    QJsonObject metadata = secret.value(u"metadata").toObject();
    QJsonObject annotations = metadata.value(u"annotations").toObject();
    if (!annotations.contains(LastAppliedAnnotation))
        return secret;
    const QByteArray applied = annotations.value(LastAppliedAnnotation).toString().toUtf8();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(applied, &error);
    const QString replacement = error.error == QJsonParseError::NoError && doc.isObject()
                                    ? QString::fromUtf8(QJsonDocument(mask(doc.object(), false)).toJson(QJsonDocument::Compact))
                                    : maskedValuePlaceholder(applied.size());
    annotations.insert(LastAppliedAnnotation, replacement);
    metadata.insert(u"annotations", annotations);
    secret.insert(u"metadata", metadata);
    return secret;
}

} // namespace

QString maskedValuePlaceholder(qint64 bytes)
{
    if (bytes < 0)
        return Tr::tr("<hidden>");
    return Tr::tr("<hidden: %n byte(s)>", nullptr, int(qMin<qint64>(bytes, INT_MAX)));
}

bool isSecretJson(const QJsonObject &object)
{
    return object.value(u"kind").toString() == u"Secret" && object.value(u"apiVersion").toString() == u"v1";
}

bool isSecret(const kube::Object &object)
{
    return object.kind() == u"Secret" && object.apiVersion() == u"v1";
}

qint64 secretValueSize(const QJsonValue &value, bool base64)
{
    if (!value.isString())
        return -1;
    const QByteArray text = value.toString().toUtf8();
    if (!base64)
        return text.size();
    const auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    return decoded ? decoded.decoded.size() : -1;
}

QJsonObject maskSecretJson(const QJsonObject &secret)
{
    return isSecretJson(secret) ? mask(secret, true) : secret;
}

kube::Object maskSecret(const kube::Object &secret)
{
    if (!isSecret(secret))
        return secret;
    return kube::Object::fromJson(mask(secret.toJson(), true));
}

RevealedSecretValue revealBytes(const QByteArray &bytes)
{
    RevealedSecretValue result;
    result.byteSize = bytes.size();
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (!decoder.hasError() && !bytes.contains('\0')) {
        result.form = RevealedSecretValue::Form::Text;
        result.text = text;
        return result;
    }
    result.form = RevealedSecretValue::Form::Hex;
    result.text = QString::fromLatin1(bytes.left(HexPreviewBytes).toHex(' '));
    if (bytes.size() > HexPreviewBytes)
        result.text += u" …"_qs;
    return result;
}

RevealedSecretValue revealSecretValue(const QJsonObject &secret, const QString &key)
{
    const QJsonValue stringValue = secret.value(u"stringData").toObject().value(key);
    if (stringValue.isString()) {
        RevealedSecretValue result = revealBytes(stringValue.toString().toUtf8());
        result.fromStringData = true;
        return result;
    }
    const QJsonValue dataValue = secret.value(u"data").toObject().value(key);
    if (!dataValue.isString())
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(dataValue.toString().toUtf8(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        RevealedSecretValue invalid;
        invalid.form = RevealedSecretValue::Form::Invalid;
        return invalid;
    }
    return revealBytes(decoded.decoded);
}

RevealedSecretValue revealSecretValue(const kube::Object &secret, const QString &key)
{
    return revealSecretValue(secret.toJson(), key);
}

} // namespace timonel
