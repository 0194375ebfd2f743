#pragma once
// StatusDelegate: paints a table cell's text in the colour of its row's StatusCategory (the
// model's StatusRole on the status column) — green running, amber pending, red failing — with
// colours chosen for the current palette (light or dark), so status reads at a glance without
// a per-cell QBrush in the model.
//
// GUI thread only. Cost: one role lookup per painted cell.

#include "models/statuscategory.h"

#include <QStyledItemDelegate>

namespace timonel {

class StatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // statusRole: the model role holding the category as an int.
    StatusDelegate(int statusRole, QObject *parent = nullptr);

    // The text colour of a category on a palette (invalid: the palette's own).
    static QColor colour(StatusCategory category, const QPalette &palette);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_statusRole;
};

} // namespace timonel
