#pragma once
// Quantity: resource.Quantity, the fixed-point number of resource requests, limits, capacities
// and storage sizes ("500m", "1Gi", "1.5", "2e3"). Parses every form upstream accepts, keeps the
// exact value (rounded up to nano units, as upstream) and prints upstream's String(): the same
// format family as parsed (BinarySI, DecimalSI, DecimalExponent) in canonical form.
//
// Representation: mantissa × 10^scale with a 128-bit mantissa, so values are exact up to 38
// significant digits (upstream uses arbitrary precision; inputs needing more are rejected).
// Plain value type; usable from any thread; arithmetic and comparisons do not allocate.

#include "expected.h"

#include <QString>
#include <QtGlobal>

#include <compare>

namespace kube {

class Quantity
{
public:
    enum class Format {
        DecimalExponent, // 12e6
        BinarySI,        // 12Mi (12 × 2^20)
        DecimalSI,       // 12M (12 × 10^6)
    };

    Quantity(); // zero, DecimalSI

    // resource.ParseQuantity. No surrounding whitespace. Errors are 400 BadRequest with upstream's
    // messages: "quantities must match the regular expression '…'", "unable to parse quantity's
    // suffix", "unable to parse numeric part of quantity".
    static Expected<Quantity> parse(QStringView text);
    static Quantity fromValue(qint64 value, Format format = Format::DecimalSI);
    static Quantity fromMilli(qint64 milliValue, Format format = Format::DecimalSI);
    // value × 10^scale; scales below nano round up to nano like parsing does.
    static Quantity fromScaled(qint64 value, int scale, Format format = Format::DecimalSI);

    Format format() const { return m_format; }
    bool isZero() const { return m_mantissa == 0; }
    int sign() const { return m_mantissa == 0 ? 0 : (m_mantissa < 0 ? -1 : 1); }

    // The value in units, milli-units or units × 10^scale, rounded up (away from zero);
    // saturates at the int64 limits.
    qint64 value() const { return scaledValue(0); }
    qint64 milliValue() const { return scaledValue(-3); }
    qint64 scaledValue(int scale) const;
    double asApproximateDouble() const;

    // -1, 0, 1 by value; the format does not take part.
    int compare(const Quantity &other) const;
    friend bool operator==(const Quantity &a, const Quantity &b) { return a.compare(b) == 0; }
    friend std::strong_ordering operator<=>(const Quantity &a, const Quantity &b) { return a.compare(b) <=> 0; }

    // Upstream Add/Sub: a zero left side takes the right side's format. Exact unless the result
    // needs more than 38 significant digits, which then saturates.
    Quantity &operator+=(const Quantity &other);
    Quantity &operator-=(const Quantity &other);
    friend Quantity operator+(Quantity a, const Quantity &b) { return a += b; }
    friend Quantity operator-(Quantity a, const Quantity &b) { return a -= b; }
    Quantity operator-() const;

    // Upstream String(): canonical form ("1536Mi", "500m", "1e3", "0"). As upstream, text parsed
    // through its fast path and already canonical-looking is kept verbatim ("+1", "1E3", "1.500").
    QString toString() const;
    // Always the computed canonical form, even where upstream would echo the input ("+1" → "1").
    QString toCanonicalString() const;

private:
    __extension__ typedef __int128 Int128;
    Quantity(Int128 mantissa, int scale, Format format);

    Int128 m_mantissa = 0; // no trailing decimal zeros; 0 has scale 0
    qint32 m_scale = 0;    // power of ten; never below -9 (nano)
    Format m_format = Format::DecimalSI;
    QString m_text; // the parsed text when upstream would reuse it as String(), else empty
};

} // namespace kube
