#pragma once
// The body of a Text card: one run's text series of one tag, newest step first, a page of
// steps at a time (a series can hold thousands), rendered by appendTextEntry into a
// SafeTextBrowser. New steps appear at the top of the first page as they arrive.

#include "core/store/entry_series.h"
#include "core/store/tag_entries.h"
#include "ui/dashboards/text/text_document.h"

#include <QWidget>

#include <vector>

class QLabel;
class QToolButton;

namespace lantern::ui {

class SafeTextBrowser;

class TextCard : public QWidget {
    Q_OBJECT
public:
    using Entries = core::EntrySnapshot<core::TensorEntry>;
    static constexpr std::size_t kStepsPerPage = 10;

    explicit TextCard(QWidget* parent = nullptr);

    // Redraws only when the series changed.
    void setEntries(const Entries& entries);
    // How many times setEntries was called (tests check that a reload leaves other cards alone).
    int entriesUpdates() const { return m_entriesUpdates; }
    void setFormat(TextFormat format);

    // Page 0 holds the newest steps.
    std::size_t page() const { return m_page; }
    std::size_t pageCount() const;
    void setPage(std::size_t page);
    // The steps on the page, newest first.
    std::vector<std::int64_t> shownSteps() const;
    SafeTextBrowser* browser() const { return m_browser; }

private:
    void render();
    // The entries on the page, as indices into m_entries, newest first.
    std::pair<std::size_t, std::size_t> pageRange() const;

    Entries m_entries;
    TextFormat m_format = TextFormat::Markdown;
    std::size_t m_page = 0;
    std::uint64_t m_shownGeneration = ~std::uint64_t(0);
    std::size_t m_shownSize = 0;
    int m_entriesUpdates = 0;
    SafeTextBrowser* m_browser = nullptr;
    QWidget* m_pager = nullptr;
    QToolButton* m_newer = nullptr;
    QToolButton* m_older = nullptr;
    QLabel* m_pageLabel = nullptr;
};

} // namespace lantern::ui
