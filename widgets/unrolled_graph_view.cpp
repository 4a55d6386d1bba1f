#include "widgets/unrolled_graph_view.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace sdlab::widgets {

namespace {

const QColor kGradient(0xD5, 0x5E, 0x00); // the palette's vermillion: the backward pass
const QColor kSpike(0x00, 0x72, 0xB2);

// An arrow from a to b stopping `gap` short of both ends, with its label at the middle.
void arrow(QPainter& p, QPointF a, QPointF b, double gap, const QString& label = {},
           QPointF labelOffset = {}) {
    const QPointF d = b - a;
    const double length = std::hypot(d.x(), d.y());
    if (length <= 2 * gap)
        return;
    const QPointF u = d / length;
    const QPointF from = a + u * gap, to = b - u * gap;
    p.drawLine(from, to);
    const QPointF normal(-u.y(), u.x());
    const double head = 7.0;
    QPainterPath tip;
    tip.moveTo(to);
    tip.lineTo(to - u * head + normal * head * 0.45);
    tip.lineTo(to - u * head - normal * head * 0.45);
    tip.closeSubpath();
    p.fillPath(tip, p.pen().color());
    if (!label.isEmpty())
        p.drawText(QRectF((from + to) / 2 + labelOffset - QPointF(40, 10), QSizeF(80, 20)),
                   Qt::AlignCenter, label);
}

} // namespace

UnrolledGraphView::UnrolledGraphView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(360, 200);
    setToolTip(tr("The neuron unrolled over time (snnTorch paper Fig. 6b). Orange: the "
                  "gradient of the loss flowing back through S = H(U − θ) (by the surrogate) "
                  "and along the decay β. Grey dashed: the reset, detached unless its gradient "
                  "is kept."));
}

void UnrolledGraphView::setSteps(int first, std::vector<bool> fired) {
    if (fired.size() < 2)
        fired.resize(2, false);
    if (fired.size() > 8)
        fired.resize(8);
    m_first = first;
    m_fired = std::move(fired);
    update();
}

void UnrolledGraphView::setResetAttached(bool attached) {
    m_resetAttached = attached;
    update();
}

QString UnrolledGraphView::dataCsv() const {
    QString csv = QStringLiteral("step,fired,reset_attached\n");
    for (std::size_t k = 0; k < m_fired.size(); ++k)
        csv += QStringLiteral("%1,%2,%3\n")
                   .arg(m_first + static_cast<int>(k))
                   .arg(m_fired[k] ? 1 : 0)
                   .arg(m_resetAttached ? 1 : 0);
    return csv;
}

void UnrolledGraphView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette& palette = this->palette();
    p.fillRect(rect(), palette.base());
    const QColor ink = palette.text().color();
    QColor faint = ink;
    faint.setAlphaF(0.35F);
    const int steps = static_cast<int>(m_fired.size());
    const double margin = 44.0, w = width() - 2 * margin, h = height();
    const double radius = std::clamp(std::min(w / (steps * 3.2), h / 11.0), 9.0, 20.0);
    const auto x = [&](int k) { return margin + w * (k + 0.5) / steps; };
    const double rows[4] = {h * 0.20, h * 0.44, h * 0.66, h * 0.88}; // X, U, S, L
    const QStringList names{QStringLiteral("X"), QStringLiteral("U"), QStringLiteral("S"),
                            QStringLiteral("L")};
    // Forward edges.
    for (int k = 0; k < steps; ++k) {
        p.setPen(QPen(ink, 1.3));
        for (int r = 0; r < 3; ++r) {
            const QString label = r == 0   ? QStringLiteral("W")
                                  : r == 1 ? QStringLiteral("H")
                                           : QString();
            arrow(p, {x(k), rows[r]}, {x(k), rows[r + 1]}, radius, label, {12, 0});
        }
        if (k + 1 < steps) {
            arrow(p, {x(k), rows[1]}, {x(k + 1), rows[1]}, radius, QStringLiteral("β"), {0, -11});
            // The reset: S_t decides R_{t+1}, which takes θ off U_{t+1}.
            QPen reset(m_resetAttached ? ink : faint, 1.2, Qt::DashLine);
            p.setPen(reset);
            arrow(p, {x(k), rows[2]}, {x(k + 1), rows[1]}, radius, tr("−θR"), {6, 10});
        }
    }
    // The gradient's way back: L_t → S_t → U_t, along β to earlier steps, and to W.
    QPen back(kGradient, 2.2);
    p.setPen(back);
    const QPointF shift(-radius * 0.9, 0);
    for (int k = 0; k < steps; ++k) {
        arrow(p, QPointF(x(k), rows[3]) + shift, QPointF(x(k), rows[2]) + shift, radius,
              k == 0 ? QStringLiteral("∂L/∂S") : QString(), {-30, 0});
        arrow(p, QPointF(x(k), rows[2]) + shift, QPointF(x(k), rows[1]) + shift, radius,
              k == 0 ? tr("g(U − θ)") : QString(), {-34, 0});
        if (k > 0)
            arrow(p, QPointF(x(k), rows[1]) + QPointF(0, radius * 0.8),
                  QPointF(x(k - 1), rows[1]) + QPointF(0, radius * 0.8), radius);
    }
    // Nodes.
    for (int k = 0; k < steps; ++k)
        for (int r = 0; r < 4; ++r) {
            const QPointF c(x(k), rows[r]);
            const bool spike = r == 2 && m_fired[static_cast<std::size_t>(k)];
            p.setPen(QPen(ink, 1.4));
            p.setBrush(spike ? QBrush(kSpike) : palette.base());
            p.drawEllipse(c, radius, radius);
            p.setPen(spike ? QColor(Qt::white) : ink);
            p.drawText(QRectF(c - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius)),
                       Qt::AlignCenter, QStringLiteral("%1%2").arg(names[r]).arg(m_first + k));
        }
    p.setPen(ink);
    p.drawText(QRectF(4, 2, width() - 8, 18), Qt::AlignLeft | Qt::AlignTop,
               m_resetAttached ? tr("orange: gradient path, reset included")
                               : tr("orange: gradient path; grey dashed: reset, detached"));
    p.drawText(QRectF(0, 0, margin, h), Qt::AlignVCenter | Qt::AlignLeft, QStringLiteral(" …"));
    p.drawText(QRectF(width() - margin, 0, margin, h), Qt::AlignVCenter | Qt::AlignRight,
               QStringLiteral("… "));
}

} // namespace sdlab::widgets
