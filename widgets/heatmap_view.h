#pragma once

#include "widgets/plot_export.h"

#include <QColor>
#include <QImage>
#include <QWidget>
#include <vector>

namespace sdlab::widgets {

// A heatmap of a rows × columns grid over x values (columns) and y values (rows, the
// first at the bottom), with a colour bar (viridis), linear or log axes (cell edges sit
// halfway between grid values in the axis' own scale), a read-out of the cell under the
// mouse, and a click signal. NaN cells are grey. Drawn with QPainter, so SVG export is
// vector (except on uniform grids, where the cells are one scaled image so a 512 × 512
// grid repaints in milliseconds). Displays data only; GUI thread.
class HeatmapView : public QWidget, public ExportablePlot {
    Q_OBJECT
  public:
    explicit HeatmapView(QWidget* parent = nullptr);

    // values[row · columns + column]; xValues has `columns` entries, yValues `rows`,
    // both increasing.
    void setData(int rows, int columns, std::vector<double> values, std::vector<double> xValues,
                 std::vector<double> yValues);
    void setTitle(const QString& title);
    void setAxisTitles(const QString& x, const QString& y);
    void setValueTitle(const QString& title);
    void setLogarithmic(bool x, bool y);
    void setColorRange(double min, double max); // automatic when min ≥ max
    void setMarkedCell(int row, int column);    // outlined; −1 for none

    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    double value(int row, int column) const;
    // The cell at a widget position, or false outside the grid.
    bool cellAt(QPointF position, int& row, int& column) const;
    QRectF cellRect(int row, int column) const;
    static QColor colorFor(double fraction); // viridis, fraction in [0, 1]

    QWidget* plotWidget() override { return this; }
    QString dataCsv() const override; // x,y,value
    QSize minimumSizeHint() const override { return {260, 200}; }
    QSize sizeHint() const override { return {380, 300}; }

  Q_SIGNALS:
    void cellClicked(int row, int column);
    void cellHovered(int row, int column, double value);

  protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

  private:
    QRectF plotRect() const;
    double axisX(double value) const; // value → axis coordinate (log10 on log axes)
    double axisY(double value) const;
    std::vector<double> edges(const std::vector<double>& values, bool log) const;
    void colorLimits(double& low, double& high) const;
    bool uniformCells() const;
    void rebuildImage();

    int m_rows = 0, m_columns = 0;
    std::vector<double> m_values, m_x, m_y;
    std::vector<double> m_xEdges, m_yEdges; // axis coordinates, size n + 1
    QString m_title, m_xTitle, m_yTitle, m_valueTitle;
    bool m_logX = false, m_logY = false;
    double m_colorMin = 0.0, m_colorMax = 0.0;
    int m_markedRow = -1, m_markedColumn = -1;
    int m_hoverRow = -1, m_hoverColumn = -1;
    QImage m_cells; // one pixel per cell, built when data or colours change
};

} // namespace sdlab::widgets
