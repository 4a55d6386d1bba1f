#pragma once

#include "gui/training_runs.h"
#include "training/tradeoff_curves.h"

#include <QColor>
#include <QString>
#include <QWidget>
#include <vector>

namespace sdlab::widgets {
class ChartPlot;
}

namespace sdlab::gui {

// The Learning lab's Trade-off view (thesis Fig. 4.4, DSN Fig. 3): test error against what
// one prediction costs, on a log axis. Every finished training run is a point (its last
// full test); a `scales` result adds a curve per network and order (the original net as
// points), an `early` result the error after each step with its dense net as a point.
// Hovering over a point names it; clicking a point of a scales curve shows the scales k_l
// it was run with below the chart. Displays only; GUI thread.
class TradeoffView : public QWidget {
    Q_OBJECT
  public:
    explicit TradeoffView(QWidget* parent = nullptr);

    widgets::ChartPlot* plot() const { return m_plot; }
    widgets::ChartPlot* scalesPlot() const { return m_scalesPlot; } // hidden until a click
    void setRuns(const std::vector<TrainingCurves>& runs);
    // A result's curves under `source` ("scales: fashion-mnist 784-200-200-10").
    void addCurves(const QString& source, std::vector<TradeoffCurve> curves);
    void clearCurves();
    std::size_t curveCount() const { return m_curves.size(); }
    const TradeoffCurve& curve(std::size_t index) const { return m_curves[index].curve; }
    std::size_t runPointCount() const { return m_runs.size(); }
    // The read-out hovering at `position` (viewport pixels) would show; empty when no
    // point is within 12 pixels.
    QString readoutAt(const QPoint& position) const;
    // Shows the scales of the point a click at `position` hits; false (and nothing
    // changes) when no point with scales is within 12 pixels.
    bool showScalesAt(const QPoint& position);
    // Where a curve's point sits on the chart, in viewport pixels (for tests).
    QPoint pixelOf(const TradeoffPoint& point) const;

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    struct Shown {
        QString name, source;
        TradeoffCurve curve;
        QColor color;
    };
    struct Hit {
        const Shown* shown = nullptr;
        const TradeoffPoint* point = nullptr;
    };
    Hit nearestAt(const QPoint& position) const; // within 12 pixels, or none
    void showScales(const Shown& shown, const TradeoffPoint& point);
    void redraw();
    bool oneSource() const; // every result curve from one run or directory
    QString nameOf(const Shown& shown) const;

    widgets::ChartPlot* m_plot;
    widgets::ChartPlot* m_scalesPlot;
    QPoint m_pressedAt;          // a press and release this close together is a click, not a zoom
    std::vector<Shown> m_runs;   // a point per finished run
    std::vector<Shown> m_curves; // from scales and early results, oldest first
    int m_colorsUsed = 0;
};

} // namespace sdlab::gui
