// Signing in to a kubeconfig context with a bearer token, end to end, offscreen: the console
// against an embedded cluster whose token is known, through a kubeconfig whose contexts do not
// carry it (one user has no credentials, one a wrong token). With a fake keychain: a 401 offers
// sign-in, the token makes requests succeed, it is remembered and used at the next start, and
// "forget" removes it. Without a keychain: the dialog says so and nothing is written to disk,
// unless the user opts in to the plain-text file, which is then mode 0600 and holds the token.
// Finally the real QtKeychain store in this (headless) environment answers NoBackend, quickly.
#include "app/clustersession.h"
#include "app/commandline.h"
#include "app/theme.h"
#include "app/consolecontroller.h"
#include "app/credentialsworkflow.h"
#include "app/keychainsecretstore.h"
#include "app/secretstore.h"
#include "views/commandpalette.h"
#include "views/mainwindow.h"
#include "views/signindialog.h"
#include "tests/support/clusterfixture.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace timonel;

namespace {

// A keychain in memory; answers are queued, like QtKeychain's.
class FakeSecretStore : public SecretStore
{
public:
    bool available = true;
    QHash<QString, QByteArray> entries;
    int reads = 0;
    int writes = 0;
    int removes = 0;

    void read(const QString &account, QObject *context, Callback done) override
    {
        ++reads;
        SecretResult r = unavailable();
        if (available) {
            r.outcome = entries.contains(account) ? SecretResult::Outcome::Ok : SecretResult::Outcome::NotFound;
            r.secret = entries.value(account);
        }
        answer(context, std::move(done), r);
    }
    void write(const QString &account, const QByteArray &secret, QObject *context, Callback done) override
    {
        ++writes;
        SecretResult r = unavailable();
        if (available) {
            entries.insert(account, secret);
            r.outcome = SecretResult::Outcome::Ok;
        }
        answer(context, std::move(done), r);
    }
    void remove(const QString &account, QObject *context, Callback done) override
    {
        ++removes;
        SecretResult r = unavailable();
        if (available)
            r.outcome = entries.remove(account) ? SecretResult::Outcome::Ok : SecretResult::Outcome::NotFound;
        answer(context, std::move(done), r);
    }
    QString describe() const override { return QStringLiteral("the fake keychain"); }

private:
    static SecretResult unavailable()
    {
        SecretResult r;
        r.outcome = SecretResult::Outcome::NoBackend;
        r.message = QStringLiteral("no backend in this test");
        return r;
    }
    static void answer(QObject *context, Callback done, SecretResult r)
    {
        QTimer::singleShot(0, context, [done = std::move(done), r] { done(r); });
    }
};

// Every file under dir whose bytes contain needle.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits.append(file.fileName());
    }
    return hits;
}

const kube::ResourceRef kNamespaces{{QString(), u"v1"_qs, u"namespaces"_qs}, {}, {}, {}};

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT
private:
    ClusterFixture m_fixture;
    QTemporaryDir m_dir;
    QString m_kubeconfig;
    std::shared_ptr<FakeSecretStore> m_store = std::make_shared<FakeSecretStore>();
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ConsoleController> m_console;

    QString tokenFile() const { return m_dir.path() + u"/config/tokens.json"_qs; }
    QString account(const QString &context) const { return CredentialsWorkflow::accountFor(m_kubeconfig, context); }
    QStringList remembered() const { return QSettings().value(u"credentials/keychainAccounts"_qs).toStringList(); }
    ClusterSession *session() const { return m_console->currentSession(); }

    void startConsole(const QString &context)
    {
        m_console.reset();
        m_window.reset();
        ConsoleOptions options;
        options.embeddedDataDir = m_dir.path() + u"/embedded"_qs; // never started here
        options.preferEmbedded = false;
        options.initialCluster = u"context:"_qs + context;
        options.kubeconfig.explicitPath = m_kubeconfig;
        options.kubeconfig.homeDir = m_dir.path();
        options.kubeconfig.kubeconfigEnv.clear();
        options.secretStore = m_store;
        options.plainTextTokenFile = tokenFile();
        m_window = std::make_unique<MainWindow>();
        m_console = std::make_unique<ConsoleController>(m_window.get(), options);
        m_window->show();
        m_console->start();
    }

    void waitForRefusal()
    {
        QTRY_VERIFY_WITH_TIMEOUT(session() && session()->state() == ClusterSession::State::Failed, 20000);
        QCOMPARE(session()->errorReason(), u"Unauthorized"_qs);
        auto *button = m_window->findChild<QPushButton *>(u"bannerAction"_qs);
        QVERIFY(button);
        QTRY_VERIFY(button->isVisible());
        QCOMPARE(button->text(), u"Sign in with a token…"_qs);
        QVERIFY2(m_window->bannerText().contains(u"Sign in"), qPrintable(m_window->bannerText()));
    }

    SignInDialog *openDialogFromBanner()
    {
        auto *button = m_window->findChild<QPushButton *>(u"bannerAction"_qs);
        button->click();
        SignInDialog *dialog = nullptr;
        const bool shown = QTest::qWaitFor([&] {
            dialog = m_console->credentials()->dialog();
            return dialog && dialog->isVisible();
        }, 5000);
        return shown ? dialog : nullptr;
    }

    void expectConnected()
    {
        QTRY_VERIFY_WITH_TIMEOUT(session() && session()->state() == ClusterSession::State::Connected, 20000);
        // A real request with the token: the default namespace.
        auto ref = kNamespaces;
        ref.name = u"default"_qs;
        auto got = awaitResult<kube::Expected<kube::Object>>([&](auto done) { session()->get(ref, done); });
        QVERIFY(got && got->ok());
        QCOMPARE((*got)->name(), u"default"_qs);
    }

    void signInWith(SignInDialog *dialog, const QByteArray &token)
    {
        QVERIFY(dialog);
        QCOMPARE(dialog->focusWidget(), dialog->tokenField());
        QCOMPARE(dialog->tokenField()->echoMode(), QLineEdit::Password);
        QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled()); // nothing typed yet
        QTest::keyClicks(dialog->tokenField(), QString::fromUtf8(token));
        QTest::keyClick(dialog->tokenField(), Qt::Key_Return); // Enter signs in
        QTRY_VERIFY(!m_console->credentials()->dialog());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TimonelTest"_qs);
        QCoreApplication::setApplicationName(u"tst_credentials"_qs);
        QSettings().remove(u"credentials"_qs);
        QVERIFY(m_fixture.start(ClusterFixture::Controllers::Off).isSuccess());
        // The kubeconfig: the fixture's server and CA, but not its token.
        m_kubeconfig = m_dir.path() + u"/kubeconfig"_qs;
        QFile file(m_kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: v1\nkind: Config\nclusters:\n- name: fixture\n  cluster:\n    server: "
                   + m_fixture.cluster->url().toUtf8() + "\n    certificate-authority-data: "
                   + m_fixture.cluster->caCertificate().toBase64()
                   + "\nusers:\n- name: nobody\n  user: {}\n- name: stale\n  user:\n    token: stale-token-0000\n"
                     "contexts:\n- name: dev\n  context:\n    cluster: fixture\n    user: nobody\n"
                     "- name: stale\n  context:\n    cluster: fixture\n    user: stale\ncurrent-context: dev\n");
        file.close();
    }

    void cleanupTestCase()
    {
        m_console.reset();
        m_window.reset();
        QSettings().remove(u"credentials"_qs);
    }

    void unauthorizedOffersSignInAndTheTokenWorks()
    {
        startConsole(u"stale"_qs);
        waitForRefusal();
        QVERIFY(m_window->bannerText().contains(u"stale"));
        SignInDialog *dialog = openDialogFromBanner();
        QVERIFY(dialog);
        QVERIFY(dialog->windowTitle().contains(u"stale"));
        // The fake keychain answered: remembering is offered, checked by default.
        QVERIFY(dialog->rememberBox());
        QVERIFY(dialog->rememberBox()->isChecked());
        QVERIFY(!dialog->plainTextBox());
        QVERIFY(!dialog->noKeychainLabel());
        const QByteArray token = m_fixture.cluster->token();
        signInWith(dialog, token);
        expectConnected();
        QCOMPARE(m_store->entries.value(account(u"stale"_qs)), token);
        QCOMPARE(remembered(), QStringList{account(u"stale"_qs)});
        QVERIFY(!m_window->windowTitle().contains(QString::fromUtf8(token)));
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"saved in the fake keychain"));
        QVERIFY(!m_window->statusBar()->currentMessage().contains(QString::fromUtf8(token)));
        auto *forget = m_window->findChild<QAction *>(u"forgetTokenAction"_qs);
        QVERIFY(forget && forget->isEnabled());
    }

    void rememberedTokenIsUsedAtNextStart()
    {
        const int reads = m_store->reads;
        startConsole(u"stale"_qs);
        expectConnected();
        QCOMPARE(m_store->reads, reads + 1); // read once, before the first request
        QVERIFY(!m_console->credentials()->dialog());
    }

    void contextWithoutRememberedTokenAsksNoKeychain()
    {
        const int reads = m_store->reads;
        m_console->openCluster(u"context:dev"_qs);
        waitForRefusal(); // a user without credentials: anonymous, 401
        QCOMPARE(m_store->reads, reads);
        m_console->openCluster(u"context:stale"_qs);
        QCOMPARE(session()->state(), ClusterSession::State::Connected); // kept connected meanwhile
    }

    void escapeCancels()
    {
        m_console->openCluster(u"context:dev"_qs);
        auto *signIn = m_window->findChild<QAction *>(u"signInAction"_qs);
        QVERIFY(signIn && signIn->isEnabled());
        QVERIFY(signIn->text().contains(u"dev"));
        signIn->trigger(); // the cluster picker's context menu
        SignInDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_console->credentials()->dialog()) && dialog->isVisible());
        QTest::keyClicks(dialog->tokenField(), u"abc"_qs);
        QTest::keyClick(dialog->tokenField(), Qt::Key_Escape);
        QTRY_VERIFY(!m_console->credentials()->dialog());
        QVERIFY(!m_console->credentials()->hasToken(account(u"dev"_qs)));
        QCOMPARE(session()->state(), ClusterSession::State::Failed);
        QVERIFY(!m_store->entries.contains(account(u"dev"_qs)));
    }

    void forgetRemovesTheToken()
    {
        m_console->openCluster(u"context:stale"_qs);
        auto *forget = m_window->findChild<QAction *>(u"forgetTokenAction"_qs);
        QVERIFY(forget->isEnabled());
        QVERIFY(forget->text().contains(u"stale"));
        forget->trigger();
        QTRY_VERIFY(!m_store->entries.contains(account(u"stale"_qs)));
        QTRY_VERIFY(remembered().isEmpty());
        // Reconnected with the kubeconfig's own (wrong) token: refused again.
        waitForRefusal();
        QVERIFY(!forget->isEnabled());
        // And the next start does not find it either.
        const int reads = m_store->reads;
        startConsole(u"stale"_qs);
        waitForRefusal();
        QCOMPARE(m_store->reads, reads);
    }

    void noKeychainKeepsTheTokenInMemoryOnly()
    {
        m_store->available = false;
        m_store->entries.clear();
        startConsole(u"dev"_qs);
        waitForRefusal();
        SignInDialog *dialog = openDialogFromBanner();
        QVERIFY(dialog);
        QVERIFY(!dialog->rememberBox());
        QVERIFY(dialog->noKeychainLabel());
        QCOMPARE(dialog->noKeychainLabel()->text(),
                 u"No system keychain is available, so the token is kept only until Timonel quits."_qs);
        QVERIFY(dialog->plainTextBox());
        QVERIFY(!dialog->plainTextBox()->isChecked()); // an explicit opt-in only
        QCOMPARE(m_console->credentials()->keychainAvailable(), std::optional<bool>(false));
        const QByteArray token = m_fixture.cluster->token();
        signInWith(dialog, token);
        expectConnected();
        QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"only until Timonel quits"));
        // Nothing secret on disk: not the opt-in file, not the settings, nothing under the test's
        // directories.
        QVERIFY(!QFile::exists(tokenFile()));
        QSettings().sync();
        QCOMPARE(filesContaining(QFileInfo(QSettings().fileName()).path(), token), QStringList());
        QCOMPARE(filesContaining(m_dir.path(), token), QStringList());
        QCOMPARE(filesContaining(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation), token), QStringList());
        QVERIFY(remembered().isEmpty());
        QCOMPARE(m_store->entries.size(), 0);
        // The next start has no token.
        startConsole(u"dev"_qs);
        waitForRefusal();
    }

    void optInPlainTextFileIsReadableOnlyByTheUser()
    {
        m_store->available = false;
        startConsole(u"dev"_qs);
        waitForRefusal();
        SignInDialog *dialog = openDialogFromBanner();
        QVERIFY(dialog);
        auto *note = dialog->findChild<QLabel *>(u"plainTextNote"_qs);
        QVERIFY(note && !note->isVisible());
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTest::keyClick(dialog->tokenField(), Qt::Key_F, Qt::AltModifier); // "Store in a &file…"
        QTRY_VERIFY(dialog->plainTextBox()->isChecked()); // a mnemonic animates the click (100 ms)
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(u"unencrypted"));
        QVERIFY(note->text().contains(tokenFile()));
        QCOMPARE(dialog->keep(), SignInDialog::Keep::InPlainTextFile);
        QTest::keyClick(dialog->plainTextBox(), Qt::Key_Backtab, Qt::ShiftModifier); // back to the field
        const mode_t previous = ::umask(0); // even a permissive umask gives 0600
        const QByteArray token = m_fixture.cluster->token();
        signInWith(dialog, token);
        ::umask(previous);
        expectConnected();
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(tokenFile()).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 07777), 0600);
        QFile file(tokenFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject stored = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(stored.value(account(u"dev"_qs)).toString().toUtf8(), token);
        // Used at the next start, without a keychain.
        startConsole(u"dev"_qs);
        expectConnected();
        // Forgetting removes the file (it held nothing else).
        m_window->findChild<QAction *>(u"forgetTokenAction"_qs)->trigger();
        waitForRefusal();
        QVERIFY(!QFile::exists(tokenFile()));
    }

    void paletteOffersSignIn()
    {
        m_store->available = true;
        startConsole(u"dev"_qs);
        waitForRefusal();
        Q_EMIT m_window->commandPalette()->entryChosen(u"credentials:sign-in"_qs);
        QTRY_VERIFY(m_console->credentials()->dialog());
        m_console->credentials()->dialog()->reject();
        QTRY_VERIFY(!m_console->credentials()->dialog());
    }

    void realKeychainReportsNoBackendHeadless()
    {
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") || !qEnvironmentVariableIsEmpty("DISPLAY"))
            QSKIP("a session bus or display is present: a keychain may really be available here");
        KeychainSecretStore store(u"timonel-test"_qs, 10000);
        QObject context;
        QElapsedTimer timer;
        timer.start();
        auto read = awaitResult<SecretResult>([&](auto done) { store.read(u"nobody#nothing"_qs, &context, done); }, 15000);
        QVERIFY(read);
        QCOMPARE(read->outcome, SecretResult::Outcome::NoBackend);
        QVERIFY(!read->message.isEmpty());
        const QByteArray secret = "kc-secret-9f8e7d6c5b4a";
        auto written = awaitResult<SecretResult>([&](auto done) { store.write(u"nobody#nothing"_qs, secret, &context, done); }, 15000);
        QVERIFY(written);
        QCOMPARE(written->outcome, SecretResult::Outcome::NoBackend);
        QVERIFY(!written->message.contains(QString::fromUtf8(secret)));
        QVERIFY(timer.elapsed() < 10000); // no hang on a missing bus
        // QtKeychain's plain-text fallback stays off: the secret went nowhere.
        QCOMPARE(filesContaining(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation), secret), QStringList());
    }

    // Last: with TIMONEL_SCREENSHOT_DIR set (scripts/screenshots), the refusal banner and the
    // dialog, in the language and theme of TIMONEL_LANGUAGE / TIMONEL_THEME.
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("TIMONEL_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("TIMONEL_SCREENSHOT_DIR not set");
        if (!qEnvironmentVariable("TIMONEL_LANGUAGE").isEmpty())
            setLanguage(qEnvironmentVariable("TIMONEL_LANGUAGE"));
        applyTheme(savedTheme());
        m_store->available = true;
        startConsole(u"stale"_qs);
        m_window->resize(1200, 700);
        QTRY_VERIFY_WITH_TIMEOUT(session() && session()->state() == ClusterSession::State::Failed, 20000);
        auto *button = m_window->findChild<QPushButton *>(u"bannerAction"_qs);
        QTRY_VERIFY(button && button->isVisible());
        QVERIFY(m_window->grab().save(dir + u"/console-signin-banner.png"_qs));
        button->click();
        QTRY_VERIFY(m_console->credentials()->dialog() && m_console->credentials()->dialog()->isVisible());
        SignInDialog *dialog = m_console->credentials()->dialog();
        QTest::keyClicks(dialog->tokenField(), u"not-a-real-token"_qs);
        QVERIFY(dialog->grab().save(dir + u"/signin-dialog.png"_qs));
        dialog->reject();
        QTRY_VERIFY(!m_console->credentials()->dialog());
    }
};

QTEST_MAIN(TestCredentials)
#include "tst_credentials.moc"
