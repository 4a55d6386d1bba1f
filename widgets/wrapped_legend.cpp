#include "widgets/wrapped_legend.h"

#include <QBrush>
#include <QFontMetrics>
#include <QGraphicsItemGroup>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QPen>
#include <algorithm>

namespace sdlab::widgets {

WrappedLegend::WrappedLegend(QGraphicsItem* chart) : m_chart(chart) {}

WrappedLegend::~WrappedLegend() {
    clear();
}

void WrappedLegend::clear() {
    delete m_items; // and every marker and name in it
    m_items = nullptr;
}

void WrappedLegend::moveTo(double x, double y) {
    if (m_items)
        m_items->setPos(x, y);
}

int WrappedLegend::layOut(const std::vector<Entry>& entries, const QFont& font, const QColor& text,
                          int width) {
    clear();
    if (entries.empty())
        return 0;
    m_items = new QGraphicsItemGroup(m_chart);
    const QFontMetrics metrics(font);
    const int line = metrics.height() + 2;
    const int marker = std::max(6, metrics.height() * 2 / 3);
    const int gap = metrics.height(); // between one entry and the next
    double left = 0.0;
    int row = 0;
    for (const Entry& entry : entries) {
        const int widest = std::max(1, width - marker - 4);
        const QString name = metrics.elidedText(entry.name, Qt::ElideRight, widest);
        const double entryWidth = marker + 4 + metrics.horizontalAdvance(name);
        if (left > 0.0 && left + entryWidth > width) {
            left = 0.0;
            ++row;
        }
        const double top = row * line;
        auto* swatch =
            new QGraphicsRectItem(left, top + (line - marker) / 2.0, marker, marker, m_items);
        swatch->setBrush(entry.color);
        swatch->setPen(Qt::NoPen);
        auto* label = new QGraphicsSimpleTextItem(name, m_items);
        label->setFont(font);
        label->setBrush(text);
        label->setPos(left + marker + 4, top + 1);
        left += entryWidth + gap;
    }
    return (row + 1) * line;
}

} // namespace sdlab::widgets
