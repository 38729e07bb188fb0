#include "ui/dashboards/text/text_document.h"

#include "core/analysis/text_layout.h"
#include "ui/widgets/safe_text_browser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QTextTable>

#include <algorithm>
#include <utility>
#include <vector>

namespace lantern::ui {
namespace {

// GitHub's markdown (tables, strikethrough, autolinks) with raw HTML left as text.
const auto kMarkdownFeatures = QTextDocument::MarkdownFeatures(
    QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML);

// The texts' translation context; a class of its own, so that files built together (CMake's
// unity builds) do not each define a tr().
struct TextDocumentTexts {
    Q_DECLARE_TR_FUNCTIONS(TextDocument)
};

// Code spans and blocks in the system's fixed-width font, asked of Qt by role rather than by
// family name (desktops differ: DejaVu Sans Mono, Noto Sans Mono, Menlo, Consolas).
void useSystemFixedFont(QTextDocument& document)
{
    QTextCharFormat fixed;
    fixed.setFontFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    fixed.setFontFixedPitch(true);
    fixed.setFontStyleHint(QFont::TypeWriter);
    std::vector<std::pair<int, int>> code; // [start, end) ranges, found before any change
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const bool codeBlock = block.blockFormat().hasProperty(QTextFormat::BlockCodeLanguage)
            || block.blockFormat().hasProperty(QTextFormat::BlockCodeFence);
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (codeBlock || fragment.charFormat().fontFixedPitch())
                code.emplace_back(fragment.position(), fragment.position() + fragment.length());
        }
    }
    QTextCursor cursor(&document);
    for (const auto& [start, end] : code) {
        cursor.setPosition(start);
        cursor.setPosition(end, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(fixed);
    }
}

// Inserting markdown where a block has begun merges its first block into that one, which
// keeps its own formats: a heading or code block at the start would lose its look. Parsed
// apart, the first block's formats are put back.
void insertMarkdown(QTextCursor& cursor, const QString& markdown)
{
    InertTextDocument parsed;
    parsed.setMarkdown(markdown, kMarkdownFeatures);
    replaceImagesWithAltText(parsed);
    useSystemFixedFont(parsed);
    const int start = cursor.position();
    cursor.insertFragment(QTextDocumentFragment(&parsed));
    QTextCursor first(cursor.document());
    first.setPosition(start);
    first.setBlockFormat(parsed.begin().blockFormat());
    first.setBlockCharFormat(parsed.begin().charFormat());
}

// A new block (the document's first one when it is still empty) with the default format.
void startBlock(QTextCursor& cursor, const QTextBlockFormat& format = {})
{
    if (cursor.document()->isEmpty())
        cursor.setBlockFormat(format);
    else
        cursor.insertBlock(format, QTextCharFormat());
}

void insertNote(QTextCursor& cursor, const QString& note)
{
    startBlock(cursor);
    QTextCharFormat italic;
    italic.setFontItalic(true);
    italic.setForeground(QColor(0x75, 0x75, 0x75));
    cursor.insertText(note, italic);
}

void insertHeading(QTextCursor& cursor, const core::TensorEntry& entry)
{
    QTextBlockFormat block;
    block.setTopMargin(cursor.document()->isEmpty() ? 0 : 14);
    block.setBottomMargin(4);
    startBlock(cursor, block);
    QTextCharFormat bold;
    bold.setFontWeight(QFont::Bold);
    cursor.insertText(TextDocumentTexts::tr("Step %1").arg(entry.step), bold);
    QTextCharFormat grey;
    grey.setForeground(QColor(0x75, 0x75, 0x75));
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(qint64(entry.wallTime * 1000));
    cursor.insertText(
        QStringLiteral("   ") + time.toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")), grey);
}

// One string where the cursor is (a fresh block or a table cell).
void insertString(QTextCursor& cursor, const std::string& text, TextFormat format)
{
    const std::size_t shown = std::min(text.size(), kMaxTextBytes);
    const QString string = QString::fromUtf8(text.data(), qsizetype(shown));
    if (format == TextFormat::Markdown)
        insertMarkdown(cursor, string);
    else
        cursor.insertText(string);
    if (shown < text.size())
        insertNote(cursor,
            TextDocumentTexts::tr("(showing the first %1 of %2 bytes)")
                .arg(shown)
                .arg(text.size()));
}

void insertTable(QTextCursor& cursor, const core::TensorEntry& entry,
    const core::TextLayout& layout, TextFormat format)
{
    if (layout.slicedRank > 0)
        insertNote(cursor,
            TextDocumentTexts::tr("A rank-%1 tensor: showing its first 2-D slice.")
                .arg(layout.slicedRank));
    if (layout.rows == 0 || layout.columns == 0) {
        insertNote(cursor, TextDocumentTexts::tr("(empty)"));
        return;
    }
    const std::size_t columns = std::min(layout.columns, kMaxTableColumns);
    const std::size_t rows
        = std::min(layout.rows, std::max<std::size_t>(1, kMaxTableCells / columns));
    startBlock(cursor);
    const QColor line(0xcc, 0xcc, 0xcc);
    QTextTableFormat table; // single solid lines around every cell
    table.setBorderCollapse(true);
    table.setBorder(1);
    table.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    table.setBorderBrush(line);
    table.setCellPadding(4);
    table.setCellSpacing(0);
    QTextTableCellFormat cellFormat;
    cellFormat.setBorder(1);
    cellFormat.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    cellFormat.setBorderBrush(line);
    QTextTable* inserted = cursor.insertTable(int(rows), int(columns), table);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < columns; ++c) {
            QTextTableCell cell = inserted->cellAt(int(r), int(c));
            cell.setFormat(cellFormat);
            QTextCursor at = cell.firstCursorPosition();
            insertString(at, entry.strings[layout.cellIndex(r, c)], format);
        }
    cursor.movePosition(QTextCursor::End);
    if (rows < layout.rows || columns < layout.columns)
        insertNote(cursor,
            TextDocumentTexts::tr("(showing %1 of %2 rows and %3 of %4 columns)")
                .arg(rows)
                .arg(layout.rows)
                .arg(columns)
                .arg(layout.columns));
}

} // namespace

void appendTextEntry(QTextCursor& cursor, const core::TensorEntry& entry, TextFormat format)
{
    cursor.movePosition(QTextCursor::End);
    insertHeading(cursor, entry);
    const core::TextLayout layout = core::textLayoutOf(entry.shape, entry.strings.size());
    if (layout.isTable) {
        insertTable(cursor, entry, layout, format);
    } else if (!entry.strings.empty()) {
        startBlock(cursor);
        insertString(cursor, entry.strings.front(), format);
    }
    cursor.movePosition(QTextCursor::End);
}

} // namespace lantern::ui
