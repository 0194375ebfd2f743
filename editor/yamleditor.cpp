#include "yamleditor.h"

#include "editortheme.h"
#include "highlighterfactory.h"
#include "manifestvalidator.h"

#include <QAction>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPromise>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QThreadPool>
#include <QToolTip>

#include <limits>

namespace timonel {

namespace {

constexpr int kIndent = 2;

int leadingSpaces(const QString &line)
{
    int n = 0;
    while (n < line.size() && line[n] == u' ')
        ++n;
    return n;
}

// The line's content before any comment, trimmed (quotes are not tracked: good enough to
// decide an indentation).
QString contentOf(const QString &line)
{
    QString text = line;
    const qsizetype hash = text.indexOf(u" #");
    if (hash >= 0)
        text.truncate(hash);
    if (text.trimmed().startsWith(u'#'))
        return {};
    return text.trimmed();
}

std::shared_ptr<const ManifestValidator> builtinValidator()
{
    static const std::shared_ptr<const ManifestValidator> validator = std::make_shared<ManifestValidator>();
    return validator;
}

} // namespace

// The strip left of the text: line numbers and a mark on lines with problems.
class LineNumberGutter : public QWidget
{
public:
    explicit LineNumberGutter(YamlEditor *editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }
    void mousePressEvent(QMouseEvent *event) override { event->ignore(); }

private:
    YamlEditor *m_editor;
};

YamlEditor::YamlEditor(QWidget *parent) : QPlainTextEdit(parent), m_validator(builtinValidator())
{
    setAccessibleName(tr("YAML editor"));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabStopDistance(fontMetrics().horizontalAdvance(QString(kIndent, u' ')));
    setTabChangesFocus(false);
    setFocusPolicy(Qt::StrongFocus);

    m_gutter = new LineNumberGutter(this);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &YamlEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &YamlEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &YamlEditor::updateExtraSelections);
    updateGutterWidth();

    m_toggleComment = new QAction(tr("Toggle Comment"), this);
    m_toggleComment->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    m_toggleComment->setShortcutContext(Qt::WidgetShortcut);
    connect(m_toggleComment, &QAction::triggered, this, &YamlEditor::toggleComment);
    addAction(m_toggleComment);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &YamlEditor::startValidation);
    connect(&m_running, &QFutureWatcher<Validation>::finished, this, [this] {
        if (m_running.future().resultCount() > 0)
            applyValidation(m_running.future().takeResult());
    });
    connect(document(), &QTextDocument::contentsChanged, this, [this] {
        ++m_edits;
        m_debounce.start();
    });

    attachHighlighter();
    updateExtraSelections();
}

YamlEditor::~YamlEditor() = default;

void YamlEditor::setValidator(std::shared_ptr<const ManifestValidator> validator)
{
    m_validator = validator ? std::move(validator) : builtinValidator();
    m_debounce.start();
}

void YamlEditor::setValidationDelay(int milliseconds)
{
    m_debounce.setInterval(milliseconds);
}

int YamlEditor::validationDelay() const
{
    return m_debounce.interval();
}

void YamlEditor::validateNow()
{
    m_debounce.stop();
    m_running.setFuture(QFuture<Validation>()); // a result still on its way is stale now
    Validation v;
    v.sourceMap = YamlSourceMap::parse(toPlainText(), m_sourceMap);
    v.problems = m_validator->validate(v.sourceMap);
    v.edits = m_edits;
    applyValidation(std::move(v));
}

void YamlEditor::startValidation()
{
    auto promise = std::make_shared<QPromise<Validation>>();
    m_running.setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, text = toPlainText(), previous = m_sourceMap,
                                          validator = m_validator, edits = m_edits] {
        promise->start();
        Validation v;
        v.sourceMap = YamlSourceMap::parse(text, previous);
        v.problems = validator->validate(v.sourceMap);
        v.edits = edits;
        promise->addResult(std::move(v));
        promise->finish();
    });
}

void YamlEditor::applyValidation(Validation validation)
{
    if (validation.edits != m_edits)
        return; // typed since: the debounce will validate the new text
    m_sourceMap = std::move(validation.sourceMap);
    if (validation.problems == m_problems)
        return;
    m_problems = std::move(validation.problems);
    updateExtraSelections();
    m_gutter->update();
    emit problemsChanged(m_problems);
}

QString YamlEditor::problemTextAt(int line, int column) const
{
    QStringList messages;
    for (const ManifestProblem &p : m_problems) {
        if (p.line == line && column >= p.column && column <= p.column + std::max(p.length, 1))
            messages << p.message;
    }
    return messages.join(u'\n');
}

QString YamlEditor::pathAtCursor() const
{
    const QTextCursor c = textCursor();
    return m_sourceMap.pathAt(c.blockNumber(), c.positionInBlock());
}

void YamlEditor::goTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(std::clamp(line, 0, std::max(0, blockCount() - 1)));
    QTextCursor c(block);
    c.setPosition(block.position() + std::clamp(column, 0, int(block.length()) - 1));
    setTextCursor(c);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

void YamlEditor::goToProblem(const ManifestProblem &problem)
{
    goTo(problem.line, problem.column);
}

void YamlEditor::replaceText(const QString &text)
{
    const int position = textCursor().position();
    QTextCursor c(document());
    c.beginEditBlock();
    c.select(QTextCursor::Document);
    c.insertText(text);
    c.endEditBlock();
    c.setPosition(std::min(position, int(document()->characterCount()) - 1));
    setTextCursor(c);
}

void YamlEditor::toggleComment()
{
    QTextCursor c = textCursor();
    QTextBlock first = document()->findBlock(c.selectionStart());
    QTextBlock last = document()->findBlock(c.selectionEnd());
    if (c.hasSelection() && last != first && c.selectionEnd() == last.position())
        last = last.previous(); // a selection ending at a line's start leaves that line alone
    bool allCommented = true;
    int indent = std::numeric_limits<int>::max();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        if (!text.trimmed().isEmpty()) {
            allCommented = allCommented && text.trimmed().startsWith(u'#');
            indent = std::min(indent, leadingSpaces(text));
        }
        if (b == last)
            break;
    }
    if (indent == std::numeric_limits<int>::max())
        return; // only blank lines
    QTextCursor edit(document());
    edit.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        if (!text.trimmed().isEmpty()) {
            if (allCommented) {
                const int hash = leadingSpaces(text);
                const int width = text.mid(hash, 2) == u"# " ? 2 : 1;
                edit.setPosition(b.position() + hash);
                edit.setPosition(b.position() + hash + width, QTextCursor::KeepAnchor);
                edit.removeSelectedText();
            } else {
                edit.setPosition(b.position() + indent);
                edit.insertText(u"# "_qs);
            }
        }
        if (b == last)
            break;
    }
    edit.endEditBlock();
}

void YamlEditor::indentSelection(bool indent)
{
    QTextCursor c = textCursor();
    QTextBlock first = document()->findBlock(c.selectionStart());
    QTextBlock last = document()->findBlock(c.selectionEnd());
    if (c.hasSelection() && last != first && c.selectionEnd() == last.position())
        last = last.previous();
    QTextCursor edit(document());
    edit.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        if (indent) {
            edit.setPosition(b.position());
            edit.insertText(QString(kIndent, u' '));
        } else {
            const int remove = std::min(kIndent, leadingSpaces(b.text()));
            edit.setPosition(b.position());
            edit.setPosition(b.position() + remove, QTextCursor::KeepAnchor);
            edit.removeSelectedText();
        }
        if (b == last)
            break;
    }
    edit.endEditBlock();
}

void YamlEditor::insertNewLineWithIndent()
{
    QTextCursor c = textCursor();
    const QString line = c.block().text();
    const QString before = contentOf(line.left(c.positionInBlock()));
    int indent = leadingSpaces(line);
    if (before == u"-" || before.startsWith(u"- "))
        indent += kIndent; // the item's next key lines up after its dash
    if (before.endsWith(u':') || before.endsWith(u'|') || before.endsWith(u'>') || before.endsWith(u"|-")
        || before.endsWith(u">-"))
        indent += kIndent;
    c.beginEditBlock();
    c.insertText(u'\n' + QString(indent, u' '));
    c.endEditBlock();
    setTextCursor(c);
    ensureCursorVisible();
}

void YamlEditor::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    if ((key == Qt::Key_Tab || key == Qt::Key_Backtab) && (mods & Qt::ControlModifier)) {
        QAbstractScrollArea::focusNextPrevChild(key == Qt::Key_Tab && !(mods & Qt::ShiftModifier));
        return;
    }
    if (key == Qt::Key_Tab && mods == Qt::NoModifier) {
        const QTextCursor c = textCursor();
        if (c.hasSelection() && document()->findBlock(c.selectionStart()) != document()->findBlock(c.selectionEnd()))
            indentSelection(true);
        else
            insertPlainText(QString(kIndent, u' '));
        return;
    }
    if (key == Qt::Key_Backtab) {
        indentSelection(false);
        return;
    }
    if ((key == Qt::Key_Return || key == Qt::Key_Enter) && mods == Qt::NoModifier) {
        insertNewLineWithIndent();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

bool YamlEditor::viewportEvent(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QPlainTextEdit::viewportEvent(event);
    const auto *help = static_cast<QHelpEvent *>(event);
    const QTextCursor c = cursorForPosition(help->pos());
    const QString text = problemTextAt(c.blockNumber(), c.positionInBlock());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, viewport());
    return true;
}

void YamlEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        attachHighlighter();
        updateExtraSelections();
        m_gutter->update();
    }
}

void YamlEditor::contextMenuEvent(QContextMenuEvent *event)
{
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    menu->addSeparator();
    menu->addAction(m_toggleComment);
    menu->exec(event->globalPos());
}

void YamlEditor::attachHighlighter()
{
    delete m_highlighter;
    m_highlighter = attachYamlHighlighter(document(), palette());
}

// ---- gutter ----------------------------------------------------------------------------------

int YamlEditor::gutterWidth() const
{
    const int digits = std::max(3, int(QString::number(std::max(1, blockCount())).size()));
    return fontMetrics().horizontalAdvance(u'9') * (digits + 2);
}

void YamlEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void YamlEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void YamlEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), gutterWidth(), r.height()));
}

void YamlEditor::paintGutter(QPaintEvent *event)
{
    const EditorTheme theme = EditorTheme::fromPalette(palette());
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), theme.gutterBackground);
    QHash<int, ProblemSeverity> worst;
    for (const ManifestProblem &p : std::as_const(m_problems)) {
        if (!worst.contains(p.line) || p.severity == ProblemSeverity::Error)
            worst.insert(p.line, p.severity);
    }
    const int markWidth = std::max(3, fontMetrics().horizontalAdvance(u'9') / 2);
    const int currentLine = textCursor().blockNumber();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int number = block.blockNumber();
            if (const auto it = worst.constFind(number); it != worst.constEnd())
                painter.fillRect(0, top, markWidth, height, *it == ProblemSeverity::Error ? theme.error : theme.warning);
            QFont f = font();
            f.setBold(number == currentLine);
            painter.setFont(f);
            painter.setPen(number == currentLine ? palette().color(QPalette::Text) : theme.gutterText);
            painter.drawText(0, top, m_gutter->width() - markWidth, fontMetrics().height(), Qt::AlignRight,
                             QString::number(number + 1));
        }
        block = block.next();
        top += height;
    }
}

void YamlEditor::updateExtraSelections()
{
    const EditorTheme theme = EditorTheme::fromPalette(palette());
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection current;
    current.format.setBackground(theme.currentLine);
    current.format.setProperty(QTextFormat::FullWidthSelection, true);
    current.cursor = textCursor();
    current.cursor.clearSelection();
    selections.append(current);
    for (const ManifestProblem &p : std::as_const(m_problems)) {
        const QTextBlock block = document()->findBlockByNumber(p.line);
        if (!block.isValid())
            continue;
        const int lineLength = int(block.length()) - 1;
        int start = std::min(p.column, lineLength);
        int end = std::min(start + std::max(p.length, 1), lineLength);
        if (start == end && start > 0)
            --start; // nothing to underline at a line's end: underline its last character
        QTextEdit::ExtraSelection s;
        s.cursor = QTextCursor(document());
        s.cursor.setPosition(block.position() + start);
        s.cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(p.severity == ProblemSeverity::Error ? theme.error : theme.warning);
        selections.append(s);
    }
    setExtraSelections(selections);
}

} // namespace timonel
