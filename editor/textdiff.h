#pragma once
// TextDiff: a line diff of two texts laid out as side-by-side rows — each row shows a left
// line, a right line or both, and whether they are the same, changed, added or removed.
// Runs of removed lines followed by added lines are paired as "changed" rows, the way
// side-by-side diff tools show an edited block.
//
// Myers' O((N+M)·D) algorithm in linear space (the middle-snake bisection), after hashing
// lines to integers and stripping the common head and tail. The cost is bounded: once a diff
// has spent its budget of steps (about 10 ms), the region left is shown as one changed block
// instead — correct, only less fine-grained. 5,000-line files with ordinary edits take a few
// milliseconds (bench_editor).
//
// Pure functions; any thread.

#include <QList>
#include <QStringList>

namespace timonel {

enum class DiffKind : quint8 { Same, Changed, Added, Removed };

struct DiffRow {
    int left = -1;  // 0-based line of the left text, -1 for none (Added)
    int right = -1; // 0-based line of the right text, -1 for none (Removed)
    DiffKind kind = DiffKind::Same;
    friend bool operator==(const DiffRow &, const DiffRow &) = default;
};

struct DiffOptions {
    qint64 maxSteps = 4'000'000; // the cost budget (inner-loop steps of the algorithm)
};

QList<DiffRow> diffLines(const QStringList &left, const QStringList &right, const DiffOptions &options = {});

// The first row of every run of changes (rows that are not Same), in order: the targets of
// "next change" / "previous change".
QList<int> changeStarts(const QList<DiffRow> &rows);

} // namespace timonel
