#include "gui/sweep_lab.h"

#include "experiment/parameter.h"
#include "experiments/pd_sweep.h"
#include "experiments/sweep_experiment.h"
#include "gui/lab_support.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "widgets/heatmap_view.h"

#include <QDir>
#include <QGridLayout>
#include <cmath>

namespace sdlab::gui {

namespace {

struct SweepLabResult : LabResult {
    std::vector<double> kp, kd;
    SweepResult sweep;
    bool logarithmic = true;
};

// The values were checked by the description (sweep_experiment.cpp), the kp = kd = 0
// corner included; the grid and the input are read as `sdlab-cli sweep` reads them.
LabResultPtr computeSweep(const ParameterValues& v, ComputeControl& control) {
    auto result = std::make_shared<SweepLabResult>();
    result->logarithmic = v.flag("log");
    result->kp = rangeValues("kp", v.text("kp"), result->logarithmic);
    result->kd = rangeValues("kd", v.text("kd"), result->logarithmic);
    const auto [x, w] = sweepInputFrom(v);
    result->sweep = runPdSweep(x, w, result->kp, result->kd, [&control](long done, long total) {
        return control.report(done, total);
    });
    if (result->sweep.cancelled)
        return nullptr;
    return result;
}

} // namespace

SweepLab::SweepLab(const Experiment& experiment, QWidget* parent) : LabPage(experiment, parent) {
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

QString SweepLab::parameterNote(const widgets::ParameterValues& v) const {
    const auto count = [&](const char* key) { // N of MIN:MAX:N
        return v.value(QLatin1String(key)).toString().section(QLatin1Char(':'), 2).toDouble();
    };
    const QString length = v.value(QStringLiteral("input")).toString().isEmpty()
                               ? tr("%1 steps").arg(v.value(QStringLiteral("steps")).toInt())
                               : tr("the CSV file's rows");
    return tr("%1 grid points × %2. Click a cell to open it in the Signal lab.")
        .arg(count("kp") * count("kd"))
        .arg(length);
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

bool SweepLab::openResult(const QString& directory, QString* error) {
    const CsvTable table =
        CsvTable::read(QDir(directory).filePath(QStringLiteral("sweep.csv")).toStdString());
    auto result = std::make_shared<SweepLabResult>();
    const auto& kp = table.column("kp");
    const auto& kd = table.column("kd");
    for (std::size_t i = 0; i < table.rowCount(); ++i) { // kp outer, kd inner
        if (result->kp.empty() || kp[i] != result->kp.back())
            result->kp.push_back(kp[i]);
        if (result->kp.size() == 1)
            result->kd.push_back(kd[i]);
        result->sweep.points.push_back({kp[i], kd[i], table.column("cos_nonstationary")[i],
                                        table.column("cos_quantization")[i],
                                        table.column("cos_full")[i], table.column("spikes")[i]});
    }
    if (result->kp.size() * result->kd.size() != table.rowCount()) {
        if (error)
            *error = tr("%1: the rows are not a kp × kd grid with kp in the outer loop")
                         .arg(QString::fromStdString(table.sourceName()));
        return false;
    }
    const JsonValue* log = readResultSummary(directory).member("log");
    result->logarithmic = log && std::get_if<bool>(&log->value) && std::get<bool>(log->value);
    showResult(result);
    startShowingResultFiles();
    setSummary(tr("Opened %1 (sdlab-cli sweep): %2").arg(directory, summary()));
    return true;
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> SweepLab::plots() {
    return {{QStringLiteral("nonstationary"), m_maps[0]},
            {QStringLiteral("quantization"), m_maps[1]},
            {QStringLiteral("full"), m_maps[2]},
            {QStringLiteral("spikes"), m_maps[3]}};
}

} // namespace sdlab::gui
