// CRC-32C against the RFC 3720 test vectors, masking, and hardware vs portable agreement.

#include "core/io/crc32c.h"
#include "tests/support/test_main.h"

#include <QTest>

#include <random>
#include <string>

using namespace lantern::core;

class TestCrc32c : public QObject {
    Q_OBJECT
private slots:
    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<quint32>("expected");
        QByteArray ascending, descending;
        for (int i = 0; i < 32; ++i) {
            ascending.append(char(i));
            descending.append(char(31 - i));
        }
        QTest::newRow("check string") << QByteArray("123456789") << quint32(0xE3069283);
        QTest::newRow("32 zeros") << QByteArray(32, '\0') << quint32(0x8A9136AA);
        QTest::newRow("32 ones") << QByteArray(32, '\xff') << quint32(0x62A8AB43);
        QTest::newRow("ascending") << ascending << quint32(0x46DD794E);
        QTest::newRow("descending") << descending << quint32(0x113FDB5C);
        QTest::newRow("empty") << QByteArray() << quint32(0);
    }
    void knownVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(quint32, expected);
        QCOMPARE(crc32c(input.constData(), size_t(input.size())), expected);
        QCOMPARE(extendCrc32cPortable(0, input.constData(), size_t(input.size())), expected);
    }

    void maskingRoundTrips()
    {
        for (std::uint32_t crc : {0u, 1u, 0xE3069283u, 0xFFFFFFFFu, 0x12345678u}) {
            QVERIFY(maskCrc(crc) != crc);
            QCOMPARE(unmaskCrc(maskCrc(crc)), crc);
        }
    }

    void hardwareAgreesWithPortable()
    {
        qInfo(
            "CRC-32C implementation on this CPU: %s", std::string(crc32cImplementation()).c_str());
        std::mt19937 random(42);
        std::string data(4096 + 7, '\0');
        for (char& c : data)
            c = char(random());
        for (std::size_t offset = 0; offset < 8; ++offset)
            for (std::size_t length : {0u, 1u, 7u, 8u, 9u, 63u, 1000u, 4096u}) {
                const char* p = data.data() + offset;
                QCOMPARE(crc32c(p, length), extendCrc32cPortable(0, p, length));
            }
    }

    void extendEqualsWhole()
    {
        const std::string text = "The quick brown fox jumps over the lazy dog";
        for (std::size_t split = 0; split <= text.size(); ++split) {
            const std::uint32_t first = crc32c(text.data(), split);
            QCOMPARE(extendCrc32c(first, text.data() + split, text.size() - split), crc32c(text));
        }
    }
};

LANTERN_TEST_GUILESS_MAIN(TestCrc32c)
#include "test_crc32c.moc"
