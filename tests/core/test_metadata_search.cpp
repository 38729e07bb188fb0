// Searching an embedding's metadata: case-insensitive substrings, ECMAScript regular
// expressions, an invalid expression reported rather than thrown, and a hostile cell that
// would overflow std::regex's recursion searched safely.

#include "core/projector/metadata_search.h"

#include <QTest>

using namespace lantern::core;

namespace {

MetadataTable table()
{
    return parseMetadataTsv("word\tcount\nApple\t3\nbanana\t12\nPINEAPPLE\t7\ncherry\t\n");
}

} // namespace

class TestMetadataSearch : public QObject {
    Q_OBJECT
private slots:
    void substringIgnoresCase()
    {
        const auto found = searchMetadata(table(), 0, "apPle", MetadataMatch::Substring);
        QVERIFY(found.error.empty());
        QCOMPARE(found.rows, (std::vector<std::size_t> {0, 2}));
        QCOMPARE(searchMetadata(table(), 1, "1", MetadataMatch::Substring).rows,
            (std::vector<std::size_t> {1}));
        // A regular expression's syntax is plain text here.
        QVERIFY(searchMetadata(table(), 0, "^a", MetadataMatch::Substring).rows.empty());
    }

    void regularExpressionIgnoresCase()
    {
        const auto found = searchMetadata(table(), 0, "^(a|p)", MetadataMatch::RegularExpression);
        QVERIFY(found.error.empty());
        QCOMPARE(found.rows, (std::vector<std::size_t> {0, 2}));
        QCOMPARE(searchMetadata(table(), 0, "an{1}a$", MetadataMatch::RegularExpression).rows,
            (std::vector<std::size_t> {1}));
        // A missing cell is empty: "^$" finds it.
        QCOMPARE(searchMetadata(table(), 1, "^$", MetadataMatch::RegularExpression).rows,
            (std::vector<std::size_t> {3}));
    }

    void invalidExpressionIsAMessage()
    {
        const auto found
            = searchMetadata(table(), 0, "(unclosed", MetadataMatch::RegularExpression);
        QVERIFY(found.rows.empty());
        QVERIFY2(found.error.starts_with("Not a valid regular expression"), found.error.c_str());
    }

    void nothingToSearch()
    {
        QVERIFY(searchMetadata(table(), 0, "", MetadataMatch::Substring).rows.empty());
        QVERIFY(searchMetadata(table(), 5, "a", MetadataMatch::Substring).rows.empty());
        QVERIFY(
            searchMetadata(MetadataTable(), 0, "a", MetadataMatch::RegularExpression).rows.empty());
    }

    void aMegabyteCellDoesNotOverflowTheStack()
    {
        // libstdc++'s regex recurses per character: a 1 MB cell searched whole with ".*z"
        // overflows the stack. Only the first kSearchedCellLength bytes are searched, so a
        // match past them is not found, and one within them is.
        std::string text = "label\tx\n" + std::string(1 << 20, 'a') + "z\t1\n" + "az\t2\n";
        const MetadataTable hostile = parseMetadataTsv(text);
        QCOMPARE(hostile.rows.size(), std::size_t(2));
        const auto found = searchMetadata(hostile, 0, "a.*z", MetadataMatch::RegularExpression);
        QVERIFY2(found.error.empty(), found.error.c_str());
        QCOMPARE(found.rows, (std::vector<std::size_t> {1}));
        QCOMPARE(searchMetadata(hostile, 0, "z", MetadataMatch::Substring).rows,
            (std::vector<std::size_t> {1}));
        const std::string longPattern(kSearchedCellLength + 1, 'a');
        QVERIFY(!searchMetadata(hostile, 0, longPattern, MetadataMatch::RegularExpression)
                     .error.empty());
    }
};

QTEST_GUILESS_MAIN(TestMetadataSearch)
#include "test_metadata_search.moc"
