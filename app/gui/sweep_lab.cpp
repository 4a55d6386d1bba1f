#include "sweep_lab.h"

#include "data/signals.h"
#include "experiments/pd_sweep.h"
#include "heatmap_view.h"
#include "io/input_error.h"
#include "lab_support.h"

#include <QGridLayout>
#include <cmath>

namespace sdlab::gui {

namespace {

struct SweepLabResult : LabResult {
    std::vector<double> kp, kd;
    SweepResult sweep;
    bool logarithmic = true;
};

LabResultPtr computeSweep(const widgets::ParameterValues& v, ComputeControl& control) {
    auto result = std::make_shared<SweepLabResult>();
    result->logarithmic = text(v, "spacing") == QStringLiteral("log");
    const auto count = static_cast<long>(integer(v, "grid"));
    result->kp =
        makeRange(real(v, "kpMin"), real(v, "kpMax"), count, result->logarithmic, "kp range");
    result->kd =
        makeRange(real(v, "kdMin"), real(v, "kdMax"), count, result->logarithmic, "kd range");
    if (result->kp.front() == 0.0 && result->kd.front() == 0.0)
        throw InputError("the grid contains kp = kd = 0, where the decoder divides by zero");
    const auto kind = parseSignalKind(text(v, "signal").toStdString()).value_or(SignalKind::Smooth);
    const auto steps = static_cast<std::size_t>(integer(v, "steps"));
    const auto seed = static_cast<std::uint64_t>(integer(v, "seed"));
    const std::vector<double> x = makeSignal(kind, steps, seed);
    const std::vector<double> w = makeSweepWeight(steps, seed);
    result->sweep = runPdSweep(x, w, result->kp, result->kd, [&control](long done, long total) {
        return control.report(done, total);
    });
    if (result->sweep.cancelled)
        return nullptr;
    return result;
}

} // namespace

SweepLab::SweepLab(QWidget* parent) : LabPage(parent) {
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const QStringList titles{tr("Nonstationary weight: cos(dec(enc(x)⊙w), x⊙w)"),
                             tr("Quantization: cos(dec(Q(enc(x)))⊙w, x⊙w)"),
                             tr("Both (eq. 7): cos(dec(Q(enc(x))⊙w), x⊙w)"),
                             tr("Spike count: log10 Σ|Q(enc(x))|")};
    for (int i = 0; i < 4; ++i) {
        auto* map = new widgets::HeatmapView;
        map->setTitle(titles[i]);
        map->setAxisTitles(QStringLiteral("kd"), QStringLiteral("kp"));
        map->setValueTitle(i < 3 ? tr("cosine similarity") : tr("log10 spikes"));
        map->setToolTip(tr("Click a cell to open that (kp, kd) in the Signal lab"));
        connect(map, &widgets::HeatmapView::cellClicked, this, [this](int row, int column) {
            if (row < static_cast<int>(m_kp.size()) && column < static_cast<int>(m_kd.size())) {
                for (widgets::HeatmapView* m : m_maps)
                    m->setMarkedCell(row, column);
                Q_EMIT openInSignalLab(m_kp[static_cast<std::size_t>(row)],
                                       m_kd[static_cast<std::size_t>(column)]);
            }
        });
        layout->addWidget(map, i / 2, i % 2);
        m_maps.push_back(map);
    }
}

widgets::ParameterSpecs SweepLab::parameterSpecs() const {
    using Kind = widgets::ParameterSpec::Kind;
    const QString grid = tr("Grid"), input = tr("Input");
    auto range = [&](const char* key, const QString& label, double value, double max) {
        return widgets::ParameterSpec{.key = QLatin1String(key),
                                      .label = label,
                                      .minimum = 0.0,
                                      .maximum = max,
                                      .defaultValue = value,
                                      .decimals = 4,
                                      .logarithmic = true,
                                      .toolTip =
                                          tr("Grid end point; log spacing needs a minimum > 0"),
                                      .group = grid};
    };
    return {
        range("kpMin", tr("kp from"), 0.01, 100.0),
        range("kpMax", tr("kp to"), 10.0, 100.0),
        range("kdMin", tr("kd from"), 0.01, 1000.0),
        range("kdMax", tr("kd to"), 100.0, 1000.0),
        {.key = QStringLiteral("grid"),
         .label = tr("Grid size (per axis)"),
         .kind = Kind::Integer,
         .minimum = 2,
         .maximum = 512,
         .defaultValue = 32,
         .unit = tr("points"),
         .toolTip = tr("kp and kd each take this many values; the cost grows with its square"),
         .group = grid},
        {.key = QStringLiteral("spacing"),
         .label = tr("Spacing"),
         .kind = Kind::Choice,
         .toolTip = tr("Logarithmic spacing as in ICLR'18 Fig. 10"),
         .choices = {QStringLiteral("log"), QStringLiteral("linear")},
         .choiceLabels = {tr("Logarithmic"), tr("Linear")},
         .defaultText = QStringLiteral("log"),
         .group = grid},
        signalParameter(QStringLiteral("smooth"), input),
        lengthParameter(2000, 1000000,
                        tr("Length of x and of the weight signal w (smooth random, seed + 1)"),
                        input),
        seedParameter(input),
    };
}

QString SweepLab::parameterNote(const widgets::ParameterValues& v) const {
    const double cells = std::pow(v.value(QStringLiteral("grid")).toDouble(), 2.0);
    return tr("%1 grid points × %2 steps. Click a cell to open it in the Signal lab.")
        .arg(cells)
        .arg(v.value(QStringLiteral("steps")).toInt());
}

ComputeFunction SweepLab::computeFunction() const {
    return computeSweep;
}

void SweepLab::showResult(const LabResultPtr& base) {
    const auto& r = static_cast<const SweepLabResult&>(*base);
    m_kp = r.kp;
    m_kd = r.kd;
    const auto rows = static_cast<int>(r.kp.size()), columns = static_cast<int>(r.kd.size());
    std::vector<std::vector<double>> values(4);
    const SweepPoint* best = &r.sweep.points.front();
    for (const SweepPoint& p : r.sweep.points) {
        values[0].push_back(p.cosNonstationary);
        values[1].push_back(p.cosQuantization);
        values[2].push_back(p.cosFull);
        values[3].push_back(p.spikes > 0.0 ? std::log10(p.spikes) : std::nan(""));
        if (p.cosFull > best->cosFull)
            best = &p;
    }
    for (std::size_t i = 0; i < 4; ++i) {
        m_maps[i]->setLogarithmic(r.logarithmic, r.logarithmic);
        m_maps[i]->setMarkedCell(-1, -1);
        m_maps[i]->setData(rows, columns, std::move(values[i]), r.kd, r.kp);
    }
    setSummary(tr("%1 × %2 grid in %3 · best full similarity %4 at kp = %5, kd = %6 with %7 spikes")
                   .arg(rows)
                   .arg(columns)
                   .arg(formatDuration(r.computeMilliseconds))
                   .arg(formatNumber(best->cosFull, 5))
                   .arg(formatNumber(best->kp))
                   .arg(formatNumber(best->kd))
                   .arg(best->spikes));
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> SweepLab::plots() {
    return {{QStringLiteral("nonstationary"), m_maps[0]},
            {QStringLiteral("quantization"), m_maps[1]},
            {QStringLiteral("full"), m_maps[2]},
            {QStringLiteral("spikes"), m_maps[3]}};
}

} // namespace sdlab::gui
