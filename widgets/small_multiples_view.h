#pragma once

#include "widgets/plot_export.h"

#include <QColor>
#include <QStringList>
#include <QWidget>
#include <vector>

namespace sdlab::widgets {

// A grid of small line plots sharing one y range, that of each cell's first series
// (Tufte's small multiples; the rest is clipped), e.g. one
// signal coded at several parameter pairs: rows × columns cells, titles for rows and
// columns, the same series colours in every cell, and a caption per cell. Drawn with
// QPainter. Displays data only; GUI thread.
class SmallMultiplesView : public QWidget, public ExportablePlot {
    Q_OBJECT
  public:
    struct Cell {
        std::vector<std::vector<double>> series; // one line each, over steps 1..N
        QString caption;                         // e.g. "14 spikes, RMSE 0.08"
        bool valid = true;                       // false: drawn as "undefined"
    };

    explicit SmallMultiplesView(QWidget* parent = nullptr);

    void setGrid(int rows, int columns, std::vector<Cell> cells, QStringList rowTitles,
                 QStringList columnTitles);
    void setSeriesNames(QStringList names, std::vector<QColor> colors);
    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    const Cell& cell(int row, int column) const;

    QWidget* plotWidget() override { return this; }
    QString dataCsv() const override; // row,column,series,t,value
    QSize minimumSizeHint() const override { return {300, 220}; }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    int m_rows = 0, m_columns = 0;
    std::vector<Cell> m_cells;
    QStringList m_rowTitles, m_columnTitles, m_names;
    std::vector<QColor> m_colors;
};

} // namespace sdlab::widgets
