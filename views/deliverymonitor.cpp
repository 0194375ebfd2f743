#include "deliverymonitor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

namespace timonel {

DeliveryMonitor::DeliveryMonitor(QWidget *parent)
    : QWidget(parent)
    , m_noteLabel(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_requests(new QSpinBox(this))
    , m_measure(new QPushButton(tr("&Measure"), this))
    , m_progress(new QProgressBar(this))
    , m_failures(new QLabel(this))
    , m_log(new QPlainTextEdit(this))
{
    m_table->setObjectName(QStringLiteral("versionsTable"));
    m_table->setHorizontalHeaderLabels({tr("Version"), tr("Deployment"), tr("Image"), tr("Ready"), tr("Restarts"),
                                        tr("Answers"), tr("Share")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setFocusPolicy(Qt::StrongFocus);
    m_table->setAccessibleName(tr("Versions"));

    m_noteLabel->setWordWrap(true);
    m_noteLabel->setObjectName(QStringLiteral("measurementNote"));
    m_requests->setRange(10, 100000);
    m_requests->setSingleStep(100);
    m_requests->setValue(1000);
    m_requests->setAccessibleName(tr("Requests to send"));
    m_measure->setObjectName(QStringLiteral("measureButton"));
    m_measure->setToolTip(tr("Send requests through the Service's node port and count who answers (Alt+M)"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_failures->setObjectName(QStringLiteral("failuresLabel"));
    m_failures->setWordWrap(true);
    m_log->setReadOnly(true);
    m_log->setObjectName(QStringLiteral("progressLog"));
    m_log->setAccessibleName(tr("Steps"));
    m_log->setMaximumBlockCount(500);

    auto *requestsLabel = new QLabel(tr("&Requests:"), this);
    requestsLabel->setBuddy(m_requests);
    auto *controls = new QHBoxLayout;
    controls->addWidget(requestsLabel);
    controls->addWidget(m_requests);
    controls->addWidget(m_measure);
    controls->addWidget(m_progress, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 2);
    layout->addWidget(m_noteLabel);
    layout->addLayout(controls);
    layout->addWidget(m_failures);
    layout->addWidget(m_log, 1);
    setTabOrder(m_table, m_requests);
    setTabOrder(m_requests, m_measure);
    setTabOrder(m_measure, m_log);

    connect(m_measure, &QPushButton::clicked, this, [this] {
        if (m_running)
            Q_EMIT stopRequested();
        else
            Q_EMIT measureRequested(m_requests->value());
    });
    rebuild();
}

void DeliveryMonitor::setVersions(const QList<WorkloadHealth> &versions)
{
    m_versions = versions;
    rebuild();
}

void DeliveryMonitor::setMeasurement(const TrafficTally &tally, bool running)
{
    m_tally = tally;
    m_running = running;
    rebuild();
}

void DeliveryMonitor::setNote(const QString &note)
{
    m_note = note;
    rebuild();
}

void DeliveryMonitor::appendProgress(const QString &line)
{
    m_log->appendPlainText(QTime::currentTime().toString(QStringLiteral("HH:mm:ss ")) + line);
}

QString DeliveryMonitor::shareText(const QString &version) const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, Version) && m_table->item(row, Version)->text() == version)
            return m_table->item(row, Share) ? m_table->item(row, Share)->text() : QString();
    }
    return {};
}

void DeliveryMonitor::rebuild()
{
    const QLocale locale;
    QStringList groups = m_tally.groups();
    QList<QStringList> rows;
    const auto shareOf = [&](const QString &group) -> QStringList {
        if (!m_tally.answered)
            return {QString(), QString()};
        return {locale.toString(m_tally.byGroup.value(group)), locale.toString(100.0 * m_tally.share(group), 'f', 1) + u'%'};
    };
    for (const WorkloadHealth &h : std::as_const(m_versions)) {
        const QStringList share = shareOf(h.version);
        groups.removeAll(h.version);
        if (!h.exists) {
            rows.append({h.version, h.deployment, QString(), tr("gone"), QString(), share.at(0), share.at(1)});
            continue;
        }
        rows.append({h.version, h.deployment, h.image, tr("%1/%2").arg(h.ready).arg(h.desired), locale.toString(h.restarts),
                     share.at(0), share.at(1)});
    }
    for (const QString &group : std::as_const(groups)) {
        const QStringList share = shareOf(group);
        rows.append({group, QString(), QString(), QString(), QString(), share.at(0), share.at(1)});
    }
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < ColumnCount; ++c) {
            QTableWidgetItem *item = m_table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(r, c, item);
            }
            item->setText(rows.at(r).at(c));
            if (c >= Ready)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    m_table->resizeColumnsToContents();

    m_noteLabel->setText(m_note);
    m_noteLabel->setVisible(!m_note.isEmpty());
    m_measure->setEnabled(m_note.isEmpty() || m_running);
    m_requests->setEnabled(m_note.isEmpty() && !m_running);
    m_measure->setText(m_running ? tr("&Stop") : tr("&Measure"));
    m_progress->setRange(0, m_tally.requested > 0 ? m_tally.requested : 0);
    m_progress->setValue(m_tally.completed());
    if (m_tally.sent == 0) {
        m_failures->setText(m_note.isEmpty() ? tr("No requests sent yet.") : QString());
        return;
    }
    m_failures->setText(m_tally.failed == 0
                            ? tr("%1 answered, none failed.").arg(locale.toString(m_tally.answered))
                            : tr("%1 answered, %2 failed (last: %3).")
                                  .arg(locale.toString(m_tally.answered), locale.toString(m_tally.failed), m_tally.lastFailure));
}

} // namespace timonel
