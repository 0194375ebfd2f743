#include "editor/diffview.h"
#include "editor/editortheme.h"

#include <QAbstractScrollArea>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using timonel::DiffKind;
using timonel::DiffView;

namespace {

QString numbered(int count, int changeEvery, const QString &suffix)
{
    QStringList lines;
    for (int i = 0; i < count; ++i)
        lines << (changeEvery > 0 && i % changeEvery == changeEvery - 1 ? QStringLiteral("line %1%2").arg(i).arg(suffix)
                                                                        : QStringLiteral("line %1").arg(i));
    return lines.join(u'\n') + u'\n';
}

} // namespace

class TestDiffView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headersAndRows()
    {
        DiffView view;
        view.setTexts(u"Live (resourceVersion 1234)"_qs, u"a\nb\nc\n"_qs, u"Edited"_qs, u"a\nB\nc\nd\n"_qs);
        QStringList titles;
        for (QLabel *l : view.findChildren<QLabel *>())
            titles << l->text();
        QVERIFY(titles.contains(u"Live (resourceVersion 1234)"_qs));
        QVERIFY(titles.contains(u"Edited"_qs));
        QVERIFY(titles.contains(u"2 change(s)"_qs));
        QCOMPARE(view.rows().size(), 4); // a final newline is not an extra line
        QCOMPARE(view.rows()[1].kind, DiffKind::Changed);
        QCOMPARE(view.rows()[3].kind, DiffKind::Added);
        QCOMPARE(view.changeCount(), 2);
    }

    void keyboardMovesBetweenChanges()
    {
        DiffView view;
        view.resize(800, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTexts(u"Live"_qs, numbered(300, 50, u""_qs), u"Edited"_qs, numbered(300, 50, u" (edited)"_qs));
        QCOMPARE(view.changeCount(), 6);
        QSignalSpy moved(&view, &DiffView::currentChangeChanged);
        view.setFocus();
        QWidget *area = view.findChild<QAbstractScrollArea *>();
        QVERIFY(area->hasFocus());
        QTest::keyClick(area, Qt::Key_F8);
        QCOMPARE(view.currentChange(), 0);
        QTest::keyClick(area, Qt::Key_N);
        QCOMPARE(view.currentChange(), 1);
        QVERIFY(view.firstVisibleRow() <= 99 && view.firstVisibleRow() + 5 > 99 - 10); // row 99 is in view
        QTest::keyClick(area, Qt::Key_F8, Qt::ShiftModifier);
        QCOMPARE(view.currentChange(), 0);
        QTest::keyClick(area, Qt::Key_P);
        QCOMPARE(view.currentChange(), 0); // no change before the first
        QCOMPARE(moved.size(), 3);
        for (int i = 0; i < 10; ++i)
            view.nextChange();
        QCOMPARE(view.currentChange(), 5);
        QTest::keyClick(area, Qt::Key_Home);
        QCOMPARE(view.firstVisibleRow(), 0);
    }

    // The rows are painted in the theme's diff colours: an added line's right half.
    void addedRowsAreTinted()
    {
        DiffView view;
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTexts(u"Live"_qs, u"a\nb\n"_qs, u"Edited"_qs, u"a\nb\nnew\n"_qs);
        auto *area = view.findChild<QAbstractScrollArea *>();
        const QImage image = area->viewport()->grab().toImage();
        const int rowHeight = area->fontMetrics().height();
        const auto theme = timonel::EditorTheme::fromPalette(area->palette());
        const QColor added = image.pixelColor(image.width() - 3, 2 * rowHeight + rowHeight / 2);
        const QColor same = image.pixelColor(image.width() - 3, rowHeight / 2);
        const QColor filler = image.pixelColor(image.width() / 2 - 3, 2 * rowHeight + rowHeight / 2);
        QCOMPARE(added.rgb(), theme.diffAdded.rgb());
        QCOMPARE(filler.rgb(), theme.diffFiller.rgb());
        QVERIFY(same.rgb() != theme.diffAdded.rgb());
    }
};

QTEST_MAIN(TestDiffView)
#include "tst_diffview.moc"
