#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QVBoxLayout>

namespace timonel {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Timonel"));
    resize(1200, 760);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_body = new QLabel(central);
    m_body->setAlignment(Qt::AlignCenter);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_body->setWordWrap(true);
    m_body->setText(tr("<h2>Timonel</h2><p>A native console for Kubernetes.</p><p>Starting the embedded cluster…</p>"));
    layout->addWidget(m_body);
    setCentralWidget(central);

    m_connection = new QLabel(tr("Not connected"), this);
    statusBar()->addPermanentWidget(m_connection);
}

void MainWindow::showEmbeddedCluster(const QString &url, const QString &kubeconfigPath)
{
    m_connection->setText(tr("Embedded cluster · %1").arg(url));
    QString text = tr("<h2>Timonel</h2><p>The embedded cluster is running at <b>%1</b>.</p>").arg(url.toHtmlEscaped());
    if (!kubeconfigPath.isEmpty()) {
        text += tr("<p>Use it from a terminal with the real kubectl and helm:</p><p><code>export KUBECONFIG=%1</code><br>"
                   "<code>kubectl get namespaces</code></p>")
                    .arg(kubeconfigPath.toHtmlEscaped());
    }
    m_body->setText(text);
}

void MainWindow::showClusterError(const QString &message)
{
    m_connection->setText(tr("Embedded cluster not running"));
    m_body->setText(tr("<h2>Timonel</h2><p>The embedded cluster could not start:</p><p>%1</p>").arg(message.toHtmlEscaped()));
}

} // namespace timonel
