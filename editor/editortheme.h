#pragma once
// EditorTheme: the colours of the YAML editor — syntax classes, problem underlines, the line
// number gutter and the diff rows — picked for the palette in use, light or dark. The editor's
// only source of colours: widgets ask it instead of naming colours themselves.
//
// Plain value; build and use on the GUI thread (QPalette). Cost: a few QColor constructions.

#include <QColor>

class QPalette;

namespace timonel {

struct EditorTheme {
    bool dark = false;
    // Syntax
    QColor key;
    QColor string;
    QColor number;
    QColor keyword;      // true, false, null, ~
    QColor comment;
    QColor anchor;       // &anchor, *alias
    QColor tag;          // !!str, !custom
    QColor marker;       // --- and ...
    QColor blockScalar;  // | and > and their text
    QColor punctuation;  // list dashes, flow brackets
    // Problems
    QColor error;
    QColor warning;
    // Gutter and lines
    QColor gutterText;
    QColor gutterBackground;
    QColor currentLine;
    // Diff rows
    QColor diffAdded;
    QColor diffRemoved;
    QColor diffChangedLeft;
    QColor diffChangedRight;
    QColor diffFiller;   // the empty side of an added or removed row

    static EditorTheme fromPalette(const QPalette &palette);
    static bool isDark(const QPalette &palette);
};

} // namespace timonel
