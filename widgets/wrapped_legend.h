#pragma once

#include <QColor>
#include <QFont>
#include <QString>
#include <vector>

class QGraphicsItem;
class QGraphicsItemGroup;

namespace sdlab::widgets {

// A chart's legend in as many rows as its names need, for when Qt's legend, one row or
// one column, would elide them to "..." (QLegend cannot wrap). Its items are children
// of the chart's, so a grab or an export draws it with the chart. GUI thread.
class WrappedLegend {
  public:
    struct Entry {
        QString name;
        QColor color;
    };

    explicit WrappedLegend(QGraphicsItem* chart);
    ~WrappedLegend();
    WrappedLegend(const WrappedLegend&) = delete;
    WrappedLegend& operator=(const WrappedLegend&) = delete;

    // Lays the entries out left to right in rows at most `width` wide and returns the
    // height the rows take. A name wider than a whole row is the only one elided.
    int layOut(const std::vector<Entry>& entries, const QFont& font, const QColor& text, int width);
    // The rows' top left, in the chart's coordinates.
    void moveTo(double x, double y);
    void clear();

  private:
    QGraphicsItem* m_chart;
    QGraphicsItemGroup* m_items = nullptr;
};

} // namespace sdlab::widgets
