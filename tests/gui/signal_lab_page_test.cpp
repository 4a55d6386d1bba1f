// Qt tests (offscreen) of the Signal lab page and the time-series view.
#include "signal_lab_page.h"
#include "time_series_view.h"

#include <QSignalSpy>
#include <QTest>

class SignalLabPageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensWithBuiltInSignalAndSummary() {
        sdlab::gui::SignalLabPage page;
        const auto views = page.findChildren<sdlab::widgets::TimeSeriesView*>();
        QCOMPARE(views.size(), 2);
        // One view holds the signal and its reconstruction, the other the spikes.
        const auto* lines = views[0]->series().size() == 2 ? views[0] : views[1];
        const auto* stems = lines == views[0] ? views[1] : views[0];
        QCOMPARE(lines->series().size(), std::size_t{2});
        QCOMPARE(lines->series()[0].values.size(), std::size_t{500});
        QCOMPARE(stems->series().size(), std::size_t{1});
        QVERIFY(stems->series()[0].style == sdlab::widgets::TimeSeriesView::Style::Stem);
        QVERIFY(page.summaryText().contains(QStringLiteral("spikes")));
    }

    void changingGainsRecomputesAndMoreGainMeansMoreSpikes() {
        sdlab::gui::SignalLabPage page;
        QSignalSpy spy(&page, &sdlab::gui::SignalLabPage::summaryChanged);
        page.setGains(0.1, 1.0);
        const QString coarse = page.summaryText();
        page.setGains(1.0, 10.0);
        const QString fine = page.summaryText();
        QVERIFY(spy.count() >= 2);
        const double coarseSpikes = coarse.section(QLatin1Char(' '), 0, 0).toDouble();
        const double fineSpikes = fine.section(QLatin1Char(' '), 0, 0).toDouble();
        QVERIFY2(fineSpikes > coarseSpikes, qPrintable(coarse + QStringLiteral(" / ") + fine));
    }

    void invalidGainsAreReportedNotComputed() {
        sdlab::gui::SignalLabPage page;
        page.setGains(0.0, 0.0);
        QVERIFY(page.summaryText().startsWith(QStringLiteral("Invalid gains")));
    }

    void viewPaintsWithoutDataAndWithData() {
        sdlab::widgets::TimeSeriesView view;
        view.resize(400, 200);
        QImage empty(view.size(), QImage::Format_ARGB32);
        view.render(&empty); // no series: axes only, no crash
        view.setSeries({{QStringLiteral("a"), Qt::red, sdlab::widgets::TimeSeriesView::Style::Line,
                         {0.0, 1.0, -1.0, 0.5}}});
        QImage drawn(view.size(), QImage::Format_ARGB32);
        view.render(&drawn);
        QVERIFY(drawn != empty);
    }
};

QTEST_MAIN(SignalLabPageTest)
#include "signal_lab_page_test.moc"
