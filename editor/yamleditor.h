#pragma once
// YamlEditor: the widget a manifest is edited in. A QPlainTextEdit with a line-number gutter
// (with a mark on lines that have problems), a monospace font, YAML highlighting
// (highlighterfactory.h), Tab inserting two spaces (Shift+Tab and Tab on a selection
// unindent/indent its lines), auto-indent on Enter (one level more after "key:", "- " or a
// block scalar indicator), Ctrl+/ toggling comments on the selected lines, and validation
// while typing: 300 ms after the last change the text is parsed (incrementally: only the
// documents that changed) and checked by a ManifestValidator; problems are underlined with
// wavy lines, explained in a tooltip on hover, and announced with problemsChanged().
// Ctrl+Tab and Ctrl+Shift+Tab move the focus out, since Tab is text here.
//
// GUI thread. The debounced validation runs on a worker of the global thread pool (a 3 MB
// file never blocks typing) and its result is dropped if the text changed meanwhile;
// validateNow() runs it synchronously. Cost: ~1.5 ms after an edit in one document of a
// 2,000-line file, 10–20 ms when every document changed (bench_editor).

#include "manifestproblem.h"
#include "yamlsourcemap.h"

#include <QFutureWatcher>
#include <QPlainTextEdit>
#include <QTimer>

#include <memory>

class QAction;
class QSyntaxHighlighter;

namespace timonel {

class ManifestValidator;

class YamlEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit YamlEditor(QWidget *parent = nullptr);
    ~YamlEditor() override;

    // The validator to check the text with (shared, e.g. one with the cluster's CRDs); the
    // built-in kinds by default. It runs on a worker thread: hand over a new one when the
    // CRDs change instead of modifying it.
    void setValidator(std::shared_ptr<const ManifestValidator> validator);
    void setValidationDelay(int milliseconds); // 300 by default
    int validationDelay() const;

    QList<ManifestProblem> problems() const { return m_problems; }
    const YamlSourceMap &sourceMap() const { return m_sourceMap; }
    // The messages of the problems covering a position (the hover tooltip), or "".
    QString problemTextAt(int line, int column) const;
    // The field path at the cursor ("spec.template.spec.containers[0].image").
    QString pathAtCursor() const;

    QAction *toggleCommentAction() const { return m_toggleComment; }

public Q_SLOTS:
    // Validates now instead of after the delay.
    void validateNow();
    // Puts the cursor at a 0-based line and UTF-16 column, shows it and takes the focus.
    void goTo(int line, int column);
    void goToProblem(const timonel::ManifestProblem &problem);
    void toggleComment();
    // Replaces the whole text as one undoable edit (conversions, reloads).
    void replaceText(const QString &text);

Q_SIGNALS:
    void problemsChanged(const QList<timonel::ManifestProblem> &problems);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    struct Validation {
        YamlSourceMap sourceMap;
        QList<ManifestProblem> problems;
        quint64 edits = 0; // m_edits when the text was taken
    };
    friend class LineNumberGutter;
    void startValidation();
    void applyValidation(Validation validation);
    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void updateExtraSelections();
    void attachHighlighter();
    void indentSelection(bool indent);
    void insertNewLineWithIndent();

    QWidget *m_gutter = nullptr;
    QSyntaxHighlighter *m_highlighter = nullptr;
    QAction *m_toggleComment = nullptr;
    QTimer m_debounce;
    QFutureWatcher<Validation> m_running;
    quint64 m_edits = 0; // counts changes of the text
    std::shared_ptr<const ManifestValidator> m_validator;
    YamlSourceMap m_sourceMap;
    QList<ManifestProblem> m_problems;
};

} // namespace timonel
