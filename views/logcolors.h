#pragma once
// The log view's colour rules: every colour derives from the widget's palette, and a colour that
// would not read on the background (WCAG contrast below the minimum) is nudged lighter or darker
// until it does — ANSI colours from a program's output, per-container colours, search matches.
//
// Pure functions; any thread. Cost: a few floating-point operations.

#include <QColor>

namespace timonel::logcolors {

// sRGB channel to linear light, relative luminance and the WCAG contrast ratio of two colours.
qreal channel(qreal v);
qreal luminance(const QColor &c);
qreal contrast(const QColor &a, const QColor &b);
bool isDark(const QColor &c);

// fg, nudged until it reaches `minimum` contrast on bg.
QColor readableOn(QColor fg, const QColor &bg, qreal minimum = 3.0);
// over painted on under with the given opacity.
QColor blend(const QColor &under, const QColor &over, qreal amount);
// The background of a search match on a base colour.
QColor searchMatchColor(const QColor &base);
QColor fromRgb(quint32 rgb);

} // namespace timonel::logcolors
