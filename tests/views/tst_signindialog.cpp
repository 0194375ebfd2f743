// SignInDialog: what it offers with and without a keychain, how it cleans a pasted token, and
// its keyboard behaviour (focus in the field, Enter only once a valid token is typed, Esc).
#include "views/signindialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using timonel::SignInDialog;

class TestSignInDialog : public QObject
{
    Q_OBJECT
private:
    static SignInDialog::Request request(bool keychain)
    {
        SignInDialog::Request r;
        r.contextName = QStringLiteral("prod");
        r.server = QStringLiteral("https://prod.example:6443");
        r.reason = QStringLiteral("The server answered: Unauthorized");
        r.keychainAvailable = keychain;
        r.plainTextFile = QStringLiteral("/home/u/.config/timonel/tokens.json");
        return r;
    }

private Q_SLOTS:
    void namesTheContextAndServer()
    {
        SignInDialog dialog(request(true));
        QVERIFY(dialog.windowTitle().contains(u"prod"));
        bool server = false;
        bool reason = false;
        for (const QLabel *label : dialog.findChildren<QLabel *>()) {
            server = server || label->text().contains(u"https://prod.example:6443");
            reason = reason || label->text().contains(u"Unauthorized");
        }
        QVERIFY(server);
        QVERIFY(reason);
        QCOMPARE(dialog.tokenField()->echoMode(), QLineEdit::Password);
    }

    void keychainRememberIsCheckedByDefault()
    {
        SignInDialog dialog(request(true));
        QVERIFY(dialog.rememberBox() && dialog.rememberBox()->isChecked());
        QVERIFY(!dialog.plainTextBox());
        QVERIFY(!dialog.noKeychainLabel());
        QCOMPARE(dialog.keep(), SignInDialog::Keep::InKeychain);
        dialog.rememberBox()->setChecked(false);
        QCOMPARE(dialog.keep(), SignInDialog::Keep::ForThisSession);
    }

    void withoutKeychainPlainTextIsAnExplicitOptIn()
    {
        SignInDialog dialog(request(false));
        dialog.show();
        QVERIFY(!dialog.rememberBox());
        QVERIFY(dialog.noKeychainLabel()->text().contains(u"kept only until Timonel quits"));
        QVERIFY(!dialog.plainTextBox()->isChecked());
        QCOMPARE(dialog.keep(), SignInDialog::Keep::ForThisSession);
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("plainTextNote"));
        QVERIFY(!note->isVisible());
        dialog.plainTextBox()->setChecked(true);
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(u"/home/u/.config/timonel/tokens.json"));
        QVERIFY(note->text().contains(u"unencrypted"));
        QCOMPARE(dialog.keep(), SignInDialog::Keep::InPlainTextFile);
        // With TIMONEL_SCREENSHOT_DIR set, the dialog is saved there for a look.
        if (const QString dir = qEnvironmentVariable("TIMONEL_SCREENSHOT_DIR"); !dir.isEmpty()) {
            dialog.tokenField()->setText(QStringLiteral("secret"));
            dialog.adjustSize();
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/signin-no-keychain.png")));
        }
    }

    void cleansTheToken_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("plain") << u"abc.def-ghi_1"_qs << QByteArray("abc.def-ghi_1");
        QTest::newRow("surrounding-spaces") << u"  abc  "_qs << QByteArray("abc");
        QTest::newRow("bearer-prefix") << u"Bearer eyJhbGciOi.x.y"_qs << QByteArray("eyJhbGciOi.x.y");
        QTest::newRow("inner-space-refused") << u"abc def"_qs << QByteArray();
        QTest::newRow("empty") << QString() << QByteArray();
    }
    void cleansTheToken()
    {
        QFETCH(QString, typed);
        QFETCH(QByteArray, token);
        SignInDialog dialog(request(true));
        dialog.tokenField()->setText(typed);
        QCOMPARE(dialog.token(), token);
        QCOMPARE(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled(), !token.isEmpty());
    }

    void enterSignsInOnlyWithAToken()
    {
        SignInDialog dialog(request(true));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.focusWidget(), dialog.tokenField());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClick(dialog.tokenField(), Qt::Key_Return);
        QCOMPARE(accepted.count(), 0);
        QVERIFY(dialog.isVisible());
        QTest::keyClicks(dialog.tokenField(), u"t0ken"_qs);
        QTest::keyClick(dialog.tokenField(), Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.token(), QByteArray("t0ken"));
    }

    void mnemonicsToggleTheStorageBoxes()
    {
        SignInDialog dialog(request(false));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTest::keyClick(dialog.tokenField(), Qt::Key_F, Qt::AltModifier);
        QTRY_VERIFY(dialog.plainTextBox()->isChecked()); // a mnemonic animates the click (100 ms)
        SignInDialog withKeychain(request(true));
        withKeychain.show();
        QVERIFY(QTest::qWaitForWindowActive(&withKeychain));
        QTest::keyClick(withKeychain.tokenField(), Qt::Key_R, Qt::AltModifier);
        QTRY_VERIFY(!withKeychain.rememberBox()->isChecked());
    }

    void escapeCancels()
    {
        SignInDialog dialog(request(false));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy rejected(&dialog, &QDialog::rejected);
        QTest::keyClicks(dialog.tokenField(), u"t0ken"_qs);
        QTest::keyClick(dialog.tokenField(), Qt::Key_Escape);
        QCOMPARE(rejected.count(), 1);
    }
};

QTEST_MAIN(TestSignInDialog)
#include "tst_signindialog.moc"
