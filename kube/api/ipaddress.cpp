#include "ipaddress.h"

#include <algorithm>

namespace kube {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

int hexValue(QChar c)
{
    if (isDigit(c))
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

} // namespace

bool IPAddress::isV4MappedBytes() const
{
    return std::equal(m_bytes.begin(), m_bytes.begin() + 12, kV4MappedPrefix.begin());
}

// Four decimal octets separated by '.', into out[0..4).
bool IPAddress::parseIPv4(QStringView s, Rules rules, quint8 *out)
{
    qsizetype pos = 0;
    for (int j = 0; j < 4; ++j) {
        if (j > 0) {
            if (pos >= s.size() || s[pos] != u'.')
                return false;
            ++pos;
        }
        const qsizetype start = pos;
        int n = 0;
        for (; pos < s.size() && isDigit(s[pos]); ++pos) {
            n = n * 10 + (s[pos].unicode() - u'0');
            if (n > 0xff)
                return false;
        }
        const qsizetype digits = pos - start;
        if (digits == 0)
            return false;
        if (rules == Rules::Strict && digits > 1 && s[start] == u'0')
            return false;
        out[j] = quint8(n);
    }
    return pos == s.size();
}

// Hex fields separated by ':', at most one "::", optionally ending in a dotted quad.
bool IPAddress::parseIPv6(QStringView s, Rules rules, Bytes &ip)
{
    ip.fill(0);
    int ellipsis = -1; // byte offset where "::" stands
    qsizetype pos = 0;
    if (s.startsWith(u"::")) {
        ellipsis = 0;
        pos = 2;
        if (pos == s.size())
            return true;
    }
    int i = 0;
    while (i < 16) {
        const qsizetype start = pos;
        int n = 0;
        for (; pos < s.size() && hexValue(s[pos]) >= 0; ++pos) {
            n = n * 16 + hexValue(s[pos]);
            if (n > 0xffff)
                return false;
        }
        if (pos == start || (rules == Rules::Strict && pos - start > 4))
            return false;
        if (pos < s.size() && s[pos] == u'.') {
            if ((ellipsis < 0 && i != 12) || i + 4 > 16)
                return false;
            if (!parseIPv4(s.sliced(start), rules, ip.data() + i))
                return false;
            i += 4;
            pos = s.size();
            break;
        }
        ip[i] = quint8(n >> 8);
        ip[i + 1] = quint8(n);
        i += 2;
        if (pos == s.size())
            break;
        if (s[pos] != u':' || pos + 1 == s.size())
            return false;
        ++pos;
        if (s[pos] == u':') {
            if (ellipsis >= 0)
                return false;
            ellipsis = i;
            if (++pos == s.size())
                break;
        }
    }
    if (pos != s.size())
        return false;
    if (i == 16)
        return ellipsis < 0; // "::" must stand for at least one zero field
    if (ellipsis < 0)
        return false;
    const int gap = 16 - i;
    std::copy_backward(ip.begin() + ellipsis, ip.begin() + i, ip.begin() + i + gap);
    std::fill(ip.begin() + ellipsis, ip.begin() + ellipsis + gap, quint8(0));
    return true;
}

std::optional<IPAddress> IPAddress::parse(QStringView text, Rules rules)
{
    IPAddress ip;
    for (QChar c : text) {
        if (c == u'.')
            return parseIPv4(text, rules, ip.m_bytes.data() + 12) ? std::optional(ip) : std::nullopt;
        if (c == u':') {
            ip.m_ipv4 = false;
            return parseIPv6(text, rules, ip.m_bytes) ? std::optional(ip) : std::nullopt;
        }
    }
    return std::nullopt;
}

std::optional<IPPrefix> IPAddress::parseCIDR(QStringView text)
{
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0)
        return std::nullopt;
    const QStringView address = text.first(slash);
    const QStringView length = text.sliced(slash + 1);
    IPPrefix prefix;
    IPAddress &ip = prefix.address;
    if (!parseIPv4(address, Rules::Sloppy, ip.m_bytes.data() + 12)) {
        ip.m_ipv4 = false;
        if (!parseIPv6(address, Rules::Sloppy, ip.m_bytes))
            return std::nullopt;
    }
    if (length.isEmpty())
        return std::nullopt;
    for (QChar c : length) {
        if (!isDigit(c))
            return std::nullopt;
        prefix.bits = prefix.bits * 10 + (c.unicode() - u'0');
        if (prefix.bits > (ip.m_ipv4 ? 32 : 128))
            return std::nullopt;
    }
    return prefix;
}

IPAddress IPAddress::masked(int prefixBits) const
{
    IPAddress out = *this;
    for (int bit = (m_ipv4 ? 96 : 0) + std::max(prefixBits, 0); bit < 128; ++bit)
        out.m_bytes[bit / 8] &= quint8(~(0x80 >> (bit % 8)));
    return out;
}

QString IPAddress::toString() const
{
    const Bytes &b = m_bytes;
    if (isV4MappedBytes())
        return u"%1.%2.%3.%4"_qs.arg(int(b[12])).arg(int(b[13])).arg(int(b[14])).arg(int(b[15]));
    std::array<quint16, 8> fields;
    for (int i = 0; i < 8; ++i)
        fields[i] = quint16(b[2 * i] << 8 | b[2 * i + 1]);
    // The longest run of two or more zero fields becomes "::"; the first of equal runs wins.
    int runStart = -1, runLength = 0;
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && fields[j] == 0)
            ++j;
        if (j - i >= 2 && j - i > runLength) {
            runStart = i;
            runLength = j - i;
        }
        i = j == i ? i + 1 : j;
    }
    QString out;
    for (int i = 0; i < 8; ++i) {
        if (i == runStart) {
            out += u"::"_qs;
            i += runLength - 1;
            continue;
        }
        if (!out.isEmpty() && !out.endsWith(u':'))
            out += u':';
        out += QString::number(fields[i], 16);
    }
    return out;
}

} // namespace kube
