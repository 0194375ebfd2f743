#pragma once
// The protobuf wire format, read field by field: the tag (field number and wire type) and the
// value of each field of one serialised message, never looking past the given bytes. It knows
// nothing of what the fields mean; protobuf.h gives them meaning from the type registry.
//
// Follows gogo-protobuf's generated Unmarshal (the code behind every Kubernetes message):
// varints of at most 10 bytes (bits past 64 are dropped, an 11th byte is an overflow), field
// numbers 1…2^29-1, no groups (wire types 3 and 4 never occur in Kubernetes messages).
//
// Plain value type over borrowed bytes: the bytes must outlive the reader and every
// ProtoWireField it returned. Usable from any thread; no allocation; O(1) per field.

#include <QByteArrayView>
#include <QString>
#include <QtGlobal>

namespace kube {

enum class ProtoWireType : quint8 {
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
};

struct ProtoWireField {
    quint32 number = 0;
    ProtoWireType wireType = ProtoWireType::Varint;
    quint64 value = 0;    // Varint, Fixed64 and Fixed32: the raw bits
    QByteArrayView bytes; // LengthDelimited: the payload (a view into the reader's bytes)
    qsizetype offset = 0; // where the tag starts, for error messages
};

class ProtoWireReader
{
public:
    explicit ProtoWireReader(QByteArrayView data) : m_data(data) {}

    bool atEnd() const { return m_pos >= m_data.size(); }
    qsizetype position() const { return m_pos; }

    // Reads the next field. False at malformed input, with error() saying what and where
    // (the offset is relative to this reader's bytes); the reader then stays at the bad field.
    bool next(ProtoWireField *field);
    const QString &error() const { return m_error; }

    // Decodes one varint at *pos, advancing it. False when truncated or longer than 10 bytes.
    static bool readVarint(QByteArrayView data, qsizetype *pos, quint64 *value);
    // "varint", "fixed64", "length-delimited", …
    static QString wireTypeName(ProtoWireType type);

private:
    bool fail(qsizetype offset, const QString &what);

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace kube
