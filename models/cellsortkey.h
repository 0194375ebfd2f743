#pragma once
// How table cells sort: the number a kubectl cell stands for, and a natural, case-insensitive
// text order for the rest ("web-9" before "web-10"). Cells are classified once when a row is
// computed, so sorting compares doubles and only falls back to text for text cells.
//
// Pure functions; any thread. Cost: linear in the text, no allocation (dates: one QDateTime
// parse).

#include <QStringView>

namespace timonel {

// The numeric sort key of a cell's text, or NaN when it sorts as text:
//   "3", "-1", "0.5"            → the number
//   "3/4" (ready)               → 3 (+ 4·1e-7, so 3/4 sorts before 3/10)
//   "5 (2m ago)" (restarts)     → 5
//   "3m10s", "2d4h", "45s"      → seconds (kubectl's human durations)
//   "10Gi", "500M", "1.5k"      → the quantity's value
//   "2026-11-27T10:00:00Z"      → seconds since the epoch
double cellSortNumber(QStringView text);

// Natural order: digit runs compare by value, everything else by case-folded character;
// ties broken by the exact text. <0, 0 or >0 like QString::compare.
int naturalCompare(QStringView a, QStringView b);

} // namespace timonel
