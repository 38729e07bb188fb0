// The card grid every card tab shares, with plain bodies: long tags and run names are
// shortened in the middle to fit their card, shown whole in the tooltip and when there is room.

#include "ui/widgets/card_grid.h"
#include "ui/widgets/elided_label.h"

#include <QLabel>
#include <QTest>

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
};

QTEST_MAIN(TestCardGrid)
#include "test_card_grid.moc"
