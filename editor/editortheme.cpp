#include "editortheme.h"

#include <QPalette>

namespace timonel {

namespace {

// A tint of colour over the base: how diff rows and the current line stay readable on any
// palette.
QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                            float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

} // namespace

bool EditorTheme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

EditorTheme EditorTheme::fromPalette(const QPalette &palette)
{
    EditorTheme t;
    t.dark = isDark(palette);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    if (t.dark) {
        t.key = QColor(0x7c, 0xb7, 0xff);
        t.string = QColor(0xa5, 0xd6, 0x8a);
        t.number = QColor(0xf7, 0xb2, 0x6b);
        t.keyword = QColor(0xd6, 0x9c, 0xf4);
        t.comment = QColor(0x8b, 0x94, 0x9e);
        t.anchor = QColor(0x5e, 0xd3, 0xc8);
        t.tag = QColor(0xe0, 0x8c, 0xb4);
        t.marker = QColor(0xf2, 0xcc, 0x60);
        t.blockScalar = QColor(0xb8, 0xd8, 0x9a);
        t.error = QColor(0xff, 0x6b, 0x6b);
        t.warning = QColor(0xf2, 0xc1, 0x4e);
    } else {
        t.key = QColor(0x1a, 0x4f, 0xa0);
        t.string = QColor(0x2e, 0x7d, 0x32);
        t.number = QColor(0xb3, 0x5c, 0x00);
        t.keyword = QColor(0x7b, 0x2c, 0xbf);
        t.comment = QColor(0x6a, 0x73, 0x7d);
        t.anchor = QColor(0x00, 0x7a, 0x75);
        t.tag = QColor(0xa6, 0x26, 0x6b);
        t.marker = QColor(0x8a, 0x6d, 0x00);
        t.blockScalar = QColor(0x3a, 0x6b, 0x1f);
        t.error = QColor(0xd3, 0x2f, 0x2f);
        t.warning = QColor(0xc7, 0x8a, 0x00);
    }
    t.punctuation = blend(text, base, 0.35);
    t.gutterText = blend(text, base, 0.5);
    t.gutterBackground = blend(base, text, 0.04);
    t.currentLine = blend(base, palette.color(QPalette::Highlight), 0.08);
    const double amount = t.dark ? 0.28 : 0.18;
    t.diffAdded = blend(base, QColor(0x2e, 0xa0, 0x43), amount);
    t.diffRemoved = blend(base, QColor(0xd7, 0x3a, 0x49), amount);
    t.diffChangedLeft = blend(base, QColor(0xd7, 0x3a, 0x49), amount * 0.6);
    t.diffChangedRight = blend(base, QColor(0x2e, 0xa0, 0x43), amount * 0.6);
    t.diffFiller = blend(base, text, 0.06);
    return t;
}

} // namespace timonel
