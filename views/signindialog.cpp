#include "signindialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace timonel {

namespace {

QByteArray cleaned(const QString &typed)
{
    QString token = typed.trimmed();
    if (token.startsWith(QLatin1StringView("Bearer "), Qt::CaseInsensitive))
        token = token.mid(7).trimmed();
    // A header value cannot carry spaces, line breaks or control characters.
    for (const QChar c : std::as_const(token)) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return {};
    }
    return token.toUtf8();
}

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

SignInDialog::SignInDialog(const Request &request, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to %1").arg(request.contextName));
    setMinimumWidth(fontMetrics().averageCharWidth() * 64); // room for a server URL and the notes
    auto *layout = new QVBoxLayout(this);

    layout->addWidget(wrapped(tr("Sign in to the context %1 (%2) with a bearer token. It replaces the credentials "
                                 "your kubeconfig gives this context, in Timonel only; the kubeconfig is not changed.")
                                  .arg(request.contextName, request.server),
                              this));
    if (!request.reason.isEmpty()) {
        QLabel *reason = wrapped(request.reason, this);
        reason->setObjectName(QStringLiteral("signInReason"));
        layout->addWidget(reason);
    }

    auto *form = new QFormLayout;
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("tokenField"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Paste the token"));
    m_token->setAccessibleName(tr("Bearer token"));
    form->addRow(tr("&Token:"), m_token);
    layout->addLayout(form);
    m_hint = wrapped(tr("A token has no spaces or line breaks."), this);
    m_hint->setVisible(false);
    layout->addWidget(m_hint);

    if (request.keychainAvailable) {
        m_remember = new QCheckBox(tr("&Remember in the system keychain"), this);
        m_remember->setObjectName(QStringLiteral("rememberInKeychain"));
        m_remember->setChecked(true);
        layout->addWidget(m_remember);
    } else {
        auto *row = new QHBoxLayout;
        auto *icon = new QLabel(this);
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
        icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size, size));
        icon->setAlignment(Qt::AlignTop);
        row->addWidget(icon);
        m_noKeychain = wrapped(tr("No system keychain is available, so the token is kept only until Timonel quits."), this);
        m_noKeychain->setObjectName(QStringLiteral("noKeychain"));
        row->addWidget(m_noKeychain, 1);
        layout->addLayout(row);
        m_plainText = new QCheckBox(tr("Store in a &file readable only by me (plain text)"), this);
        m_plainText->setObjectName(QStringLiteral("storeInPlainTextFile"));
        m_plainText->setChecked(false);
        layout->addWidget(m_plainText);
        m_plainTextNote = wrapped(tr("The token will be written unencrypted to %1 (mode 0600). Anyone who can act as "
                                     "your user account, or read its backups, can read it and use it.")
                                      .arg(QDir::toNativeSeparators(request.plainTextFile)),
                                  this);
        m_plainTextNote->setObjectName(QStringLiteral("plainTextNote"));
        m_plainTextNote->setVisible(false);
        layout->addWidget(m_plainTextNote);
        connect(m_plainText, &QCheckBox::toggled, m_plainTextNote, &QWidget::setVisible);
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *signIn = m_buttons->button(QDialogButtonBox::Ok);
    signIn->setText(tr("&Sign in"));
    signIn->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!token().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_token, &QLineEdit::textChanged, this, &SignInDialog::updateState);
    updateState();
    m_token->setFocus();
}

QByteArray SignInDialog::token() const
{
    return cleaned(m_token->text());
}

SignInDialog::Keep SignInDialog::keep() const
{
    if (m_remember && m_remember->isChecked())
        return Keep::InKeychain;
    if (m_plainText && m_plainText->isChecked())
        return Keep::InPlainTextFile;
    return Keep::ForThisSession;
}

void SignInDialog::updateState()
{
    const bool valid = !token().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
    m_hint->setVisible(!valid && !m_token->text().trimmed().isEmpty());
}

} // namespace timonel
