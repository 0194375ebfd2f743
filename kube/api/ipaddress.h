#pragma once
// IPAddress: an IPv4 or IPv6 address read the way Kubernetes reads IP and CIDR fields — Go's
// net.ParseIP as k8s.io/utils/net keeps it (sloppy) or netip.ParseAddr (strict) — and written
// back as Go's net.IP.String() does. What namevalidation.h's isValidIP/isValidCIDR build on.
//
// Value type of 17 bytes; no sharing, usable from any thread. Parsing and formatting are linear
// in the text; formatting allocates the result only.

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace kube {

struct IPPrefix;

class IPAddress
{
public:
    // Sloppy (ParseIPSloppy) accepts IPv4 octets with leading zeros ("010.1.1.1") and IPv6
    // fields of more than four digits when the value fits; Strict (netip) refuses both. Neither
    // takes a zone ("fe80::1%eth0"), brackets or a port.
    enum class Rules { Sloppy, Strict };

    // The first '.' or ':' decides the family, as in Go.
    static std::optional<IPAddress> parse(QStringView text, Rules rules);

    // "addr/bits", as ParseCIDRSloppy: IPv4 tried first, a decimal length (leading zeros
    // allowed) of at most 32 or 128. The address is returned unmasked.
    static std::optional<IPPrefix> parseCIDR(QStringView text);

    // Written as a dotted quad, not as IPv6.
    bool isIPv4() const { return m_ipv4; }
    // Written as IPv6 but IPv4-mapped ("::ffff:1.2.3.4"), what netip calls Is4In6.
    bool is4In6() const { return !m_ipv4 && isV4MappedBytes(); }
    // The bits past prefixBits zeroed, counted within the family (32 or 128 bits).
    IPAddress masked(int prefixBits) const;
    // net.IP.String(): dotted for IPv4 and IPv4-mapped, else RFC 5952 ("2001:db8::1").
    QString toString() const;

    friend bool operator==(const IPAddress &, const IPAddress &) = default;

private:
    using Bytes = std::array<quint8, 16>;
    static constexpr Bytes kV4MappedPrefix = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0};

    bool isV4MappedBytes() const;
    static bool parseIPv4(QStringView s, Rules rules, quint8 *out);
    static bool parseIPv6(QStringView s, Rules rules, Bytes &ip);

    Bytes m_bytes = kV4MappedPrefix; // IPv4 kept as ::ffff:a.b.c.d, as Go's net.IP
    bool m_ipv4 = true;
};

// A CIDR value as parsed: the address as written (not masked) and the prefix length.
struct IPPrefix {
    IPAddress address;
    int bits = 0;
};

} // namespace kube
