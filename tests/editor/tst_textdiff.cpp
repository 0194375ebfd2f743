#include "editor/textdiff.h"

#include <QRandomGenerator>
#include <QTest>

using timonel::DiffKind;
using timonel::DiffRow;

namespace {

QStringList lines(const char *text)
{
    return QString::fromUtf8(text).split(u'\n');
}

// The rows written compactly: "=" same, "~" changed, "+" added, "-" removed.
QString shape(const QList<DiffRow> &rows)
{
    QString s;
    for (const DiffRow &r : rows)
        s += r.kind == DiffKind::Same ? u'=' : r.kind == DiffKind::Changed ? u'~' : r.kind == DiffKind::Added ? u'+' : u'-';
    return s;
}

// Every line of both sides appears exactly once, in order, and same rows hold equal lines.
void checkConsistent(const QStringList &left, const QStringList &right, const QList<DiffRow> &rows)
{
    int l = 0;
    int r = 0;
    for (const DiffRow &row : rows) {
        if (row.left >= 0)
            QCOMPARE(row.left, l++);
        if (row.right >= 0)
            QCOMPARE(row.right, r++);
        if (row.kind == DiffKind::Same)
            QCOMPARE(left[row.left], right[row.right]);
        QCOMPARE(row.left < 0, row.kind == DiffKind::Added);
        QCOMPARE(row.right < 0, row.kind == DiffKind::Removed);
    }
    QCOMPARE(l, left.size());
    QCOMPARE(r, right.size());
}

} // namespace

class TestTextDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void alignment_data()
    {
        QTest::addColumn<QStringList>("left");
        QTest::addColumn<QStringList>("right");
        QTest::addColumn<QString>("expected");
        QTest::newRow("identical") << lines("a\nb\nc") << lines("a\nb\nc") << "===";
        QTest::newRow("one line changed") << lines("a\nb\nc") << lines("a\nB\nc") << "=~=";
        QTest::newRow("line added") << lines("a\nc") << lines("a\nb\nc") << "=+=";
        QTest::newRow("line removed") << lines("a\nb\nc") << lines("a\nc") << "=-=";
        QTest::newRow("block edited, longer") << lines("a\nb\nc\nz") << lines("a\nB\nC\nD\nz") << "=~~+=";
        QTest::newRow("block edited, shorter") << lines("a\nb\nc\nd\nz") << lines("a\nB\nz") << "=~--=";
        QTest::newRow("everything different") << lines("a\nb") << lines("x\ny\nz") << "~~+";
        QTest::newRow("left empty") << QStringList() << lines("x\ny") << "++";
        QTest::newRow("moved line") << lines("a\nb\nc\nd") << lines("b\nc\nd\na") << "-===+";
        QTest::newRow("replicas bumped in yaml")
            << lines("apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 1\n  template: {}")
            << lines("apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3\n  paused: true\n  template: {}")
            << "===~+=";
    }
    void alignment()
    {
        QFETCH(QStringList, left);
        QFETCH(QStringList, right);
        QFETCH(QString, expected);
        const auto rows = timonel::diffLines(left, right);
        QCOMPARE(shape(rows), expected);
        checkConsistent(left, right, rows);
    }

    void rowsPointAtTheRightLines()
    {
        const auto rows = timonel::diffLines(lines("a\nb\nc"), lines("a\nx\ny\nc"));
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[1], (DiffRow{1, 1, DiffKind::Changed}));
        QCOMPARE(rows[2], (DiffRow{-1, 2, DiffKind::Added}));
        QCOMPARE(rows[3], (DiffRow{2, 3, DiffKind::Same}));
    }

    // Random edits of a random text: the script is consistent and minimal enough that the
    // untouched lines are matched.
    void randomEditsStayConsistent()
    {
        QRandomGenerator rng(42);
        for (int round = 0; round < 30; ++round) {
            QStringList left;
            for (int i = 0; i < 300; ++i)
                left << QString::number(rng.bounded(40)); // many repeated lines
            QStringList right = left;
            int edits = 0;
            for (int e = 0; e < 20; ++e) {
                const int at = rng.bounded(int(right.size()));
                switch (rng.bounded(3)) {
                case 0: right.removeAt(at); break;
                case 1: right.insert(at, u"new"_qs); break;
                default: right[at] = u"changed"_qs; break;
                }
                ++edits;
            }
            const auto rows = timonel::diffLines(left, right);
            checkConsistent(left, right, rows);
            int same = 0;
            for (const DiffRow &r : rows)
                same += r.kind == DiffKind::Same;
            QVERIFY2(same >= left.size() - 2 * edits, qPrintable(QString::number(same)));
        }
    }

    // Over budget the diff degrades to one changed block, still consistent.
    void budgetBoundsTheCost()
    {
        QStringList left;
        QStringList right;
        for (int i = 0; i < 2000; ++i) {
            left << QStringLiteral("l%1").arg(i % 7);
            right << QStringLiteral("l%1").arg((i * 3) % 11);
        }
        timonel::DiffOptions tiny;
        tiny.maxSteps = 1000;
        const auto rows = timonel::diffLines(left, right, tiny);
        checkConsistent(left, right, rows);
        const auto full = timonel::diffLines(left, right);
        checkConsistent(left, right, full);
        int sameTiny = 0;
        int sameFull = 0;
        for (const DiffRow &r : rows)
            sameTiny += r.kind == DiffKind::Same;
        for (const DiffRow &r : full)
            sameFull += r.kind == DiffKind::Same;
        QVERIFY(sameFull > sameTiny);
    }

    void changeStartsFindEachRun()
    {
        const auto rows = timonel::diffLines(lines("a\nb\nc\nd\ne\nf"), lines("a\nB\nc\nd\nE\nF\nG"));
        QCOMPARE(shape(rows), u"=~==~~+"_qs);
        QCOMPARE(timonel::changeStarts(rows), QList<int>({1, 4}));
    }
};

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
