#pragma once
// DeliveryMonitor: the monitor page shared by the canary and blue-green wizards — one row per
// version (Deployment, image, ready/desired, restarts, answers and measured share of the last
// traffic run), the traffic controls (requests to send, Measure / Stop, progress), failed
// requests with the last reason, a note when measurement is unavailable, and a log of the steps.
//
// Emits intents only (measureRequested, stopRequested); app/ runs the traffic generator.
// Keyboard: the table, the request count and the Measure button are in the tab order; Alt+M
// measures.
//
// GUI thread. Cost: a table refresh per setVersions()/setMeasurement() (a handful of rows).

#include "models/traffictally.h"
#include "models/workloadreadiness.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace timonel {

class DeliveryMonitor : public QWidget
{
    Q_OBJECT
public:
    enum Column { Version, Deployment, Image, Ready, Restarts, Answers, Share, ColumnCount };

    explicit DeliveryMonitor(QWidget *parent = nullptr);

    void setVersions(const QList<WorkloadHealth> &versions);
    void setMeasurement(const TrafficTally &tally, bool running);
    // Empty: measurement available; else why not (the controls are disabled).
    void setNote(const QString &note);
    void appendProgress(const QString &line);

    QTableWidget *table() const { return m_table; }
    QPushButton *measureButton() const { return m_measure; }
    QSpinBox *requestCount() const { return m_requests; }
    QLabel *failuresLabel() const { return m_failures; }
    QPlainTextEdit *log() const { return m_log; }
    // The share column's text for a version ("" when it has none), for tests.
    QString shareText(const QString &version) const;

Q_SIGNALS:
    void measureRequested(int requests);
    void stopRequested();

private:
    void rebuild();

    QList<WorkloadHealth> m_versions;
    TrafficTally m_tally;
    bool m_running = false;
    QString m_note;
    QLabel *m_noteLabel;
    QTableWidget *m_table;
    QSpinBox *m_requests;
    QPushButton *m_measure;
    QProgressBar *m_progress;
    QLabel *m_failures;
    QPlainTextEdit *m_log;
};

} // namespace timonel
