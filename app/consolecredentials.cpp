// ConsoleController's part in signing in with a token: which contexts ask for it, the dialog, the
// keychain account of a context, and replacing a context's session when its credentials change.
// The workflow itself (keychain, plain-text opt-in, dialog) is CredentialsWorkflow.
#include "consolecontroller.h"
#include "consoleworkspace.h"

#include "consoledetails.h"
#include "credentialsworkflow.h"
#include "views/mainwindow.h"
#include "views/namespacepicker.h"
#include "views/resourcetableview.h"

#include <QAction>

namespace timonel {

QString ConsoleController::accountOf(const ClusterEntry &entry) const
{
    if (entry.kind != ClusterEntry::Kind::Context)
        return {};
    return CredentialsWorkflow::accountFor(entry.kubeconfigFile, entry.contextName);
}

bool ConsoleController::needsSignIn(const Workspace *ws) const
{
    if (ws->account.isEmpty() || ws->session->state() != ClusterSession::State::Failed)
        return false;
    const QString reason = ws->session->errorReason();
    if (reason == QLatin1StringView(kube::reason::Unauthorized))
        return true;
    // Anonymous requests refused: the context has nothing to authenticate with.
    return reason == QLatin1StringView(kube::reason::Forbidden) && !ws->hasOwnCredentials && !ws->signedIn;
}

void ConsoleController::signIn(const QString &id)
{
    const ClusterEntry *entry = m_catalog.entry(id);
    if (!entry || entry->kind != ClusterEntry::Kind::Context) {
        m_window->showStatusMessage(tr("Signing in with a token is for kubeconfig contexts; the embedded cluster has its own."));
        return;
    }
    QString reason;
    if (const Workspace *ws = m_workspaces.value(id)) {
        if (ws->session->state() == ClusterSession::State::Failed)
            reason = tr("The server answered: %1").arg(ws->session->errorMessage());
        else if (!ws->hasOwnCredentials && !ws->signedIn)
            reason = tr("Your kubeconfig gives this context no credentials.");
    }
    m_credentials->signIn({accountOf(*entry), entry->contextName, entry->server, reason}, [this, id](bool signedIn) {
        if (signedIn)
            reopenCluster(id);
    });
}

void ConsoleController::forgetToken(const QString &id)
{
    const ClusterEntry *entry = m_catalog.entry(id);
    if (!entry || entry->kind != ClusterEntry::Kind::Context)
        return;
    const bool inUse = m_workspaces.contains(id) && m_workspaces.value(id)->signedIn;
    m_credentials->forget(accountOf(*entry), entry->contextName, [this, id, inUse] {
        // Requests go back to the kubeconfig's own credentials.
        if (inUse)
            reopenCluster(id);
        updateCredentialActions();
    });
}

void ConsoleController::reopenCluster(const QString &id)
{
    // The session's transport has the credentials built in: a new session replaces it. The new
    // workspace is attached before the old one (whose models the views still show) goes.
    std::unique_ptr<Workspace> old(m_workspaces.take(id));
    if (old && m_currentId == id) {
        m_details->setSession(nullptr);
        m_window->tableView()->setModel(nullptr, {}, {});
        m_window->namespacePicker()->setModel(nullptr);
    }
    if (m_currentId == id)
        openCluster(id);
}

void ConsoleController::updateCredentialActions()
{
    if (!m_signInAction)
        return;
    const ClusterEntry *entry = m_catalog.entry(m_currentId);
    const bool context = entry && entry->kind == ClusterEntry::Kind::Context;
    const QString name = entry ? entry->displayName : QString();
    m_signInAction->setText(tr("Sign in to %1 with a token…").arg(name));
    m_signInAction->setEnabled(context);
    m_forgetAction->setText(tr("Forget the token for %1").arg(name));
    m_forgetAction->setEnabled(context && m_credentials->hasToken(accountOf(*entry)));
}

} // namespace timonel
