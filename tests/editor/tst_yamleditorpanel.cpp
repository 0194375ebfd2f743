#include "editor/problemslist.h"
#include "editor/yamleditor.h"
#include "editor/yamleditorpanel.h"

#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using timonel::YamlEditorPanel;

namespace {

const QString kLegacy = QStringLiteral(
    "apiVersion: v1\n"
    "kind: ConfigMap\n"
    "metadata:\n"
    "  name: cfg\n"
    "---\n"
    "apiVersion: extensions/v1beta1\n"
    "kind: Deployment\n"
    "metadata:\n"
    "  name: web\n"
    "spec:\n"
    "  template:\n"
    "    metadata:\n"
    "      labels: {app: web}\n"
    "    spec:\n"
    "      containers: [{name: web, image: nginx}]\n");

} // namespace

class TestYamlEditorPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void removedApiBannerConvertsUndoably()
    {
        YamlEditorPanel panel;
        auto *banner = panel.findChild<QFrame *>(u"removedApiBanner"_qs);
        auto *convert = panel.findChild<QPushButton *>(u"convertButton"_qs);
        QVERIFY(banner && convert);
        QVERIFY(banner->isHidden());

        panel.editor()->setPlainText(kLegacy);
        panel.editor()->validateNow();
        QVERIFY(!banner->isHidden());
        QVERIFY(!convert->isHidden());
        QCOMPARE(convert->text(), u"&Convert to apps/v1"_qs);
        const QStringList labels = [&] {
            QStringList texts;
            for (QLabel *l : banner->findChildren<QLabel *>())
                texts << l->text();
            return texts;
        }();
        QVERIFY(labels.join(u'\n').contains(u"extensions/v1beta1 Deployment was removed in Kubernetes 1.16; use apps/v1."_qs));

        QSignalSpy converted(&panel, &YamlEditorPanel::converted);
        convert->click();
        QCOMPARE(converted.size(), 1);
        const QString text = panel.editor()->toPlainText();
        QVERIFY(text.startsWith(kLegacy.left(kLegacy.indexOf(u"---"_qs) + 4))); // the first document untouched
        QVERIFY(text.contains(u"apiVersion: apps/v1\n"_qs));
        QVERIFY(panel.editor()->problems().isEmpty());
        QVERIFY(!banner->isHidden()); // now listing what changed
        QVERIFY(convert->isHidden());

        panel.editor()->document()->undo();
        QCOMPARE(panel.editor()->toPlainText(), kLegacy);

        auto *dismiss = panel.findChild<QPushButton *>(u"dismissButton"_qs);
        dismiss->click();
        QVERIFY(banner->isHidden());
    }

    void conflictBannerEmitsIntents()
    {
        YamlEditorPanel panel;
        auto *banner = panel.findChild<QFrame *>(u"conflictBanner"_qs);
        QSignalSpy reload(&panel, &YamlEditorPanel::reloadRequested);
        QSignalSpy reapply(&panel, &YamlEditorPanel::reapplyRequested);
        panel.showConflict(u"Operation cannot be fulfilled: the object has been modified"_qs);
        QVERIFY(!banner->isHidden());
        panel.findChild<QPushButton *>(u"reapplyButton"_qs)->click();
        QCOMPARE(reapply.size(), 1);
        QVERIFY(banner->isHidden());
        panel.showConflict({});
        panel.findChild<QPushButton *>(u"reloadButton"_qs)->click();
        QCOMPARE(reload.size(), 1);
        QCOMPARE(reapply.size(), 1);
    }

    void problemsListFollowsTheEditor()
    {
        YamlEditorPanel panel;
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.editor()->setPlainText(u"apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    imag: x\n"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(panel.problemsList()->model()->rowCount(), 1, 3000); // "imag": unknown field
        timonel::ProblemsList *list = panel.problemsList();
        list->setFocus();
        list->setCurrentIndex(list->model()->index(0, 0));
        QTest::keyClick(list, Qt::Key_Enter);
        QCOMPARE(panel.editor()->textCursor().blockNumber(), 7);
        QCOMPARE(panel.editor()->textCursor().positionInBlock(), 4);
        QVERIFY(panel.editor()->hasFocus());
    }
};

QTEST_MAIN(TestYamlEditorPanel)
#include "tst_yamleditorpanel.moc"
