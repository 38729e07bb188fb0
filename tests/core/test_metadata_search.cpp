// Searching an embedding's metadata: case-insensitive substrings, regular expressions, an
// invalid expression reported rather than thrown, and the patterns and cells that made
// std::regex backtrack for hours or overflow its recursion searched whole. (Their speed is
// measured in lantern-bench-projector's search rows; here they must simply finish, and right.)

#include "core/projector/metadata_search.h"
#include "tests/support/test_main.h"

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
        // Unclosed, a back-reference or lookahead (RE2 has neither), a repeated repetition, a
        // count past RE2's 1000, bytes that are not UTF-8.
        for (const char* pattern : {"(unclosed", "(a)\\1", "(?=a)", "a**", "a{2}*", "a??+",
                 "\\99999999999999999999", "a{1001}", "\xff"}) {
            const auto found
                = searchMetadata(table(), 0, pattern, MetadataMatch::RegularExpression);
            QVERIFY(found.rows.empty());
            QVERIFY2(found.error.starts_with("Not a valid regular expression: "), pattern);
        }
    }

    void backtrackingPatternsFinishOnLongCells()
    {
        // 2,000 cells of 1,000 a's. With std::regex, "a*a*a*c" took O(n⁴) steps a cell (2 s
        // for one 100-byte cell) and the nested ones exponential time; RE2 is linear in the
        // cell whatever the pattern. ctest's timeout is the bound if that ever regressed.
        std::string text = "label\tx\n";
        for (int row = 0; row < 2000; ++row)
            text += std::string(1000, 'a') + (row == 1500 ? "c" : "") + "\t1\n";
        const MetadataTable many = parseMetadataTsv(text);
        QCOMPARE(many.rows.size(), std::size_t(2000));
        for (const char* pattern : {"a*a*a*c", "(a*)*c", "(a+)+c", "(a|aa)+c", "((a|b)*a)*c",
                 "(?:a+){3}c", "(a*?)*c", "^(a|a?)+c$"}) {
            const auto found = searchMetadata(many, 0, pattern, MetadataMatch::RegularExpression);
            QVERIFY2(found.error.empty(), (std::string(pattern) + ": " + found.error).c_str());
            QVERIFY2(found.rows == std::vector<std::size_t> {1500}, pattern);
        }
        // Patterns the former guard refused for fear of backtracking are searched now.
        const MetadataTable shortCells
            = parseMetadataTsv("label\tx\n" + std::string(40, 'a') + "\t1\nb\t2\n");
        for (const char* pattern : {"(a*)*", "(a+)+", "(a|aa)+", "((a|b)c)*a", "(?:a+){3}"}) {
            const auto found
                = searchMetadata(shortCells, 0, pattern, MetadataMatch::RegularExpression);
            QVERIFY2(found.error.empty(), pattern);
            QVERIFY2(!found.rows.empty() && found.rows.front() == 0, pattern);
        }
        for (const char* pattern :
            {"a+", "(cat|a)", "(aa)+", "a*?a", "[*+]*a", "\\w*a", "(?:a)+", "a{2,3}a", "^a{40}$"}) {
            const auto found
                = searchMetadata(shortCells, 0, pattern, MetadataMatch::RegularExpression);
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
        asked = 0;
        const auto regex = searchMetadata(table, 0, "^ma.ch$", MetadataMatch::RegularExpression,
            [&asked] { return ++asked > 1; });
        QVERIFY(regex.error.empty());
        QVERIFY(!regex.rows.empty() && regex.rows.size() < 1000);
    }

    void nothingToSearch()
    {
        QVERIFY(searchMetadata(table(), 0, "", MetadataMatch::Substring).rows.empty());
        QVERIFY(searchMetadata(table(), 5, "a", MetadataMatch::Substring).rows.empty());
        QVERIFY(
            searchMetadata(MetadataTable(), 0, "a", MetadataMatch::RegularExpression).rows.empty());
    }

    void aMegabyteCellIsSearchedWhole()
    {
        // libstdc++'s regex recursed per character (a 1 MB cell searched with ".*z" overflowed
        // the stack), so only a cell's first 1,000 bytes used to be searched. RE2 searches it
        // whole: a match past the first megabyte is found.
        std::string text = "label\tx\n" + std::string(1 << 20, 'a') + "z\t1\n" + "az\t2\n";
        const MetadataTable hostile = parseMetadataTsv(text);
        QCOMPARE(hostile.rows.size(), std::size_t(2));
        const auto found = searchMetadata(hostile, 0, "a.*z", MetadataMatch::RegularExpression);
        QVERIFY2(found.error.empty(), found.error.c_str());
        QCOMPARE(found.rows, (std::vector<std::size_t> {0, 1}));
        QCOMPARE(searchMetadata(hostile, 0, "z", MetadataMatch::Substring).rows,
            (std::vector<std::size_t> {0, 1}));
        const std::string longPattern(5000, 'a'); // longer than any cell but the first
        QCOMPARE(searchMetadata(hostile, 0, longPattern, MetadataMatch::RegularExpression).rows,
            (std::vector<std::size_t> {0}));
        // A pattern whose program would pass RE2's memory budget is a message, not a hang.
        const auto huge
            = searchMetadata(hostile, 0, "((a{100}){100}){100}", MetadataMatch::RegularExpression);
        QVERIFY2(huge.error.starts_with("Not a valid regular expression"), huge.error.c_str());
    }
};

LANTERN_TEST_GUILESS_MAIN(TestMetadataSearch)
#include "test_metadata_search.moc"
