#include "protowire.h"

namespace kube {

namespace {
constexpr quint32 MaxFieldNumber = (1u << 29) - 1;
constexpr int MaxVarintBytes = 10;
} // namespace

namespace {
enum class VarintResult { Ok, Truncated, Overflow };

VarintResult decodeVarint(QByteArrayView data, qsizetype *pos, quint64 *value)
{
    quint64 result = 0;
    qsizetype p = *pos;
    for (int i = 0; i < MaxVarintBytes; ++i, ++p) {
        if (p >= data.size())
            return VarintResult::Truncated;
        const auto byte = quint8(data[p]);
        result |= quint64(byte & 0x7f) << (7 * i); // bits past 64 drop, as gogo does
        if (byte < 0x80) {
            *pos = p + 1;
            *value = result;
            return VarintResult::Ok;
        }
    }
    return VarintResult::Overflow;
}
} // namespace

bool ProtoWireReader::readVarint(QByteArrayView data, qsizetype *pos, quint64 *value)
{
    return decodeVarint(data, pos, value) == VarintResult::Ok;
}

QString ProtoWireReader::wireTypeName(ProtoWireType type)
{
    switch (type) {
    case ProtoWireType::Varint: return u"varint"_qs;
    case ProtoWireType::Fixed64: return u"fixed64"_qs;
    case ProtoWireType::LengthDelimited: return u"length-delimited"_qs;
    case ProtoWireType::StartGroup: return u"start-group"_qs;
    case ProtoWireType::EndGroup: return u"end-group"_qs;
    case ProtoWireType::Fixed32: return u"fixed32"_qs;
    }
    return u"unknown"_qs;
}

bool ProtoWireReader::fail(qsizetype offset, const QString &what)
{
    m_error = u"%1 at byte %2"_qs.arg(what).arg(offset);
    return false;
}

bool ProtoWireReader::next(ProtoWireField *field)
{
    const qsizetype start = m_pos;
    qsizetype p = m_pos;
    quint64 tag = 0;
    if (const VarintResult r = decodeVarint(m_data, &p, &tag); r != VarintResult::Ok)
        return fail(start, r == VarintResult::Truncated ? u"truncated tag"_qs : u"tag varint longer than 10 bytes"_qs);
    const quint64 number = tag >> 3;
    const auto wireType = ProtoWireType(tag & 7);
    if (number == 0 || number > MaxFieldNumber)
        return fail(start, u"illegal field number %1"_qs.arg(number));

    field->number = quint32(number);
    field->wireType = wireType;
    field->offset = start;
    field->value = 0;
    field->bytes = {};
    switch (wireType) {
    case ProtoWireType::Varint:
        if (const VarintResult r = decodeVarint(m_data, &p, &field->value); r != VarintResult::Ok)
            return fail(start, (r == VarintResult::Truncated ? u"truncated varint of field %1"_qs : u"varint of field %1 longer than 10 bytes"_qs).arg(number));
        break;
    case ProtoWireType::Fixed64:
    case ProtoWireType::Fixed32: {
        const qsizetype width = wireType == ProtoWireType::Fixed64 ? 8 : 4;
        if (m_data.size() - p < width)
            return fail(start, u"truncated %1 of field %2"_qs.arg(wireTypeName(wireType)).arg(number));
        for (qsizetype i = width - 1; i >= 0; --i)
            field->value = (field->value << 8) | quint8(m_data[p + i]); // little-endian
        p += width;
        break;
    }
    case ProtoWireType::LengthDelimited: {
        quint64 length = 0;
        if (const VarintResult r = decodeVarint(m_data, &p, &length); r != VarintResult::Ok)
            return fail(start, (r == VarintResult::Truncated ? u"truncated length of field %1"_qs : u"length of field %1 longer than 10 bytes"_qs).arg(number));
        if (length > quint64(m_data.size() - p))
            return fail(start, u"field %1 claims %2 bytes but only %3 remain (truncated message)"_qs.arg(number).arg(length).arg(m_data.size() - p));
        field->bytes = m_data.sliced(p, qsizetype(length));
        p += qsizetype(length);
        break;
    }
    case ProtoWireType::StartGroup:
    case ProtoWireType::EndGroup:
    default:
        return fail(start, u"unsupported wire type %1 (%2) of field %3"_qs.arg(int(wireType)).arg(wireTypeName(wireType)).arg(number));
    }
    m_pos = p;
    return true;
}

} // namespace kube
