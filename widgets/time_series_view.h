#pragma once

#include <QColor>
#include <QString>
#include <QWidget>
#include <vector>

namespace sdlab::widgets {

// A plot of one or more series over time steps 1..N, drawn with QPainter: lines, or
// stems (for spike trains). Axis labels, ticks and a legend; follows the palette.
// Displays data only; it knows no experiment. GUI thread only.
class TimeSeriesView : public QWidget {
    Q_OBJECT
public:
    enum class Style { Line, Stem };
    struct Series {
        QString name;
        QColor color;
        Style style = Style::Line;
        std::vector<double> values;
    };

    explicit TimeSeriesView(QWidget* parent = nullptr);

    void setSeries(std::vector<Series> series); // replaces all, one repaint
    void setAxisLabels(const QString& x, const QString& y);
    const std::vector<Series>& series() const { return m_series; }

    QSize minimumSizeHint() const override { return {320, 160}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<Series> m_series;
    QString m_xLabel;
    QString m_yLabel;
};

} // namespace sdlab::widgets
