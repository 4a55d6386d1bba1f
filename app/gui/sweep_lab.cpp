#include "gui/sweep_lab.h"

#include "experiment/parameter.h"
#include "experiments/pd_sweep.h"
#include "experiments/sweep_experiment.h"
#include "gui/lab_support.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "widgets/chart_plot.h"
#include "widgets/heatmap_view.h"

#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace sdlab::gui {

namespace {

struct SweepLabResult : LabResult {
    std::vector<double> kp, kd;
    std::vector<double> x, w; // for the clicked cell's traces
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
    auto [x, w] = sweepInputFrom(v);
    result->sweep = runPdSweep(x, w, result->kp, result->kd, [&control](long done, long total) {
        return control.report(done, total);
    });
    if (result->sweep.cancelled)
        return nullptr;
    result->x = std::move(x);
    result->w = std::move(w);
    return result;
}

} // namespace

SweepLab::SweepLab(const Experiment& experiment, QWidget* parent)
    : LabPage(experiment, parent), m_traces(new widgets::ChartPlot),
      m_openInSignal(new QPushButton(tr("Open in Signal lab"))) {
    auto* maps = new QWidget;
    auto* layout = new QGridLayout(maps);
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
        map->setToolTip(tr("Click a cell to see its traces below (ICLR'18 Fig. 10's rows)"));
        connect(map, &widgets::HeatmapView::cellClicked, this, &SweepLab::selectCell);
        layout->addWidget(map, i / 2, i % 2);
        m_maps.push_back(map);
    }
    m_traces->setTitle(tr("Click a cell of the maps for its traces"));
    m_traces->setToolTip(tr("x⊙w (what every reconstruction should follow) and the three "
                            "reconstructions whose cosine with it the maps show: w changing "
                            "alone, quantization alone, both (eq. 7); kp = 0 lets the first "
                            "drift away (ICLR'18 Fig. 2)"));
    m_traces->setAxisTitles(tr("time step t"), tr("x·w"));
    m_traces->addSeries(tr("x⊙w"), widgets::ChartPlot::Style::Line, QColor(0x33, 0x33, 0x33));
    m_traces->addSeries(tr("dec(enc(x)⊙w)"), widgets::ChartPlot::Style::Line,
                        QColor(0x00, 0x72, 0xB2));
    m_traces->addSeries(tr("dec(Q(enc(x)))⊙w"), widgets::ChartPlot::Style::Dashed,
                        QColor(0x00, 0x9E, 0x73));
    m_traces->addSeries(tr("dec(Q(enc(x))⊙w)"), widgets::ChartPlot::Style::Dotted,
                        QColor(0xD5, 0x5E, 0x00));
    m_openInSignal->setEnabled(false);
    m_openInSignal->setToolTip(tr("Open the clicked (kp, kd) in the Signal lab"));
    connect(m_openInSignal, &QPushButton::clicked, this,
            [this] { Q_EMIT openInSignalLab(m_selectedKp, m_selectedKd); });
    auto* traces = new QWidget;
    auto* traceLayout = new QVBoxLayout(traces);
    traceLayout->setContentsMargins(0, 0, 0, 0);
    traceLayout->addWidget(m_traces, 1);
    traceLayout->addWidget(m_openInSignal, 0, Qt::AlignRight);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(maps);
    splitter->addWidget(traces);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({500, 280});
    auto* page = new QVBoxLayout(this);
    page->setContentsMargins(0, 0, 0, 0);
    page->addWidget(splitter);
}

void SweepLab::selectCell(int row, int column) {
    if (row < 0 || column < 0 || row >= static_cast<int>(m_kp.size()) ||
        column >= static_cast<int>(m_kd.size()))
        return;
    for (widgets::HeatmapView* m : m_maps)
        m->setMarkedCell(row, column);
    m_selectedKp = m_kp[static_cast<std::size_t>(row)];
    m_selectedKd = m_kd[static_cast<std::size_t>(column)];
    m_openInSignal->setEnabled(true);
    m_openInSignal->setText(tr("Open kp = %1, kd = %2 in Signal lab")
                                .arg(formatNumber(m_selectedKp), formatNumber(m_selectedKd)));
    if (m_x.empty()) { // an opened sweep.csv has no input to trace
        m_traces->setTitle(tr("kp = %1, kd = %2: no traces for an opened sweep.csv (run "
                              "sdlab-cli sweep --cell KP,KD for cell.csv)")
                               .arg(formatNumber(m_selectedKp), formatNumber(m_selectedKd)));
        for (int i = 0; i < m_traces->seriesCount(); ++i)
            m_traces->setSeriesData(i, QList<QPointF>{});
        return;
    }
    // O(T) scalar passes: fast enough to run on the GUI thread at a click.
    showTraces(row, column, sweepPointTraces(m_x, m_w, {m_selectedKp, m_selectedKd}));
}

void SweepLab::showTraces(int row, int column, const SweepTraces& t) {
    const SweepPoint& p = m_lastPoints[static_cast<std::size_t>(row) * m_kd.size() +
                                       static_cast<std::size_t>(column)];
    m_traces->setTitle(tr("kp = %1, kd = %2: cosines %3 (w changing), %4 (quantization), %5 "
                          "(both), %6 spikes")
                           .arg(formatNumber(m_selectedKp), formatNumber(m_selectedKd),
                                formatNumber(p.cosNonstationary, 4),
                                formatNumber(p.cosQuantization, 4), formatNumber(p.cosFull, 4))
                           .arg(p.spikes));
    m_traces->setSeriesData(0, t.product, 0.0);
    m_traces->setSeriesData(1, t.nonstationary, 0.0);
    m_traces->setSeriesData(2, t.quantization, 0.0);
    m_traces->setSeriesData(3, t.full, 0.0);
}

QString SweepLab::parameterNote(const widgets::ParameterValues& v) const {
    const auto count = [&](const char* key) { // N of MIN:MAX:N
        return v.value(QLatin1String(key)).toString().section(QLatin1Char(':'), 2).toDouble();
    };
    const QString length = v.value(QStringLiteral("input")).toString().isEmpty()
                               ? tr("%1 steps").arg(v.value(QStringLiteral("steps")).toInt())
                               : tr("the CSV file's rows");
    return tr("%1 grid points × %2. Click a cell for its traces below the maps.")
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
    m_x = r.x;
    m_w = r.w;
    m_lastPoints = r.sweep.points;
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
    // Keep the clicked cell across recomputes when the grid still has it; else the corner
    // of the smallest kp and the largest kd, where Fig. 2's drift is plainest.
    const auto kpAt = std::find(m_kp.begin(), m_kp.end(), m_selectedKp);
    const auto kdAt = std::find(m_kd.begin(), m_kd.end(), m_selectedKd);
    if (m_openInSignal->isEnabled() && kpAt != m_kp.end() && kdAt != m_kd.end())
        selectCell(static_cast<int>(kpAt - m_kp.begin()), static_cast<int>(kdAt - m_kd.begin()));
    else
        selectCell(0, columns - 1);
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
    // Kept whole: member() points into it (a temporary's member would dangle).
    const JsonValue summaryJson = readResultSummary(directory);
    const JsonValue* log = summaryJson.member("log");
    result->logarithmic = log && std::get_if<bool>(&log->value) && std::get<bool>(log->value);
    showResult(result);
    // sdlab-cli sweep --cell KP,KD wrote that cell's traces.
    const JsonValue *cellKp = summaryJson.member("cell_kp"),
                    *cellKd = summaryJson.member("cell_kd");
    const QString cellFile = QDir(directory).filePath(QStringLiteral("cell.csv"));
    if (cellKp && cellKd && cellKp->number() && cellKd->number() && QFileInfo::exists(cellFile)) {
        const auto kpAt = std::find(m_kp.begin(), m_kp.end(), *cellKp->number());
        const auto kdAt = std::find(m_kd.begin(), m_kd.end(), *cellKd->number());
        if (kpAt != m_kp.end() && kdAt != m_kd.end()) {
            const CsvTable cell = CsvTable::read(cellFile.toStdString());
            const int row = static_cast<int>(kpAt - m_kp.begin()),
                      column = static_cast<int>(kdAt - m_kd.begin());
            selectCell(row, column);
            showTraces(row, column,
                       {cell.column("product"), cell.column("nonstationary"),
                        cell.column("quantization"), cell.column("full")});
        }
    }
    startShowingResultFiles();
    setSummary(tr("Opened %1 (sdlab-cli sweep): %2").arg(directory, summary()));
    return true;
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> SweepLab::plots() {
    std::vector<std::pair<QString, widgets::ExportablePlot*>> list{
        {QStringLiteral("nonstationary"), m_maps[0]},
        {QStringLiteral("quantization"), m_maps[1]},
        {QStringLiteral("full"), m_maps[2]},
        {QStringLiteral("spikes"), m_maps[3]}};
    if (!m_traces->seriesData(0).isEmpty()) // only once a cell has been clicked
        list.emplace_back(QStringLiteral("cell_traces"), m_traces);
    return list;
}

} // namespace sdlab::gui
