#include "kube/api/object.h"
#include "models/objectdescription.h"
#include "models/secretmasking.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace timonel;

namespace {

const QByteArray Password = "s3cr3t-Pa55word!";
const QByteArray Token = "tok-9f8e7d6c5b4a";
const QByteArray Binary = QByteArray::fromHex("00ff10fe7f80");

kube::Object secret(bool withLastApplied = true)
{
    QJsonObject data{{u"password"_qs, QString::fromLatin1(Password.toBase64())},
                     {u"blob"_qs, QString::fromLatin1(Binary.toBase64())}};
    QJsonObject stringData{{u"token"_qs, QString::fromUtf8(Token)}};
    QJsonObject annotations{{u"team"_qs, u"payments"_qs}};
    if (withLastApplied) {
        QJsonObject applied{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Secret"_qs},
                            {u"metadata"_qs, QJsonObject{{u"name"_qs, u"db"_qs}, {u"namespace"_qs, u"default"_qs}}},
                            {u"data"_qs, data}, {u"stringData"_qs, stringData}, {u"type"_qs, u"Opaque"_qs}};
        annotations.insert(LastAppliedAnnotation.toString(), QString::fromUtf8(QJsonDocument(applied).toJson(QJsonDocument::Compact)));
    }
    QJsonObject o{{u"apiVersion"_qs, u"v1"_qs},
                  {u"kind"_qs, u"Secret"_qs},
                  {u"metadata"_qs, QJsonObject{{u"name"_qs, u"db"_qs}, {u"namespace"_qs, u"default"_qs}, {u"uid"_qs, u"u-1"_qs},
                                               {u"annotations"_qs, annotations}}},
                  {u"type"_qs, u"Opaque"_qs},
                  {u"data"_qs, data},
                  {u"stringData"_qs, stringData}};
    return kube::Object::fromJson(o);
}

// Every way a value could leak into text: raw, base64, and JSON-escaped.
void verifyNoValueIn(const QByteArray &text)
{
    for (const QByteArray &value : {Password, Token, Binary}) {
        QVERIFY2(!text.contains(value), text.constData());
        QVERIFY2(!text.contains(value.toBase64()), text.constData());
        QVERIFY2(!text.contains(value.toBase64(QByteArray::OmitTrailingEquals)), text.constData());
    }
}

QStringList allTexts(const QList<DescriptionRow> &rows)
{
    QStringList out;
    for (const DescriptionRow &r : rows) {
        out << r.label << r.value << r.fullValue;
        out += allTexts(r.children);
        for (const auto &cells : r.table.rows) {
            for (const DescriptionCell &c : cells)
                out << c.text;
        }
    }
    return out;
}

} // namespace

class TestSecretMasking : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void masksDataStringDataAndLastApplied()
    {
        const kube::Object original = secret();
        QVERIFY(original.json().contains(Password.toBase64())); // the fixture does hold the values
        const kube::Object masked = maskSecret(original);
        verifyNoValueIn(masked.json());

        const QJsonObject json = masked.toJson();
        QCOMPARE(json.value(u"data").toObject().value(u"password").toString(), maskedValuePlaceholder(Password.size()));
        QCOMPARE(json.value(u"data").toObject().value(u"blob").toString(), maskedValuePlaceholder(6));
        QCOMPARE(json.value(u"stringData").toObject().value(u"token").toString(), maskedValuePlaceholder(Token.size()));
        // Without a translator installed the plural reads "byte(s)"; the English .qm says "bytes".
        QVERIFY(maskedValuePlaceholder(16).startsWith(u"<hidden: 16 byte"));
        // The annotation is still JSON, with the same keys, values masked.
        const QJsonObject annotations = json.value(u"metadata").toObject().value(u"annotations").toObject();
        QCOMPARE(annotations.value(u"team").toString(), u"payments"_qs);
        const QJsonObject applied = QJsonDocument::fromJson(annotations.value(LastAppliedAnnotation).toString().toUtf8()).object();
        QCOMPARE(applied.value(u"data").toObject().keys(), (QStringList{u"blob"_qs, u"password"_qs}));
        QCOMPARE(applied.value(u"data").toObject().value(u"password").toString(), maskedValuePlaceholder(Password.size()));
        QCOMPARE(applied.value(u"stringData").toObject().value(u"token").toString(), maskedValuePlaceholder(Token.size()));
        // Other fields survive.
        QCOMPARE(json.value(u"type").toString(), u"Opaque"_qs);
        QCOMPARE(masked.name(), u"db"_qs);
    }

    void unparsableLastAppliedIsReplacedWhole()
    {
        QJsonObject o = secret(false).toJson();
        QJsonObject metadata = o.value(u"metadata").toObject();
        metadata.insert(u"annotations"_qs, QJsonObject{{LastAppliedAnnotation.toString(), u"not json password="_qs + QString::fromLatin1(Password)}});
        o.insert(u"metadata"_qs, metadata);
        const kube::Object masked = maskSecret(kube::Object::fromJson(o));
        verifyNoValueIn(masked.json());
        QVERIFY(masked.annotations().value(LastAppliedAnnotation).startsWith(u"<hidden"));
    }

    void otherKindsAreUnchanged()
    {
        const QJsonObject cm{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"ConfigMap"_qs},
                             {u"metadata"_qs, QJsonObject{{u"name"_qs, u"c"_qs}}}, {u"data"_qs, QJsonObject{{u"k"_qs, u"v"_qs}}}};
        const kube::Object object = kube::Object::fromJson(cm);
        QCOMPARE(maskSecret(object), object);
        QVERIFY(!isSecret(object));
        QVERIFY(isSecret(secret()));
    }

    void descriptionOfASecretHoldsNoValue()
    {
        const ObjectDescription d = describeObject(secret());
        QStringList texts;
        for (const DescriptionSection &s : d.sections)
            texts += allTexts(s.rows);
        verifyNoValueIn(texts.join(u'\n').toUtf8());
        const DescriptionRow *password = d.find({u"Data"_qs, u"password"_qs});
        QVERIFY(password);
        QCOMPARE(password->secretKey, u"password"_qs);
        QVERIFY(password->value.startsWith(u"16 byte"));
        QVERIFY(d.find({u"Data"_qs, u"token"_qs}));
        QCOMPARE(d.find({u"Secret"_qs, u"Type"_qs})->value, u"Opaque"_qs);
    }

    void revealsText()
    {
        const RevealedSecretValue v = revealSecretValue(secret(), u"password"_qs);
        QCOMPARE(v.form, RevealedSecretValue::Form::Text);
        QCOMPARE(v.text, QString::fromLatin1(Password));
        QCOMPARE(v.byteSize, Password.size());
        QVERIFY(!v.fromStringData);
    }

    void revealsBinaryAsHex()
    {
        const RevealedSecretValue v = revealSecretValue(secret(), u"blob"_qs);
        QCOMPARE(v.form, RevealedSecretValue::Form::Hex);
        QCOMPARE(v.text, u"00 ff 10 fe 7f 80"_qs);
        QCOMPARE(v.byteSize, 6);
    }

    void hexPreviewIsBounded()
    {
        const RevealedSecretValue v = revealBytes(QByteArray(100, '\xff'));
        QCOMPARE(v.form, RevealedSecretValue::Form::Hex);
        QCOMPARE(v.byteSize, 100);
        QVERIFY(v.text.endsWith(u" …"));
        QCOMPARE(v.text.count(u"ff"), HexPreviewBytes);
    }

    void stringDataWinsAndMissingKeys()
    {
        const RevealedSecretValue token = revealSecretValue(secret(), u"token"_qs);
        QCOMPARE(token.form, RevealedSecretValue::Form::Text);
        QCOMPARE(token.text, QString::fromLatin1(Token));
        QVERIFY(token.fromStringData);
        QCOMPARE(revealSecretValue(secret(), u"nope"_qs).form, RevealedSecretValue::Form::Missing);
    }

    void invalidBase64()
    {
        QJsonObject o = secret(false).toJson();
        o.insert(u"data"_qs, QJsonObject{{u"bad"_qs, u"!!!not-base64"_qs}});
        QCOMPARE(revealSecretValue(o, u"bad"_qs).form, RevealedSecretValue::Form::Invalid);
        QCOMPARE(secretValueSize(QJsonValue(u"!!!not-base64"_qs), true), -1);
        QCOMPARE(maskedValuePlaceholder(-1), u"<hidden>"_qs);
    }
};

QTEST_GUILESS_MAIN(TestSecretMasking)
#include "tst_secretmasking.moc"
