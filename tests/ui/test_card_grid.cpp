// The card grid every card tab shares, with plain bodies: long tags and run names are
// shortened in the middle to fit their card, shown whole in the tooltip and when there is room;
// groups the owner names come first, headers collapse their group (remembered while groups come
// and go), an enlarged card takes the whole row, and an owner's own cards stay the owner's.

#include "tests/support/test_main.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/elided_label.h"

#include <QLabel>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace lantern;
using ui::CardGrid;

class TestCardGrid : public QObject {
    Q_OBJECT
private slots:
    void longTagsAndRunsAreShortenedInTheMiddle()
    {
        const QString tag
            = QStringLiteral("weights/encoder/block_11/attention/output/dense/kernel");
        const QString run
            = QStringLiteral("sweep_2026_11_28/lr_0.001_batch_256_dropout_0.3/seed_42");
        CardGrid grid(
            [](const CardGrid::CardKey&, QWidget* card) { return new QLabel(card); }, nullptr);
        grid.setCardSize(300, 200);
        grid.resize(320, 400); // one narrow column
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        grid.showCards(
            {{tag, run, Qt::red}, {QStringLiteral("loss"), QStringLiteral("a"), Qt::blue}});

        QWidget* card = grid.card(tag, run);
        QVERIFY(card);
        auto* title = card->findChild<ui::ElidedLabel*>(QStringLiteral("cardTitle"));
        auto* runLabel = card->findChild<ui::ElidedLabel*>(QStringLiteral("cardRun"));
        QVERIFY(title && runLabel);
        QTRY_VERIFY(title->isElided() && runLabel->isElided());
        for (const auto* label : {title, runLabel}) {
            const QString whole = label->fullText();
            const QStringList parts = label->text().split(QStringLiteral("…"));
            QCOMPARE(parts.size(), 2);
            QVERIFY(whole.startsWith(parts[0]) && whole.endsWith(parts[1]));
            QVERIFY(parts[0].size() > 3 && parts[1].size() > 3);
            QCOMPARE(label->toolTip(), whole);
            QVERIFY(label->geometry().right() <= card->width());
        }
        QCOMPARE(title->fullText(), tag);
        QCOMPARE(runLabel->fullText(), run);

        // Short names are left alone.
        QWidget* loss = grid.card(QStringLiteral("loss"), QStringLiteral("a"));
        // Long names ask for no more width than short ones: the grid sets a card's width.
        QCOMPARE(card->sizeHint().width(), loss->sizeHint().width());
        QVERIFY(!loss->findChild<ui::ElidedLabel*>(QStringLiteral("cardTitle"))->isElided());
        QVERIFY(!loss->findChild<ui::ElidedLabel*>(QStringLiteral("cardRun"))->isElided());

        // Wide enough, the whole names show.
        grid.setCardSize(900, 200);
        grid.resize(1000, 400);
        QTRY_VERIFY(!title->isElided() && !runLabel->isElided());
        QCOMPARE(title->text(), tag);
        QCOMPARE(runLabel->text(), run);
        QVERIFY(title->toolTip().isEmpty());
    }

    void leadingGroupsFirstAndCollapsedGroupsRemembered()
    {
        CardGrid grid(
            [](const CardGrid::CardKey&, QWidget* card) { return new QLabel(card); }, nullptr);
        grid.resize(900, 1200);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        std::vector<CardGrid::CardKey> keys {{"b/x", "r1", Qt::red}, {"a/y", "r1", Qt::red},
            {"z", "", {}, "Pinned"}, {"c", "", {}, "Pinned"}, {"m", "", {}, "Charts"}};
        grid.showCards(keys);
        QCOMPARE(grid.groupNames(), (QStringList {"Pinned", "Charts", "a", "b"}));
        // The owner's order in its groups ("z" before "c"); natural order in the others.
        QCOMPARE(grid.cardTitles(), (QStringList {"z", "c", "m", "a/y · r1", "b/x · r1"}));

        // The header collapses its group; the group stays collapsed while it goes and comes.
        QSignalSpy toggled(&grid, &CardGrid::groupExpandedChanged);
        auto* header = grid.findChild<QWidget*>("group:a")->findChild<QToolButton*>("groupHeader");
        QCOMPARE(header->text(), QStringLiteral("a  (1)"));
        QTest::mouseClick(header, Qt::LeftButton);
        QVERIFY(!grid.isGroupExpanded("a"));
        QCOMPARE(toggled.size(), 1);
        QVERIFY(!grid.card("a/y", "r1")->isVisible());
        keys.erase(keys.begin() + 1);
        grid.showCards(keys);
        QCOMPARE(grid.groupNames(), (QStringList {"Pinned", "Charts", "b"}));
        keys.push_back({"a/w", "r1", Qt::red});
        grid.showCards(keys);
        QVERIFY(grid.collapsedGroups().contains("a"));
        QVERIFY(!grid.card("a/w", "r1")->isVisible());
        QVERIFY(grid.card("b/x", "r1")->isVisible());
        grid.setGroupExpanded("a", true);
        QVERIFY(grid.card("a/w", "r1")->isVisible());
    }

    void enlargedCardsTakeTheRowAndOwnersKeepTheirCards()
    {
        CardGrid grid({}, nullptr);
        grid.setCardSize(300, 0);
        grid.resize(960, 1200); // three columns
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        QLabel one("1"), two("2"), three("3");
        for (QLabel* label : {&one, &two, &three}) {
            label->setObjectName(QStringLiteral("mine"));
            label->setFixedHeight(100);
        }
        const auto keys = [&](bool enlarged) {
            return std::vector<CardGrid::CardKey> {{.tag = "g/1", .card = &one},
                {.tag = "g/2", .wholeRow = enlarged, .card = &two}, {.tag = "g/3", .card = &three}};
        };
        grid.showCards(keys(false));
        QTRY_VERIFY(one.width() > 0 && one.y() == two.y() && two.y() == three.y());
        QCOMPARE(grid.cards("g"), (std::vector<QWidget*> {&one, &two, &three}));

        grid.showCards(keys(true));
        QTRY_VERIFY(two.width() > 2 * one.width());
        QVERIFY(two.y() > one.y() && three.y() > two.y()); // a row to itself
        QCOMPARE(one.objectName(), QStringLiteral("mine")); // placed as they are

        // A card that leaves the grid is still the owner's: hidden, not deleted.
        QPointer<QLabel> gone = &three;
        grid.showCards({{.tag = "g/1", .card = &one}});
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(gone);
        QVERIFY(!three.isVisible());
        QCOMPARE(grid.cards(), (std::vector<QWidget*> {&one}));
    }
};

LANTERN_TEST_MAIN(TestCardGrid)
#include "test_card_grid.moc"
