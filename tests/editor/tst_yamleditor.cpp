#include "editor/problemslist.h"
#include "editor/problemsmodel.h"
#include "editor/yamleditor.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using timonel::ManifestProblem;
using timonel::ProblemKind;
using timonel::YamlEditor;

namespace {

const QString kBroken = QStringLiteral(
    "apiVersion: v1\n"           // 0
    "kind: Pod\n"                // 1
    "metadata:\n"                // 2
    "  name: web\n"              // 3
    "spec:\n"                    // 4
    "  containers:\n"            // 5
    "  - name: web\n"            // 6
    "    image: nginx\n"         // 7
    "    imagePullPolicy: Sometimes\n" // 8
    "    ports:\n"               // 9
    "    - containerPort: http\n" // 10
    "  restartPolicy: Always\n"); // 11

// The wavy underlines the editor shows, as (line, column, length).
QList<QList<int>> underlines(const YamlEditor &editor)
{
    QList<QList<int>> out;
    for (const QTextEdit::ExtraSelection &s : editor.extraSelections()) {
        if (s.format.underlineStyle() != QTextCharFormat::WaveUnderline)
            continue;
        const QTextBlock block = editor.document()->findBlock(s.cursor.selectionStart());
        out.append({block.blockNumber(), s.cursor.selectionStart() - int(block.position()),
                    s.cursor.selectionEnd() - s.cursor.selectionStart()});
    }
    return out;
}

QString lineText(const YamlEditor &editor, int line)
{
    return editor.document()->findBlockByNumber(line).text();
}

} // namespace

class TestYamlEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void underlinesAfterTheDebounce()
    {
        YamlEditor editor;
        QCOMPARE(editor.validationDelay(), 300);
        QSignalSpy changed(&editor, &YamlEditor::problemsChanged);
        editor.setPlainText(kBroken);
        QVERIFY(editor.problems().isEmpty()); // not before the delay
        QVERIFY(underlines(editor).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 3000);
        const auto problems = editor.problems();
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems[0].kind, ProblemKind::EnumValue);
        QCOMPARE(problems[1].kind, ProblemKind::WrongType);
        QCOMPARE(underlines(editor), (QList<QList<int>>{{8, 21, 9}, {10, 21, 4}}));
        QVERIFY(editor.problemTextAt(8, 25).contains(u"Unsupported value \"Sometimes\""_qs));
        QVERIFY(editor.problemTextAt(10, 22).contains(u"must be an integer"_qs));
        QVERIFY(editor.problemTextAt(3, 4).isEmpty());

        // Fixing one problem updates the underlines after the next debounce.
        QTextCursor c(editor.document()->findBlockByNumber(8));
        c.movePosition(QTextCursor::EndOfBlock);
        c.movePosition(QTextCursor::StartOfWord, QTextCursor::KeepAnchor);
        c.insertText(u"Always"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 3000);
        QCOMPARE(underlines(editor), (QList<QList<int>>{{10, 21, 4}}));
    }

    void validateNowSkipsTheDelay()
    {
        YamlEditor editor;
        editor.setValidationDelay(60'000);
        editor.setPlainText(u"kind: Pod\n"_qs);
        editor.validateNow();
        QCOMPARE(editor.problems().size(), 1);
        QCOMPARE(editor.problems().first().kind, ProblemKind::MissingType);
    }

    void tabInsertsTwoSpaces()
    {
        YamlEditor editor;
        editor.setPlainText(u"a:"_qs);
        editor.moveCursor(QTextCursor::End);
        QTest::keyClick(&editor, Qt::Key_Return);
        QCOMPARE(editor.toPlainText(), u"a:\n  "_qs); // auto-indent after "key:"
        QTest::keyClick(&editor, Qt::Key_Tab);
        QCOMPARE(editor.toPlainText(), u"a:\n    "_qs);
        QTest::keyClick(&editor, Qt::Key_Backtab);
        QCOMPARE(editor.toPlainText(), u"a:\n  "_qs);
    }

    void autoIndent_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");
        QTest::newRow("same level") << "  name: web" << "  name: web\n  ";
        QTest::newRow("after a key that opens a mapping") << "  spec:" << "  spec:\n    ";
        QTest::newRow("after a list item") << "  - name: web" << "  - name: web\n    ";
        QTest::newRow("after a list item opening a mapping") << "- env:" << "- env:\n    ";
        QTest::newRow("after a block scalar") << "  script: |" << "  script: |\n    ";
        QTest::newRow("comment does not count") << "  a: b # ends with:" << "  a: b # ends with:\n  ";
    }
    void autoIndent()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        YamlEditor editor;
        editor.setPlainText(line);
        editor.moveCursor(QTextCursor::End);
        QTest::keyClick(&editor, Qt::Key_Return);
        QCOMPARE(editor.toPlainText(), expected);
    }

    void ctrlSlashTogglesComments()
    {
        YamlEditor editor;
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        editor.setPlainText(u"a: 1\n  b: 2\n\nc: 3\n"_qs);
        QTextCursor c(editor.document());
        c.setPosition(0);
        c.setPosition(int(editor.document()->findBlockByNumber(1).position()) + 3, QTextCursor::KeepAnchor);
        editor.setTextCursor(c);
        QTest::keyClick(&editor, Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor.toPlainText(), u"# a: 1\n#   b: 2\n\nc: 3\n"_qs);
        QTest::keyClick(&editor, Qt::Key_Slash, Qt::ControlModifier);
        QCOMPARE(editor.toPlainText(), u"a: 1\n  b: 2\n\nc: 3\n"_qs);
        // One undo step per toggle.
        editor.toggleComment();
        editor.document()->undo();
        QCOMPARE(editor.toPlainText(), u"a: 1\n  b: 2\n\nc: 3\n"_qs);
    }

    void goToMovesTheCursor()
    {
        YamlEditor editor;
        editor.setPlainText(kBroken);
        editor.goTo(10, 21);
        QCOMPARE(editor.textCursor().blockNumber(), 10);
        QCOMPARE(editor.textCursor().positionInBlock(), 21);
        editor.validateNow();
        QCOMPARE(editor.pathAtCursor(), u"spec.containers[0].ports[0].containerPort"_qs);
    }

    void replaceTextIsOneUndoStep()
    {
        YamlEditor editor;
        editor.setPlainText(u"a: 1\n"_qs);
        editor.replaceText(u"b: 2\n"_qs);
        QCOMPARE(editor.toPlainText(), u"b: 2\n"_qs);
        editor.document()->undo();
        QCOMPARE(editor.toPlainText(), u"a: 1\n"_qs);
    }

    void problemsListNavigatesTheEditor()
    {
        YamlEditor editor;
        timonel::ProblemsList list;
        connect(&editor, &YamlEditor::problemsChanged, &list, &timonel::ProblemsList::setProblems);
        connect(&list, &timonel::ProblemsList::problemActivated, &editor, &YamlEditor::goToProblem);
        editor.setPlainText(kBroken);
        editor.validateNow();
        QCOMPARE(list.model()->rowCount(), 2);
        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));

        // Enter on the second row.
        list.setFocus();
        list.setCurrentIndex(list.model()->index(1, 0));
        QTest::keyClick(&list, Qt::Key_Return);
        QCOMPARE(editor.textCursor().blockNumber(), 10);
        QCOMPARE(editor.textCursor().positionInBlock(), 21);

        // Double click on the first.
        const QModelIndex first = list.model()->index(0, timonel::ProblemsModel::MessageColumn);
        const QPoint centre = list.visualRect(first).center();
        // Through the window, as a real double click arrives (the widget overload skips the
        // press/release pair Qt needs to recognise one).
        QTest::mouseDClick(list.windowHandle(), Qt::LeftButton, {}, list.viewport()->mapTo(&list, centre));
        QCOMPARE(editor.textCursor().blockNumber(), 8);
        QCOMPARE(editor.textCursor().positionInBlock(), 21);
        QCOMPARE(lineText(editor, 8).mid(21), u"Sometimes"_qs);
    }

    // The model keeps unchanged rows across validations (no reset), and passes the tester.
    void problemsModelUpdatesByDiff()
    {
        timonel::ProblemsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto problem = [](int line, const char *message) {
            ManifestProblem p;
            p.line = line;
            p.message = QString::fromLatin1(message);
            return p;
        };
        model.setProblems({problem(1, "a"), problem(5, "b"), problem(9, "c")});
        QCOMPARE(model.rowCount(), 3);
        const QPersistentModelIndex last = model.index(2, 0);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setProblems({problem(1, "a"), problem(3, "new"), problem(5, "b"), problem(9, "c")});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 1);
        QCOMPARE(last.row(), 3); // the persistent index moved with its row
        model.setProblems({problem(9, "c")});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.index(0, timonel::ProblemsModel::LocationColumn).data().toString(), u"10:1"_qs);
        QCOMPARE(model.index(0, timonel::ProblemsModel::MessageColumn).data().toString(), u"c"_qs);
    }
};

QTEST_MAIN(TestYamlEditor)
#include "tst_yamleditor.moc"
