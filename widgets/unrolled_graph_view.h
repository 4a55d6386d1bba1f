#pragma once

#include "widgets/plot_export.h"

#include <QWidget>
#include <vector>

namespace sdlab::widgets {

// One spiking neuron's computational graph unrolled over a few steps (snnTorch paper
// Fig. 6b): input X_t, membrane U_t, spike S_t and loss L_t per step, the decay edge
// U_{t−1} → U_t, the reset edge S_t → U_{t+1} (greyed and dashed when detached: no
// gradient flows through it) and the backward path of the gradient drawn in orange.
// Spike nodes of steps that fired are filled. Displays what it is given; GUI thread.
class UnrolledGraphView : public QWidget, public ExportablePlot {
    Q_OBJECT
  public:
    explicit UnrolledGraphView(QWidget* parent = nullptr);

    // fired[k]: whether step first + k spiked; the view draws fired.size() steps (2-8).
    void setSteps(int first, std::vector<bool> fired);
    void setResetAttached(bool attached);

    QWidget* plotWidget() override { return this; }
    QString dataCsv() const override; // step,fired,reset_attached
    QSize sizeHint() const override { return {520, 240}; }

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    int m_first = 1;
    std::vector<bool> m_fired{false, false, false, false};
    bool m_resetAttached = false;
};

} // namespace sdlab::widgets
