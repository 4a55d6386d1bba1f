// Qt tests (offscreen) of the reusable widgets: each draws something for sample data,
// maps data to the right place, exports valid PNG, SVG and CSV, and reports edits.
#include "widgets/chart_plot.h"
#include "widgets/heatmap_view.h"
#include "widgets/image_grid_view.h"
#include "widgets/parameter_panel.h"
#include "widgets/playback_bar.h"
#include "widgets/plot_export.h"
#include "widgets/small_multiples_view.h"
#include "widgets/spike_raster.h"

#include <QDoubleSpinBox>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSet>
#include <QSignalSpy>
#include <QSlider>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QXYSeries>
#include <cmath>

using namespace sdlab::widgets;

namespace {
// Distinct colours in a rendering: a blank widget has one or two.
int distinctColors(QWidget& widget) {
    widget.resize(480, 320);
    QImage image(widget.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    widget.render(&image);
    QSet<QRgb> colors;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colors.insert(image.pixel(x, y));
    return static_cast<int>(colors.size());
}

std::vector<double> sine(int n) {
    std::vector<double> y(static_cast<std::size_t>(n));
    for (int t = 0; t < n; ++t)
        y[static_cast<std::size_t>(t)] = std::sin(0.1 * t);
    return y;
}
} // namespace

class WidgetsTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void chartPlotDrawsSeriesAndKeepsDataForCsv() {
        ChartPlot plot;
        const int emptyColors = distinctColors(plot);
        const int line = plot.addSeries(QStringLiteral("sine"));
        const int stems = plot.addSeries(QStringLiteral("spikes"), ChartPlot::Style::Stem);
        plot.setSeriesData(line, sine(200));
        plot.setSeriesData(stems, QList<QPointF>{{3, 1.0}, {7, -1.0}});
        QVERIFY(distinctColors(plot) > emptyColors + 3);
        QCOMPARE(plot.seriesData(line).size(), 200);
        QCOMPARE(plot.seriesData(line)[10], QPointF(11.0, std::sin(1.0)));
        const QStringList rows = plot.dataCsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.first(), QStringLiteral("series,x,y"));
        QCOMPARE(rows.size(), 1 + 200 + 2);
        QCOMPARE(rows.last(), QStringLiteral("spikes,7,-1"));
    }

    void chartPlotVisibleLimitHidesLaterPointsOnly() {
        ChartPlot plot;
        plot.addSeries(QStringLiteral("s"));
        plot.setSeriesData(0, sine(100));
        plot.setVisibleLimit(10);
        auto* series = qobject_cast<QXYSeries*>(plot.chart()->series().first());
        QCOMPARE(series->count(), 10);
        QCOMPARE(plot.seriesData(0).size(), 100); // the data stay whole
        plot.setVisibleLimit(std::numeric_limits<double>::infinity());
        QCOMPARE(series->count(), 100);
    }

    void chartPlotLogAxesDropNonPositiveValues() {
        ChartPlot plot;
        plot.setLogarithmic(true, true);
        plot.addSeries(QStringLiteral("error"));
        plot.setSeriesData(0, QList<QPointF>{{1, 0.5}, {2, 0.0}, {3, 0.1}});
        auto* series = qobject_cast<QXYSeries*>(plot.chart()->series().first());
        QCOMPARE(series->count(), 2);
    }

    void chartPlotLogAxisWidensARangeWithoutTwoDecades() {
        // QLogValueAxis labels only powers of ten: a loss between 1.8 and 2.4 had none.
        ChartPlot plot;
        plot.setLogarithmic(false, true);
        plot.addSeries(QStringLiteral("loss"));
        plot.setSeriesData(0, QList<QPointF>{{1, 1.8}, {2, 2.4}});
        const auto* y = qobject_cast<QLogValueAxis*>(plot.chart()->axes(Qt::Vertical).first());
        QVERIFY(y);
        QCOMPARE(y->min(), 1.0);
        QCOMPARE(y->max(), 10.0);
        plot.setSeriesData(0, QList<QPointF>{{1, 0.02}, {2, 30.0}}); // three decades inside
        QCOMPARE(y->min(), 0.02 / 1.3);
        QCOMPARE(y->max(), 30.0 * 1.3);
    }

    void chartPlotRecoloursAndHidesSeriesFromTheLegend() {
        ChartPlot plot;
        const int a = plot.addSeries(QStringLiteral("a"));
        const int b = plot.addSeries(QStringLiteral("b"));
        plot.setSeriesColor(b, QColor(Qt::red));
        auto* line = qobject_cast<QLineSeries*>(plot.chart()->series().at(b));
        QCOMPARE(line->pen().color(), QColor(Qt::red));
        plot.setSeriesInLegend(a, false);
        plot.setSeriesInLegend(b, true);
        plot.show(); // a marker reports itself visible only in a shown legend
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        QVERIFY(
            !plot.chart()->legend()->markers(plot.chart()->series().at(a)).first()->isVisible());
        QVERIFY(plot.chart()->legend()->markers(line).first()->isVisible());
        QVERIFY(plot.dataCsv().startsWith(QStringLiteral("series,x,y"))); // data unchanged
    }

    // Long names neither a row nor a column holds whole wrap into rows below the plot
    // (the Trade-off chart's five curves were "Origin...", "Round..."); a wide chart keeps
    // Qt's one-row legend; setLegendShown(false) shows none.
    void chartPlotWrapsLongLegendNamesIntoRows() {
        const QStringList names{QStringLiteral("Original (dense)"),
                                QStringLiteral("Original (sparse, eq. B.13)"),
                                QStringLiteral("Rounding"), QStringLiteral("Σ-Δ, stored order"),
                                QStringLiteral("Σ-Δ, temporal order")};
        ChartPlot plot;
        for (const QString& name : names)
            plot.addSeries(name);
        const auto shownNames = [&plot] {
            QStringList texts;
            for (QGraphicsItem* item : plot.scene()->items())
                if (auto* text = qgraphicsitem_cast<QGraphicsSimpleTextItem*>(item))
                    texts << text->text();
            return texts;
        };
        plot.resize(420, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        QVERIFY(!plot.chart()->legend()->isVisible());
        QStringList shown = shownNames();
        for (const QString& name : names)
            QVERIFY2(shown.contains(name), qPrintable(shown.join(QStringLiteral(" | "))));
        plot.resize(1600, 300);
        QTest::qWait(20);
        QVERIFY(plot.chart()->legend()->isVisible());
        QVERIFY(shownNames().isEmpty());
        plot.resize(420, 300);
        plot.setLegendShown(false);
        QVERIFY(!plot.chart()->legend()->isVisible());
        QVERIFY(shownNames().isEmpty());
    }

    // Six decades in a short chart: labels every other decade or more, not one over the
    // next; a tall chart labels every decade.
    void chartPlotSpacesCrowdedLogLabels() {
        ChartPlot plot;
        plot.setLogarithmic(false, true);
        plot.addSeries(QStringLiteral("distance"));
        plot.setSeriesData(0, QList<QPointF>{{0, 1.0}, {1, 1e-6}});
        plot.resize(400, 160);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        QTest::qWait(20);
        const auto* y = qobject_cast<QLogValueAxis*>(plot.chart()->axes(Qt::Vertical).first());
        QVERIFY(y);
        QVERIFY2(y->base() >= 100.0, qPrintable(QString::number(y->base())));
        plot.resize(400, 900);
        QTest::qWait(20);
        QCOMPARE(y->base(), 10.0);
    }

    void spikeRasterPaintsEventsInTheirCellsAndColours() {
        SpikeRaster raster;
        raster.resize(400, 200);
        raster.setEvents({{1, 0, 1.0F}, {10, 3, -1.0F}}, 4, 10);
        QImage image(raster.size(), QImage::Format_ARGB32);
        raster.render(&image);
        // Find the on and off colours inside the plot area.
        int on = 0, off = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c == QColor(0xD5, 0x5E, 0x00))
                    ++on;
                if (c == QColor(0x00, 0x72, 0xB2))
                    ++off;
            }
        QVERIFY2(on > 50 && off > 50, qPrintable(QStringLiteral("%1 %2").arg(on).arg(off)));
        QVERIFY(raster.dataCsv().startsWith(QStringLiteral("step,channel,value\n1,0,1\n10,3,-1")));
    }

    void spikeRasterHandlesAThousandChannelsByTenThousandSteps() {
        std::vector<RasterEvent> events;
        for (int t = 1; t <= 10'000; ++t)
            for (int c = (t * 7) % 50; c < 1000; c += 50)
                events.push_back({t, c, (t + c) % 2 ? 1.0F : -1.0F});
        SpikeRaster raster;
        raster.setEvents(std::move(events), 1000, 10'000);
        QVERIFY(distinctColors(raster) > 3);
        QCOMPARE(raster.channelCount(), 1000);
    }

    void heatmapMapsCellsBothWaysAndEmitsClicks() {
        HeatmapView map;
        map.resize(400, 300);
        map.setLogarithmic(true, true);
        map.setData(2, 3, {1, 2, 3, 4, 5, 6}, {0.1, 1, 10}, {1, 100});
        QCOMPARE(map.value(1, 2), 6.0);
        int row = -1, column = -1;
        QVERIFY(map.cellAt(map.cellRect(1, 2).center(), row, column));
        QCOMPARE(row, 1);
        QCOMPARE(column, 2);
        // Log-spaced values on log axes give cells of equal width.
        QVERIFY(std::abs(map.cellRect(0, 0).width() - map.cellRect(0, 2).width()) < 1e-6);
        QSignalSpy clicks(&map, &HeatmapView::cellClicked);
        QTest::mouseClick(&map, Qt::LeftButton, {}, map.cellRect(0, 1).center().toPoint());
        QCOMPARE(clicks.count(), 1);
        QCOMPARE(clicks.first().at(0).toInt(), 0);
        QCOMPARE(clicks.first().at(1).toInt(), 1);
        QVERIFY(distinctColors(map) > 6);
        QCOMPARE(HeatmapView::colorFor(0.0), QColor(68, 1, 84));
        QCOMPARE(HeatmapView::colorFor(1.0), QColor(253, 231, 37));
    }

    void smallMultiplesDrawEveryCell() {
        SmallMultiplesView grid;
        std::vector<SmallMultiplesView::Cell> cells(4);
        for (auto& cell : cells)
            cell.series = {sine(50)};
        cells[3].valid = false;
        grid.setSeriesNames({QStringLiteral("x")}, {Qt::red});
        grid.setGrid(2, 2, cells, {QStringLiteral("a"), QStringLiteral("b")},
                     {QStringLiteral("c"), QStringLiteral("d")});
        QVERIFY(distinctColors(grid) > 4);
        QCOMPARE(grid.dataCsv().count(QLatin1Char('\n')), 1 + 4 * 50);
    }

    void imageGridShowsAWholeCaptionAsAToolTip() {
        // Cells too narrow for "Ankle boot → Sneaker": the caption is elided in the cell,
        // and the tool tip over the image gives it whole.
        sdlab::widgets::ImageGridView grid;
        std::vector<sdlab::widgets::CaptionedImage> images;
        for (int i = 0; i < 12; ++i) {
            QImage image(28, 28, QImage::Format_Grayscale8);
            image.fill(i * 20);
            images.push_back({image, QStringLiteral("Ankle boot → Sneaker %1").arg(i), false});
        }
        grid.setImages(std::move(images));
        grid.resize(240, 200);
        grid.show();
        QVERIFY(QTest::qWaitForWindowExposed(&grid));
        grid.repaint();
        QHelpEvent help(QEvent::ToolTip, QPoint(15, 15), grid.mapToGlobal(QPoint(15, 15)));
        QVERIFY(QApplication::sendEvent(&grid, &help));
        QTRY_COMPARE(QToolTip::text(), QStringLiteral("Ankle boot → Sneaker 0"));
    }

    void exportWritesValidPngSvgAndCsv() {
        QTemporaryDir dir;
        ChartPlot plot;
        plot.resize(300, 200);
        plot.addSeries(QStringLiteral("s"));
        plot.setSeriesData(0, sine(20));
        QString error;
        QVERIFY(writePlotPng(plot, dir.filePath(QStringLiteral("p.png")), &error));
        QVERIFY(
            writePlotSvg(plot, dir.filePath(QStringLiteral("p.svg")), QStringLiteral("t"), &error));
        QVERIFY(writePlotCsv(plot, dir.filePath(QStringLiteral("p.csv")), &error));
        const QImage png(dir.filePath(QStringLiteral("p.png")));
        QCOMPARE(png.size(), QSize(600, 400)); // rendered at twice the size
        QSvgRenderer svg(dir.filePath(QStringLiteral("p.svg")));
        QVERIFY(svg.isValid());
        QFile csv(dir.filePath(QStringLiteral("p.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), 21);
        // An unwritable path fails with a message naming it and leaves nothing behind.
        const QString bad = dir.filePath(QStringLiteral("missing/p.png"));
        QVERIFY(!writePlotPng(plot, bad, &error));
        QVERIFY(error.contains(bad));
        QVERIFY(!QFile::exists(bad));
    }

    void parameterPanelReportsEditsAndMergesDrags() {
        ParameterPanel panel({{.key = QStringLiteral("kp"),
                               .label = QStringLiteral("kp"),
                               .maximum = 10.0,
                               .defaultValue = 1.0}});
        QSignalSpy edits(&panel, &ParameterPanel::valueEdited);
        panel.setValues({{QStringLiteral("kp"), 2.0}});
        QCOMPARE(edits.count(), 0); // showing values is silent
        auto* slider = panel.findChild<QSlider*>();
        QVERIFY(slider);
        Q_EMIT slider->sliderPressed();
        slider->setValue(500);
        slider->setValue(600);
        Q_EMIT slider->sliderReleased();
        slider->setValue(700);
        QCOMPARE(edits.count(), 3);
        QCOMPARE(edits[0].at(1).toDouble(), 5.0);
        const int serial = edits[0].at(2).toInt();
        QVERIFY(serial > 0);
        QCOMPARE(edits[1].at(2).toInt(), serial); // same drag
        QCOMPARE(edits[2].at(2).toInt(), 0);      // not a drag
    }

    void parameterPanelShowsARowOnlyForItsValues() {
        using Kind = ParameterSpec::Kind;
        ParameterPanel panel({{.key = QStringLiteral("model"),
                               .label = QStringLiteral("Model"),
                               .kind = Kind::Choice,
                               .choices = {QStringLiteral("mlp"), QStringLiteral("lif")},
                               .defaultText = QStringLiteral("mlp")},
                              {.key = QStringLiteral("beta"),
                               .label = QStringLiteral("Decay"),
                               .optional = true,
                               .group = QStringLiteral("LIF"),
                               .shownWhenKey = QStringLiteral("model"),
                               .shownWhenValues = {QStringLiteral("lif")}}});
        panel.show();
        const auto labelled = [&](const QString& text) {
            for (QLabel* label : panel.findChildren<QLabel*>())
                if (label->text().contains(text))
                    return label;
            return static_cast<QLabel*>(nullptr);
        };
        QVERIFY(labelled(QStringLiteral("Decay")) && labelled(QStringLiteral("<b>LIF</b>")));
        QVERIFY(!labelled(QStringLiteral("Decay"))->isVisible()); // model mlp: hidden
        QVERIFY(!labelled(QStringLiteral("<b>LIF</b>"))->isVisible());
        QVERIFY(!panel.editor(QStringLiteral("beta"))->isVisible());
        panel.setValues({{QStringLiteral("model"), QStringLiteral("lif")}});
        QVERIFY(labelled(QStringLiteral("Decay"))->isVisible());
        QVERIFY(labelled(QStringLiteral("<b>LIF</b>"))->isVisible());
        QVERIFY(panel.editor(QStringLiteral("beta"))->isVisible());
        // Unset, the box reads "auto", not a number the rule may not give.
        auto* box = qobject_cast<QDoubleSpinBox*>(panel.editor(QStringLiteral("beta")));
        QVERIFY(box);
        QCOMPARE(box->text(), QStringLiteral("auto"));
    }

    void playbackBarStepsAndStops() {
        PlaybackBar bar;
        QSignalSpy moves(&bar, &PlaybackBar::positionChanged);
        bar.setLength(5);
        QCOMPARE(bar.position(), 5);
        bar.setPosition(0);
        bar.stepForward();
        bar.stepForward();
        QCOMPARE(bar.position(), 2);
        bar.stepBackward();
        QCOMPARE(bar.position(), 1);
        bar.play();
        QVERIFY(bar.isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(!bar.isPlaying(), 2000); // 100 steps/s reaches 5 and stops
        QCOMPARE(bar.position(), 5);
        QVERIFY(moves.count() >= 5);
    }
};

QTEST_MAIN(WidgetsTest)
#include "widgets_test.moc"
