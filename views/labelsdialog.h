#pragma once
// LabelsDialog: edits an object's labels as a key/value table. Keys are checked as qualified
// names and values as label values, with the API server's own messages
// (kube/api/namevalidation.h); empty and duplicate keys are refused. Errors show inline — a
// warning icon and tooltip on the cell, and the list under the table — and OK stays disabled
// until they are fixed. Rows left wholly empty are ignored.
//
// Keyboard: Insert (or the Add button) adds a row and edits its key; Delete removes the
// selected rows; Enter accepts when the table is not editing; Esc cancels.
//
// GUI thread only. Cost: validation of every row on each edit (a handful of rows).

#include "kube/api/labels.h"

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace timonel {

class LabelsDialog : public QDialog
{
    Q_OBJECT
public:
    // title: whose labels ("Pod web-1").
    LabelsDialog(const QString &title, const kube::Labels &labels, QWidget *parent = nullptr);

    // The labels as edited (only meaningful when errors() is empty).
    kube::Labels labels() const;
    // One message per problem: "Row 2, key: name part must consist of …".
    QStringList errors() const { return m_errors; }

    // Adds a row (key, value) and returns its index.
    int addRow(const QString &key = {}, const QString &value = {});
    void removeSelectedRows();

    QTableWidget *table() const { return m_table; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QLabel *errorLabel() const { return m_errorLabel; }

public Q_SLOTS:
    void accept() override;

private:
    void validate();

    QTableWidget *m_table = nullptr;
    QLabel *m_errorLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QStringList m_errors;
    bool m_validating = false;
};

} // namespace timonel
