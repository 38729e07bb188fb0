#include "ui/dashboards/text/text_card.h"

#include "ui/widgets/safe_text_browser.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace lantern::ui {

TextCard::TextCard(QWidget* parent)
    : QWidget(parent)
{
    m_browser = new SafeTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("textView"));
    m_browser->setFrameShape(QFrame::NoFrame);

    m_pager = new QWidget(this);
    m_newer = new QToolButton(m_pager);
    m_newer->setObjectName(QStringLiteral("newerSteps"));
    m_newer->setText(tr("‹ Newer"));
    m_newer->setAutoRaise(true);
    m_older = new QToolButton(m_pager);
    m_older->setObjectName(QStringLiteral("olderSteps"));
    m_older->setText(tr("Older ›"));
    m_older->setAutoRaise(true);
    m_pageLabel = new QLabel(m_pager);
    m_pageLabel->setObjectName(QStringLiteral("stepsShown"));
    auto* pagerLayout = new QHBoxLayout(m_pager);
    pagerLayout->setContentsMargins(0, 0, 0, 0);
    pagerLayout->addWidget(m_newer);
    pagerLayout->addStretch(1);
    pagerLayout->addWidget(m_pageLabel);
    pagerLayout->addStretch(1);
    pagerLayout->addWidget(m_older);
    m_pager->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_pager);

    connect(m_newer, &QToolButton::clicked, this, [this] {
        if (m_page > 0)
            setPage(m_page - 1);
    });
    connect(m_older, &QToolButton::clicked, this, [this] { setPage(m_page + 1); });
}

void TextCard::setEntries(const Entries& entries)
{
    ++m_entriesUpdates;
    m_entries = entries;
    if (entries.generation() == m_shownGeneration && entries.size() == m_shownSize)
        return;
    m_page = std::min(m_page, pageCount() - 1);
    render();
}

void TextCard::setFormat(TextFormat format)
{
    if (format == m_format)
        return;
    m_format = format;
    render();
}

std::size_t TextCard::pageCount() const
{
    return std::max<std::size_t>(1, (m_entries.size() + kStepsPerPage - 1) / kStepsPerPage);
}

void TextCard::setPage(std::size_t page)
{
    page = std::min(page, pageCount() - 1);
    if (page == m_page)
        return;
    m_page = page;
    render();
    m_browser->verticalScrollBar()->setValue(0);
}

std::pair<std::size_t, std::size_t> TextCard::pageRange() const
{
    // Newest first: page 0 ends at the last entry.
    const std::size_t size = m_entries.size();
    const std::size_t end = size - std::min(size, m_page * kStepsPerPage);
    return {end - std::min(end, kStepsPerPage), end};
}

std::vector<std::int64_t> TextCard::shownSteps() const
{
    std::vector<std::int64_t> steps;
    const auto [first, end] = pageRange();
    for (std::size_t i = end; i > first; --i)
        steps.push_back(m_entries[i - 1].step);
    return steps;
}

void TextCard::render()
{
    m_shownGeneration = m_entries.generation();
    m_shownSize = m_entries.size();
    const int scroll = m_browser->verticalScrollBar()->value(); // kept across live updates
    m_browser->clear();
    QTextCursor cursor(m_browser->document());
    const auto [first, end] = pageRange();
    for (std::size_t i = end; i > first; --i)
        appendTextEntry(cursor, m_entries[i - 1], m_format);
    // The view's own cursor was pushed along by the insertions; at the end it would scroll
    // the view to the oldest step.
    m_browser->moveCursor(QTextCursor::Start);
    m_browser->verticalScrollBar()->setValue(scroll);

    m_pager->setVisible(pageCount() > 1);
    m_newer->setEnabled(m_page > 0);
    m_older->setEnabled(m_page + 1 < pageCount());
    m_pageLabel->setText(tr("%1–%2 of %3 steps")
                             .arg(m_page * kStepsPerPage + 1)
                             .arg(m_page * kStepsPerPage + (end - first))
                             .arg(m_entries.size()));
}

} // namespace lantern::ui
