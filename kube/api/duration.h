#pragma once
// Duration: a signed count of nanoseconds with Go's time.Duration text form ("1h30m", "300ms",
// "1.5s"): metav1.Duration fields, timeouts in requests (`?timeout=30s`), kubectl flags. Also the
// AGE-column renderings of apimachinery's util/duration (HumanDuration, ShortHumanDuration).
//
// Plain value type; usable from any thread; all operations are cheap and allocation-free except
// the text conversions.

#include "expected.h"

#include <QString>
#include <QtGlobal>

#include <chrono>
#include <compare>

namespace kube {

class Duration
{
public:
    static constexpr qint64 Nanosecond = 1;
    static constexpr qint64 Microsecond = 1000 * Nanosecond;
    static constexpr qint64 Millisecond = 1000 * Microsecond;
    static constexpr qint64 Second = 1000 * Millisecond;
    static constexpr qint64 Minute = 60 * Second;
    static constexpr qint64 Hour = 60 * Minute;

    constexpr Duration() = default;
    constexpr explicit Duration(qint64 nanoseconds) : m_ns(nanoseconds) {}
    template<typename Rep, typename Period>
    constexpr Duration(std::chrono::duration<Rep, Period> d) : m_ns(std::chrono::duration_cast<std::chrono::nanoseconds>(d).count()) {}

    // time.ParseDuration: "[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+" with units ns, us (µs, μs), ms, s, m,
    // h, or "0". Errors are 400 BadRequest with Go's wording (`time: invalid duration "x"`,
    // `time: missing unit in duration "1"`, `time: unknown unit "d" in duration "1d"`).
    static Expected<Duration> parse(QStringView text);

    constexpr qint64 nanoseconds() const { return m_ns; }
    constexpr double seconds() const { return double(m_ns / Second) + double(m_ns % Second) / 1e9; }
    constexpr std::chrono::nanoseconds toChrono() const { return std::chrono::nanoseconds(m_ns); }

    // Go's Duration.String(): "1h0m0s", "1.5s", "300ms", "1µs", "0s".
    QString toString() const;
    // duration.HumanDuration (kubectl AGE): ~2-3 significant figures, "3m10s", "2d1h", "8d",
    // "2y1d"; "<invalid>" below -1s (clock skew up to a second shows as "0s").
    QString toHumanString() const;
    // duration.ShortHumanDuration: one unit, "59s", "1m", "23h", "364d", "2y".
    QString toShortHumanString() const;

    friend constexpr auto operator<=>(Duration, Duration) = default;
    friend constexpr bool operator==(Duration, Duration) = default;

private:
    qint64 m_ns = 0;
};

} // namespace kube
