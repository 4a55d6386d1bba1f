#pragma once

#include "widgets/plot_export.h"
#include "widgets/wrapped_legend.h"

#include <QChartView>
#include <QList>
#include <QPointF>
#include <span>
#include <vector>

class QAbstractAxis;
class QAbstractSeries;
class QAreaSeries;
class QLogValueAxis;
class QXYSeries;

namespace sdlab::widgets {

// A 2-D plot of named series on Qt Charts: lines, dashed guides, stems (spike trains,
// kernels) or points; linear or log axes with titles; a legend. Data arrive in batches:
// one buffer per series and one replace() per update (STYLE habit 7), never point by
// point. The axes fit the data unless the user has zoomed: drag a rectangle to zoom,
// wheel to zoom about the cursor, right-click to step back, double-click or Home to
// reset. setVisibleLimit() hides points beyond an x (the playback bar uses it) without
// moving the axes. Follows the palette (light or dark) and the application font and
// display scale (lecture-hall zoom). Displays data only; GUI thread.
class ChartPlot : public QChartView, public ExportablePlot {
    Q_OBJECT
  public:
    // Area: filled between the line and y = 0 (translucent), for areas under a curve.
    enum class Style { Line, Dashed, Dotted, Stem, Points, Area };

    explicit ChartPlot(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    void setAxisTitles(const QString& x, const QString& y);
    void setLogarithmic(bool x, bool y); // log axes plot only the positive values
    // A fixed y range (both finite), or automatic when min ≥ max.
    void setYRange(double min, double max);
    // x ticks only at whole numbers (layers, epochs), never 0.2 apart.
    void setIntegerXTicks(bool integer);

    // Adds an empty series and returns its index. An invalid colour picks the next one
    // of a colour-blind-safe palette.
    int addSeries(const QString& name, Style style = Style::Line, const QColor& color = {});
    int seriesCount() const { return static_cast<int>(m_series.size()); }
    void removeAllSeries();
    // To single one series out of many: a new colour, and whether the legend names it
    // (ten class names in a bottom row were elided to nothing).
    void setSeriesColor(int index, const QColor& color);
    void setSeriesInLegend(int index, bool shown);
    // false: no legend at all (the chart's title or a neighbour names the series).
    void setLegendShown(bool shown);
    // Colour `index` of the palette addSeries() picks from (to match other plots).
    static QColor seriesColor(int index);
    // Points must come in increasing x (setVisibleLimit stops at the first beyond it).
    void setSeriesData(int index, QList<QPointF> points);
    // y[k] plotted at x = x0 + k·dx.
    void setSeriesData(int index, std::span<const double> y, double x0 = 1.0, double dx = 1.0);
    const QList<QPointF>& seriesData(int index) const { return m_series[index].data; }
    void setVisibleLimit(double xMax); // +inf shows everything
    void resetZoom();

    QWidget* plotWidget() override { return this; }
    QString dataCsv() const override; // series,x,y

  protected:
    void wheelEvent(QWheelEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

  private:
    struct Series {
        QXYSeries* series = nullptr; // the data (an Area's upper line)
        QAreaSeries* area = nullptr; // Area only: what the chart shows
        Style style = Style::Line;
        QColor color;
        QList<QPointF> data; // as given, for rescaling and CSV
        bool inLegend = true;
    };
    static QAbstractSeries* chartSeries(const Series& series); // the chart's item for it
    void rebuildAxes();
    void refresh(Series& series); // data -> displayed buffer, one replace()
    void fitAxes();
    double xTickStep(double min, double max) const; // round, and wide enough for labels
    void spaceLogLabels(QLogValueAxis* axis, double min, double max) const;
    // A bottom row; a column on the right when the row would elide short names; rows
    // below the plot (WrappedLegend) when neither holds the names whole.
    void placeLegend();
    void applyPalette();
    void applyFonts();
    void applyStyle(Series& series);

    std::vector<Series> m_series;
    QList<QPointF> m_buffer; // reused between updates
    QAbstractAxis* m_xAxis = nullptr;
    QAbstractAxis* m_yAxis = nullptr;
    QString m_xTitle, m_yTitle;
    bool m_logX = false, m_logY = false;
    bool m_integerXTicks = false;
    double m_fixedYMin = 0.0, m_fixedYMax = 0.0;
    double m_visibleLimit;
    bool m_userZoomed = false;
    bool m_legendShown = true;
    WrappedLegend m_rowsLegend;
    int m_rowsLegendHeight = 0;
};

} // namespace sdlab::widgets
