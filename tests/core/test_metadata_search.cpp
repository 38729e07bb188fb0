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

    void explosivePatternsAreRefused()
    {
        // Each of these backtracks exponentially in std::regex on a short cell of a's (the
        // last one, fuzz-found, ran for minutes on 16 bytes).
        const MetadataTable many = parseMetadataTsv("label\tx\n" + std::string(40, 'a') + "\t1\n");
        for (const char* pattern :
            {"(a*)*b", "(a+)+b", "(a|aa)+b", "((a|b)c)*", "a**", "a{2}*", "(?:a+){3}b", "\x1a**+",
                "a*?*b", "a??+", "\\99999999999999999999", "a{1,99999999999999999999}"}) {
            const auto found = searchMetadata(many, 0, pattern, MetadataMatch::RegularExpression);
            QVERIFY2(found.error.starts_with("This regular expression is not searched"), pattern);
            QVERIFY(found.rows.empty());
        }
        // Single repeats, lazy ones, classes holding quantifier characters, escapes: searched.
        for (const char* pattern :
            {"a+", "(cat|a)", "(aa)+", "a*?", "[*+]*a", "\\d*a", "(?:a)+", "a{2,3}a", "^a{40}$"}) {
            const auto found = searchMetadata(many, 0, pattern, MetadataMatch::RegularExpression);
            QVERIFY2(found.error.empty(), pattern);
            QVERIFY2(found.rows == std::vector<std::size_t> {0}, pattern);
        }
    }

    void cancelledSearchStops()
    {
        std::string text = "label\tx\n";
        for (int row = 0; row < 1000; ++row)
            text += "match\t1\n";
        const MetadataTable table = parseMetadataTsv(text);
        QCOMPARE(searchMetadata(table, 0, "mat", MetadataMatch::Substring).rows.size(),
            std::size_t(1000));
        int asked = 0;
        const auto found = searchMetadata(
            table, 0, "mat", MetadataMatch::Substring, [&asked] { return ++asked > 1; });
        QVERIFY(found.rows.size() < 1000);
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
