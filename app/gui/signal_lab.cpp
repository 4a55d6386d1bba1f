#include "signal_lab.h"

#include "chart_plot.h"
#include "coding/pd_params.h"
#include "data/signals.h"
#include "experiments/pd_coding_run.h"
#include "io/input_error.h"
#include "lab_support.h"
#include "small_multiples_view.h"
#include "spike_raster.h"

#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <cmath>

namespace sdlab::gui {

namespace {

struct SignalResult : LabResult {
    std::vector<double> x;
    PdCodingRun run;
    std::vector<widgets::SmallMultiplesView::Cell> grid;
};

LabResultPtr computeSignal(const widgets::ParameterValues& v, ComputeControl&) {
    auto result = std::make_shared<SignalResult>();
    const QString csv = text(v, "csv");
    if (!csv.isEmpty()) {
        result->x = readCsvColumn(csv, "x");
        if (result->x.empty())
            throw InputError(csv.toStdString() + ": column 'x' has no rows");
    } else {
        const auto kind =
            parseSignalKind(text(v, "signal").toStdString()).value_or(SignalKind::Smooth);
        result->x = makeSignal(kind, static_cast<std::size_t>(integer(v, "steps")),
                               static_cast<std::uint64_t>(integer(v, "seed")));
    }
    const PdParams params{real(v, "kp"), real(v, "kd")};
    if (const std::string error = params.validationError(); !error.empty())
        throw InputError("kp/kd: " + error);
    const auto quantizer = parsePdQuantizerKind(text(v, "quantizer").toStdString())
                               .value_or(PdQuantizerKind::SigmaDelta);
    const auto seed = static_cast<std::uint64_t>(integer(v, "seed"));
    result->run = runPdCoding(result->x, params, quantizer, seed);
    for (const double kp : SignalLab::gridKp())
        for (const double kd : SignalLab::gridKd()) {
            widgets::SmallMultiplesView::Cell cell;
            const PdParams cellParams{kp, kd};
            if (!cellParams.validationError().empty()) {
                cell.valid = false;
                cell.caption = QObject::tr("kp + kd = 0: undefined");
            } else {
                PdCodingRun run = runPdCoding(result->x, cellParams, quantizer, seed);
                cell.caption = QObject::tr("%1 spikes, RMSE %2")
                                   .arg(run.spikes)
                                   .arg(formatNumber(run.rmse, 3));
                cell.series = {result->x, std::move(run.xHat)};
            }
            result->grid.push_back(std::move(cell));
        }
    return result;
}

} // namespace

const std::vector<double>& SignalLab::gridKp() {
    static const std::vector<double> values{0.0, 0.1, 1.0};
    return values;
}

const std::vector<double>& SignalLab::gridKd() {
    static const std::vector<double> values{0.0, 1.0, 10.0};
    return values;
}

SignalLab::SignalLab(QWidget* parent)
    : LabPage(parent), m_signal(new widgets::ChartPlot), m_spikes(new widgets::ChartPlot),
      m_raster(new widgets::SpikeRaster), m_grid(new widgets::SmallMultiplesView) {
    m_signal->setTitle(tr("Input x and reconstruction xᴿ = dec(Q(enc(x)))"));
    m_signal->setAxisTitles(tr("time step t"), tr("value"));
    m_signal->addSeries(tr("input x"));
    m_signal->addSeries(tr("reconstruction xᴿ"));
    m_spikes->setTitle(tr("Encoder output a = enc(x) and spikes s = Q(a)"));
    m_spikes->setAxisTitles(tr("time step t"), tr("a, s"));
    m_spikes->addSeries(tr("encoder output a"), widgets::ChartPlot::Style::Line,
                        QColor(0x99, 0x99, 0x99));
    m_spikes->addSeries(tr("spikes s"), widgets::ChartPlot::Style::Stem, QColor(0xD5, 0x5E, 0x00));
    m_raster->setChannelGroups({{0, tr("s")}});
    m_raster->setMinimumHeight(80);
    m_grid->setSeriesNames({tr("input x"), tr("reconstruction xᴿ")},
                           {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00)});

    auto* coding = new QSplitter(Qt::Vertical);
    coding->addWidget(m_signal);
    coding->addWidget(m_spikes);
    coding->addWidget(m_raster);
    coding->setSizes({420, 300, 90});
    auto* tabs = new QTabWidget;
    tabs->addTab(coding, tr("Coding"));
    tabs->addTab(m_grid, tr("kp × kd grid (Fig. 1)"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);
}

widgets::ParameterSpecs SignalLab::parameterSpecs() const {
    using Kind = widgets::ParameterSpec::Kind;
    const QString input = tr("Input"), coding = tr("PD coding");
    return {
        signalParameter(QStringLiteral("smooth"), input),
        {.key = QStringLiteral("csv"),
         .label = tr("Signal from CSV (column x)"),
         .kind = Kind::File,
         .toolTip = tr("A CSV file with a column named x; replaces the built-in signal"),
         .fileFilter = tr("CSV files (*.csv);;All files (*)"),
         .group = input},
        lengthParameter(400, 100000, tr("Number of time steps of the built-in signal"), input),
        seedParameter(input),
        kpParameter(QStringLiteral("kp"), 0.1, coding),
        kdParameter(QStringLiteral("kd"), 2.0, coding),
        {.key = QStringLiteral("kalpha"),
         .label = tr("kα = kd/(kp + kd)"),
         .minimum = 0.0,
         .maximum = 0.999,
         .defaultValue = 2.0 / 2.1,
         .decimals = 4,
         .toolTip = tr("Decoder memory: y_t = kβ·s_t + kα·y_{t−1} (spec §2). Editing kα or kβ "
                       "sets kp = (1 − kα)/kβ, kd = kα/kβ."),
         .group = coding},
        {.key = QStringLiteral("kbeta"),
         .label = tr("kβ = 1/(kp + kd)"),
         .minimum = 0.01,
         .maximum = 100.0,
         .defaultValue = 1.0 / 2.1,
         .decimals = 4,
         .logarithmic = true,
         .toolTip = tr("Decoder gain per spike: y_t = kβ·s_t + kα·y_{t−1} (spec §2)"),
         .group = coding},
        {.key = QStringLiteral("quantizer"),
         .label = tr("Quantizer"),
         .kind = Kind::Choice,
         .toolTip = tr("Sigma-delta Q keeps a residual |φ| ≤ ½ so errors cancel over time; "
                       "rounding and stochastic rounding are memoryless"),
         .choices = {QStringLiteral("sigma-delta"), QStringLiteral("rounding"),
                     QStringLiteral("stochastic")},
         .choiceLabels = {tr("Sigma-delta Q"), tr("Rounding R"), tr("Stochastic rounding")},
         .defaultText = QStringLiteral("sigma-delta"),
         .group = coding},
    };
}

void SignalLab::reconcile(widgets::ParameterValues& v, const QString& changedKey) const {
    const QString kp = QStringLiteral("kp"), kd = QStringLiteral("kd");
    const QString alpha = QStringLiteral("kalpha"), beta = QStringLiteral("kbeta");
    if (changedKey == alpha || changedKey == beta) {
        const PdParams params = PdParams::fromAlphaBeta(v[alpha].toDouble(), v[beta].toDouble());
        v[kp] = std::clamp(params.kp, 0.0, 10.0);
        v[kd] = std::clamp(params.kd, 0.0, 100.0);
    }
    const double sum = v[kp].toDouble() + v[kd].toDouble();
    if (sum > 0.0) {
        v[alpha] = std::min(0.999, v[kd].toDouble() / sum);
        v[beta] = std::clamp(1.0 / sum, 0.01, 100.0);
    }
}

QString SignalLab::parameterNote(const widgets::ParameterValues& v) const {
    const double kp = v.value(QStringLiteral("kp")).toDouble();
    const double kd = v.value(QStringLiteral("kd")).toDouble();
    if (kp + kd <= 0.0)
        return tr(
            "<span style='color:#c0392b'>kp = kd = 0: the decoder divides by kp + kd = 0.</span>");
    QString note = tr("Special cases (spec §2): kp = 0 gives xᴿ = round(kd·x)/kd; kd = 0 is "
                      "memoryless rounding of kp·x.");
    if (!v.value(QStringLiteral("csv")).toString().isEmpty())
        note += tr("<br>The CSV file sets the length; <i>Length</i> and <i>Signal</i> are unused.");
    return note;
}

ComputeFunction SignalLab::computeFunction() const {
    return computeSignal;
}

void SignalLab::showResult(const LabResultPtr& base) {
    const auto& r = static_cast<const SignalResult&>(*base);
    m_length = static_cast<int>(r.x.size());
    m_signal->setSeriesData(0, r.x);
    m_signal->setSeriesData(1, r.run.xHat);
    m_spikes->setSeriesData(0, r.run.a);
    QList<QPointF> stems;
    std::vector<widgets::RasterEvent> events;
    for (std::size_t t = 0; t < r.run.s.size(); ++t)
        if (r.run.s[t] != 0.0) {
            stems.append(QPointF(static_cast<double>(t + 1), r.run.s[t]));
            events.push_back({static_cast<int>(t + 1), 0, static_cast<float>(r.run.s[t])});
        }
    m_spikes->setSeriesData(1, std::move(stems));
    m_raster->setEvents(std::move(events), 1, m_length);
    QStringList rows, columns;
    for (const double kp : gridKp())
        rows.append(QStringLiteral("kp = %1").arg(kp));
    for (const double kd : gridKd())
        columns.append(QStringLiteral("kd = %1").arg(kd));
    m_grid->setGrid(static_cast<int>(gridKp().size()), static_cast<int>(gridKd().size()), r.grid,
                    rows, columns);
    setSummary(tr("%1 spikes (%2 per step) · RMSE %3 · computed in %4")
                   .arg(r.run.spikes)
                   .arg(formatNumber(r.run.spikes / std::max<double>(1.0, m_length), 3))
                   .arg(formatNumber(r.run.rmse))
                   .arg(formatDuration(r.computeMilliseconds)));
}

void SignalLab::setPlaybackPosition(int position) {
    m_signal->setVisibleLimit(position);
    m_spikes->setVisibleLimit(position);
    m_raster->setVisibleLimit(std::max(position, 1));
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> SignalLab::plots() {
    return {{QStringLiteral("signal"), m_signal},
            {QStringLiteral("spikes"), m_spikes},
            {QStringLiteral("raster"), m_raster},
            {QStringLiteral("grid"), m_grid}};
}

} // namespace sdlab::gui
