#pragma once
// Themes: the system's look, or Timonel's light or dark palette over the Fusion style (which
// honours palettes on every platform). The choice is remembered in settings (ui/theme);
// TIMONEL_THEME=light|dark|system overrides it (screenshots, tests).
//
// GUI thread only; call after QApplication exists.

#include <QString>

namespace timonel {

enum class ThemeChoice { System, Light, Dark };

void applyTheme(ThemeChoice theme);
ThemeChoice savedTheme();
void saveTheme(ThemeChoice theme);

} // namespace timonel
