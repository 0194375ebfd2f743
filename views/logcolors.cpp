#include "logcolors.h"

#include <cmath>

namespace timonel::logcolors {

// --- The theme helper: every colour below derives from the widget's palette, and colours
// that would not read on the background are nudged until they do.

qreal channel(qreal v)
{
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

qreal luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool isDark(const QColor &c)
{
    return luminance(c) < 0.18;
}

// fg, lightened (on dark backgrounds) or darkened (on light ones) until it contrasts with bg.
QColor readableOn(QColor fg, const QColor &bg, qreal minimum)
{
    const bool lighten = isDark(bg);
    for (int i = 0; i < 8 && contrast(fg, bg) < minimum; ++i) {
        float h, s, l, a;
        fg.getHslF(&h, &s, &l, &a);
        l = lighten ? l + (1.0f - l) * 0.4f : l * 0.6f;
        fg = QColor::fromHslF(h, s, l, a);
    }
    return fg;
}

QColor blend(const QColor &under, const QColor &over, qreal amount)
{
    return QColor::fromRgbF(under.redF() + (over.redF() - under.redF()) * amount,
                            under.greenF() + (over.greenF() - under.greenF()) * amount,
                            under.blueF() + (over.blueF() - under.blueF()) * amount);
}

// Search hits: an amber marker that keeps its meaning on light and dark themes.
QColor searchMatchColor(const QColor &base)
{
    return isDark(base) ? QColor::fromHsl(42, 150, 75) : QColor::fromHsl(48, 255, 170);
}

QColor fromRgb(quint32 rgb)
{
    return QColor::fromRgb(int(rgb >> 16 & 0xff), int(rgb >> 8 & 0xff), int(rgb & 0xff));
}

} // namespace timonel::logcolors
