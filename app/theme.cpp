#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace timonel {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x20, 0x23, 0x28), base(0x17, 0x19, 0x1d), text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x7a, 0x7f, 0x87), highlight(0x2f, 0x6f, 0xd6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x1d, 0x20, 0x25));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2a, 0x2e, 0x34));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xff));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x3a, 0x3f, 0x46));
    p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x17));
    p.setColor(QPalette::Light, QColor(0x3a, 0x3f, 0x46));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QPalette lightPalette()
{
    QPalette p = QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
    p.setColor(QPalette::AlternateBase, QColor(0xf4, 0xf6, 0xf8));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd6));
    return p;
}

} // namespace

void applyTheme(ThemeChoice theme)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    switch (theme) {
    case ThemeChoice::Dark: QApplication::setPalette(darkPalette()); break;
    case ThemeChoice::Light: QApplication::setPalette(lightPalette()); break;
    case ThemeChoice::System: QApplication::setPalette(QApplication::style()->standardPalette()); break;
    }
}

ThemeChoice savedTheme()
{
    QString value = qEnvironmentVariable("TIMONEL_THEME");
    if (value.isEmpty())
        value = QSettings().value(QStringLiteral("ui/theme")).toString();
    if (value == u"dark")
        return ThemeChoice::Dark;
    if (value == u"light")
        return ThemeChoice::Light;
    return ThemeChoice::System;
}

void saveTheme(ThemeChoice theme)
{
    const char *names[] = {"system", "light", "dark"};
    QSettings().setValue(QStringLiteral("ui/theme"), QString::fromLatin1(names[int(theme)]));
}

} // namespace timonel
