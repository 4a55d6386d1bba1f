#include "signal_lab_page.h"

#include "data/signals.h"
#include "experiments/pd_coding_run.h"
#include "time_series_view.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace sdlab::gui {

namespace {
QDoubleSpinBox* gainBox(double value, const QString& tip) {
    auto* box = new QDoubleSpinBox;
    box->setRange(0.0, 1000.0);
    box->setDecimals(3);
    box->setSingleStep(0.05);
    box->setValue(value);
    box->setToolTip(tip);
    box->setKeyboardTracking(false);
    return box;
}
} // namespace

SignalLabPage::SignalLabPage(QWidget* parent) : QWidget(parent) {
    m_signal = new QComboBox;
    m_signal->addItem(tr("Smooth random"), QStringLiteral("smooth"));
    m_signal->addItem(tr("Sine"), QStringLiteral("sine"));
    m_signal->addItem(tr("Steps"), QStringLiteral("step"));
    m_signal->addItem(tr("White noise"), QStringLiteral("noise"));
    m_signal->setToolTip(tr("Built-in test signal x_t"));
    m_steps = new QSpinBox;
    m_steps->setRange(10, 100000);
    m_steps->setValue(500);
    m_steps->setSuffix(tr(" steps"));
    m_steps->setKeyboardTracking(false);
    m_seed = new QSpinBox;
    m_seed->setRange(0, 1000000);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("Random seed of the signal"));
    m_kp = gainBox(0.1, tr("Proportional gain kp ≥ 0.\nEncoder a_t = kp·x_t + kd·(x_t − x_{t−1}) "
                           "(ICLR'18 eq. 4)"));
    m_kd = gainBox(2.0, tr("Derivative gain kd ≥ 0, kp + kd > 0.\nDecoder y_t = (s_t + kd·y_{t−1}) "
                           "/ (kp + kd) (ICLR'18 eq. 5)"));
    m_derived = new QLabel;
    m_derived->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("Signal"), m_signal);
    form->addRow(tr("Length"), m_steps);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(tr("k<sub>p</sub>"), m_kp);
    form->addRow(tr("k<sub>d</sub>"), m_kd);
    form->addRow(m_derived);
    auto* parameters = new QGroupBox(tr("Parameters"));
    parameters->setLayout(form);
    auto* side = new QVBoxLayout;
    side->addWidget(parameters);
    auto* help = new QLabel(tr("<p><b>PD coding</b> (ICLR'18 §2): the signal x goes through the encoder, "
                               "the quantizer Q and the decoder, which reconstructs it.</p>"
                               "<p>Q is sigma-delta quantization: φ += a; s = round(φ); φ −= s. "
                               "Larger kp, kd reconstruct better but spend more spikes.</p>"));
    help->setWordWrap(true);
    side->addWidget(help);
    side->addStretch();

    m_reconstruction = new widgets::TimeSeriesView;
    m_reconstruction->setAxisLabels(tr("time step t"), tr("signal and reconstruction"));
    m_spikes = new widgets::TimeSeriesView;
    m_spikes->setAxisLabels(tr("time step t"), tr("spikes s"));
    auto* plots = new QSplitter(Qt::Vertical);
    plots->addWidget(m_reconstruction);
    plots->addWidget(m_spikes);
    plots->setStretchFactor(0, 3);
    plots->setStretchFactor(1, 2);

    auto* layout = new QHBoxLayout(this);
    auto* sideWidget = new QWidget;
    sideWidget->setLayout(side);
    sideWidget->setMaximumWidth(300);
    layout->addWidget(sideWidget);
    layout->addWidget(plots, 1);

    for (QSpinBox* box : {m_steps, m_seed})
        connect(box, &QSpinBox::valueChanged, this, &SignalLabPage::recompute);
    for (QDoubleSpinBox* box : {m_kp, m_kd})
        connect(box, &QDoubleSpinBox::valueChanged, this, &SignalLabPage::recompute);
    connect(m_signal, &QComboBox::currentIndexChanged, this, &SignalLabPage::recompute);
    recompute();
}

void SignalLabPage::setGains(double kp, double kd) {
    m_kp->setValue(kp);
    m_kd->setValue(kd);
}

QString SignalLabPage::summaryText() const { return m_summary; }

void SignalLabPage::recompute() {
    const PdParams params{m_kp->value(), m_kd->value()};
    if (const std::string error = params.validationError(); !error.empty()) {
        m_summary = tr("Invalid gains: %1").arg(QString::fromStdString(error));
        Q_EMIT summaryChanged(m_summary);
        return;
    }
    const auto kind = parseSignalKind(m_signal->currentData().toString().toStdString());
    const std::vector<double> x =
        makeSignal(kind.value_or(SignalKind::Smooth), static_cast<std::size_t>(m_steps->value()),
                   static_cast<std::uint64_t>(m_seed->value()));
    const PdCodingRun run = runPdCoding(x, params);
    const QColor signalColor = palette().color(QPalette::Text);
    m_reconstruction->setSeries({{tr("x (signal)"), signalColor, widgets::TimeSeriesView::Style::Line, x},
                                 {tr("reconstruction dec(s)"), QColor(230, 120, 20),
                                  widgets::TimeSeriesView::Style::Line, run.xHat}});
    m_spikes->setSeries({{tr("s = Q(enc(x))"), QColor(40, 110, 200),
                          widgets::TimeSeriesView::Style::Stem, run.s}});
    m_derived->setText(tr("k<sub>α</sub> = %1, k<sub>β</sub> = %2")
                           .arg(params.kAlpha(), 0, 'g', 4)
                           .arg(params.kBeta(), 0, 'g', 4));
    m_summary = tr("%1 spikes · RMSE %2 · %3 steps")
                    .arg(run.spikes, 0, 'f', 0)
                    .arg(run.rmse, 0, 'g', 4)
                    .arg(x.size());
    Q_EMIT summaryChanged(m_summary);
}

} // namespace sdlab::gui
