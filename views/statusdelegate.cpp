#include "statusdelegate.h"

#include <QPalette>

namespace timonel {

StatusDelegate::StatusDelegate(int statusRole, QObject *parent) : QStyledItemDelegate(parent), m_statusRole(statusRole) {}

QColor StatusDelegate::colour(StatusCategory category, const QPalette &palette)
{
    // Dark themes get lighter tones so the text keeps its contrast.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (category) {
    case StatusCategory::Good: return dark ? QColor(0x6c, 0xd4, 0x7e) : QColor(0x1a, 0x7f, 0x37);
    case StatusCategory::Pending: return dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
    case StatusCategory::Warning: return dark ? QColor(0xf0, 0x88, 0x3e) : QColor(0xbc, 0x4c, 0x00);
    case StatusCategory::Error: return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
    case StatusCategory::Neutral: break;
    }
    return {};
}

void StatusDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant status = index.data(m_statusRole);
    if (!status.isValid())
        return;
    const QColor c = colour(static_cast<StatusCategory>(status.toInt()), option->palette);
    if (c.isValid() && !(option->state & QStyle::State_Selected))
        option->palette.setColor(QPalette::Text, c);
}

} // namespace timonel
