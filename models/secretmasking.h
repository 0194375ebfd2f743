#pragma once
// Secret masking: what the console shows of a Secret before the user asks for a value.
// (a) maskSecret…() replaces every value of data and stringData by a placeholder that states its
// size in bytes ("<hidden: 12 bytes>"), and masks the same values inside the
// kubectl.kubernetes.io/last-applied-configuration annotation (which holds the applied Secret,
// data included); an annotation that does not parse as JSON is replaced whole. The result is
// for display (YAML/JSON views, describe): applying it would overwrite the real values.
// (b) revealSecretValue() decodes one key on demand: text when the bytes are valid UTF-8, else
// a hex preview. Nothing here logs, and errors never quote a value.
//
// Pure functions; any thread. Cost: maskSecret() parses and re-serialises the object once (plus
// the annotation); revealSecretValue() parses the object and decodes one value.

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace kube {
class Object;
}

namespace timonel {

inline constexpr QStringView LastAppliedAnnotation = u"kubectl.kubernetes.io/last-applied-configuration";

// The placeholder a masked value becomes: "<hidden: 12 bytes>" (translated).
QString maskedValuePlaceholder(qint64 bytes);

// Whether the object is a core/v1 Secret (the only kind masked).
bool isSecret(const kube::Object &object);
bool isSecretJson(const QJsonObject &object);

// The Secret with data, stringData and the last-applied annotation masked. Objects of other
// kinds come back unchanged.
kube::Object maskSecret(const kube::Object &secret);
QJsonObject maskSecretJson(const QJsonObject &secret);

// The byte size of one data value (base64-decoded) or stringData value (UTF-8); -1 when the
// value is not valid base64.
qint64 secretValueSize(const QJsonValue &value, bool base64);

struct RevealedSecretValue {
    enum class Form { Missing, Text, Hex, Invalid };
    Form form = Form::Missing; // Invalid: a data value that is not base64
    QString text;              // the UTF-8 text, or the hex preview ("de ad be ef …")
    qint64 byteSize = 0;
    bool fromStringData = false;
};

// How many bytes the hex preview shows at most.
inline constexpr int HexPreviewBytes = 64;

// One key's value: stringData wins over data, as the API server merges them on write.
RevealedSecretValue revealSecretValue(const kube::Object &secret, const QString &key);
RevealedSecretValue revealSecretValue(const QJsonObject &secret, const QString &key);
// The decoding alone, for bytes already at hand.
RevealedSecretValue revealBytes(const QByteArray &bytes);

} // namespace timonel
