#pragma once
// CommandPalette (Ctrl+K): one box to jump anywhere — a kind ("Deployments"), an object of the
// current table ("pod web-7d9c…"), a cluster, or an action ("Delete selected", "Dark theme").
// Typing ranks entries by a fuzzy subsequence match (consecutive and word-start hits score
// higher); Up/Down move, Enter runs, Escape closes. The app supplies the entries each time the
// palette opens; the palette reports the chosen entry's id.
//
// GUI thread only. Cost per keystroke: one scoring pass over the entries (thousands are fine).

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace timonel {

struct PaletteEntry {
    QString id;       // what the app acts on: "kind:pods", "object:default/web-1", "action:delete"
    QString text;     // shown and matched
    QString category; // shown beside the text: "Kind", "Pod", "Action"
};

class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    explicit CommandPalette(QWidget *parent = nullptr);

    void setEntries(QList<PaletteEntry> entries);
    // Clears the query, shows the palette centred over the parent and focuses the query.
    void popup();
    QLineEdit *queryEdit() const { return m_query; }
    QListWidget *results() const { return m_results; }

    // The score of text for a query (0: no match); exposed for tests.
    static int matchScore(QStringView query, QStringView text);

Q_SIGNALS:
    void entryChosen(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refilter();
    void choose();

    QLineEdit *m_query = nullptr;
    QListWidget *m_results = nullptr;
    QList<PaletteEntry> m_entries;
};

} // namespace timonel
