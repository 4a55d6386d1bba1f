// Qt tests (offscreen) of the lab window: every lab computes off the GUI thread and
// shows its result; parameter edits update the plots with the numbers core computes;
// edits undo (drags in one step); the newest parameters win; cancel and bad input
// leave a consistent lab; presets are checked before anything changes; export writes
// every plot.
#include "data/signals.h"
#include "equilibrium/settle_run.h"
#include "experiment/command_line.h"
#include "experiment/experiment_list.h"
#include "experiments/pd_coding_run.h"
#include "gui/equilibrium_lab.h"
#include "gui/lab_factory.h"
#include "gui/lab_page.h"
#include "gui/lab_parameters.h"
#include "gui/lab_run.h"
#include "gui/lab_session.h"
#include "gui/main_window.h"
#include "gui/preset.h"
#include "gui/sweep_lab.h"
#include "gui/update_rules_lab.h"
#include "gui/video_lab.h"
#include "io/csv_table.h"
#include "io/event_stream.h"
#include "lab_test_support.h"
#include "video/opencv_backend.h"
#include "video/synthetic_scene.h"
#include "video/video_experiment.h"
#include "widgets/chart_plot.h"
#include "widgets/heatmap_view.h"
#include "widgets/parameter_panel.h"
#include "widgets/spike_raster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <cmath>

using sdlab::gui::LabSession;
using sdlab::gui::MainWindow;

namespace {
sdlab::widgets::ChartPlot* chart(MainWindow& window, const QString& lab, int index) {
    window.showLab(lab);
    return dynamic_cast<sdlab::widgets::ChartPlot*>(
        window.currentPage()->plots()[static_cast<std::size_t>(index)].second);
}

void writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}
} // namespace

class LabsTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    // Issue 18: walks core's one list, so a new experiment is covered without a new test.
    // Each experiment with a lab has a page, the window lists it in the list's order, its
    // panel has an editor for every parameter the lab shows (and none for the
    // command-line-only ones) with the description's defaults and ends, and Reset
    // Parameters gives exactly the defaults sdlab-cli uses.
    void everyLabIsItsExperimentsDescription() {
        MainWindow window(false);
        QStringList ids;
        for (const sdlab::Experiment* e : sdlab::experiments()) {
            const QString id = QString::fromStdString(e->id);
            if (!e->hasLab) {
                QCOMPARE(window.session(id), nullptr);
                continue;
            }
            ids << id;
            LabSession* session = window.session(id);
            QVERIFY2(session, qPrintable(id));
            QCOMPARE(&session->experiment(), e);
            QVERIFY2(QFile::exists(QStringLiteral(":/help/%1.html").arg(id)), qPrintable(id));
            const QString opening = session->page()->openingPreset();
            QVERIFY2(opening.isEmpty() || sdlab::gui::builtinPresetNames(id).contains(opening),
                     qPrintable(opening));
            const sdlab::widgets::ParameterPanel* panel = window.parameterPanel(id);
            std::size_t shown = 0;
            for (const sdlab::Parameter& p : e->parameters) {
                const QString key = QString::fromStdString(p.key);
                const bool expected = p.scope != sdlab::ParameterScope::CommandLine;
                QVERIFY2((panel->editor(key) != nullptr) == expected,
                         qPrintable(id + QStringLiteral("/") + key));
                shown += expected ? 1 : 0;
            }
            QCOMPARE(panel->specs().size(), shown);
            for (const sdlab::widgets::ParameterSpec& spec : panel->specs()) {
                const sdlab::Parameter* p = sdlab::findParameter(*e, spec.key.toStdString());
                QVERIFY(p);
                QCOMPARE(spec.label, QString::fromStdString(p->label));
                QCOMPARE(spec.toolTip, QString::fromStdString(p->help));
                QCOMPARE(spec.optional, p->optional);
                if (p->kind == sdlab::ParameterKind::Real ||
                    p->kind == sdlab::ParameterKind::Integer) {
                    QCOMPARE(spec.defaultValue, p->fallback);
                    QVERIFY(spec.minimum >= p->minimum && spec.maximum <= p->maximum);
                    QVERIFY(spec.minimum <= p->fallback && p->fallback <= spec.maximum);
                } else if (p->kind == sdlab::ParameterKind::Choice) {
                    QCOMPARE(spec.choices.size(), static_cast<qsizetype>(p->choices.size()));
                    QCOMPARE(spec.defaultText, QString::fromStdString(p->fallbackText));
                }
            }
            session->resetToDefaults(QStringLiteral("reset"));
            sdlab::ParameterValues defaults = sdlab::defaultValues(*e);
            if (e->reconcile)
                e->reconcile(defaults, "");
            QCOMPARE(session->values(), sdlab::gui::toVariantMap(defaults));
        }
        QCOMPARE(MainWindow::labIds(), ids);
    }

    // At start only the shown lab computes; the others wait, then compute one at a time
    // after it (issue 19: the first window is not held up by labs nobody has opened yet),
    // and every lab has its result in the end.
    void labsComputeOneAtATimeAfterTheShownOne() {
        MainWindow window(false);
        window.show();
        auto busyLabs = [&] {
            int busy = 0;
            for (const QString& id : MainWindow::labIds())
                busy += window.session(id)->isBusy() ? 1 : 0;
            return busy;
        };
        QCOMPARE(busyLabs(), 1);
        QVERIFY(window.currentSession()->isBusy());
        int idle = 0;
        for (const QString& id : MainWindow::labIds())
            idle += window.session(id)->isIdle() ? 1 : 0;
        QCOMPARE(idle, static_cast<int>(MainWindow::labIds().size()) - 1);
        bool atMostOne = true;
        QVERIFY(QTest::qWaitFor(
            [&] {
                atMostOne = atMostOne && busyLabs() <= 1;
                for (const QString& id : MainWindow::labIds())
                    if (!window.session(id)->result())
                        return false;
                return true;
            },
            60000));
        QVERIFY(atMostOne);
    }

    // Edit > Copy as Command: the copied line, parsed as sdlab-cli parses it, gives the
    // lab's values (those the command line has), for every lab and edited values.
    void copyAsCommandRoundTripsForEveryLab() {
        MainWindow window(false);
        window.session(QStringLiteral("signal"))->edit(QStringLiteral("kd"), 7.5);
        window.session(QStringLiteral("signal"))
            ->edit(QStringLiteral("input"), QStringLiteral("/data/my signal.csv"));
        window.session(QStringLiteral("learning"))
            ->apply({{QStringLiteral("hidden"), QStringLiteral("300,100")},
                     {QStringLiteral("gains"), QStringLiteral("fixed")},
                     {QStringLiteral("lr"), 0.05}},
                    QStringLiteral("test"));
        for (const QString& id : MainWindow::labIds()) {
            QVERIFY(window.showLab(id));
            QString error;
            const QString line = window.commandLine(&error);
            QVERIFY2(!line.isEmpty(), qPrintable(error));
            const sdlab::Experiment& e = window.session(id)->experiment();
            QVERIFY(
                line.startsWith(QStringLiteral("sdlab-cli ") + QString::fromStdString(e.command)));
            QStringList words;
            QString word;
            bool quoted = false;
            for (const QChar c : line) {
                if (c == QLatin1Char('\''))
                    quoted = !quoted;
                else if (c == QLatin1Char(' ') && !quoted) {
                    words << word;
                    word.clear();
                } else
                    word += c;
            }
            words << word;
            std::vector<std::string> storage;
            for (qsizetype k = 2; k < words.size(); ++k)
                storage.push_back(words[k].toStdString());
            std::vector<char*> args;
            args.reserve(storage.size());
            for (std::string& w : storage)
                args.push_back(w.data());
            const sdlab::ParameterValues parsed =
                sdlab::invocationValues(e, sdlab::parseInvocation(e, std::span<char* const>(args)));
            const sdlab::ParameterValues lab =
                sdlab::gui::checkedLabValues(e, window.session(id)->values());
            for (const sdlab::Parameter& p : e.parameters)
                if (p.scope == sdlab::ParameterScope::Both)
                    QVERIFY2(parsed.value(p.key) == lab.value(p.key),
                             qPrintable(id + QStringLiteral("/") + QString::fromStdString(p.key) +
                                        QStringLiteral(" from ") + line));
        }
        QVERIFY(window.showLab(QStringLiteral("signal")));
        QVERIFY(window.commandLine().contains(QStringLiteral("--input '/data/my signal.csv'")));
        // Values that cannot run give no command, and say why.
        window.session(QStringLiteral("signal"))->edit(QStringLiteral("kp"), 0.0);
        window.session(QStringLiteral("signal"))->edit(QStringLiteral("kd"), 0.0);
        QString error;
        QVERIFY(window.commandLine(&error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("kp + kd")), qPrintable(error));
    }

    // File > Open Result: a result written by the experiments' own runs (what sdlab-cli
    // writes) shows the numbers of its files in its lab; other directories are refused
    // with a message naming them.
    void openResultShowsTheNumbersOfItsFiles() {
        MainWindow window(false);
        QTemporaryDir dir;
        const auto write = [&](const char* command, const QString& name,
                               const std::map<std::string, sdlab::ParameterValue>& given) {
            const sdlab::Experiment& e = *sdlab::findExperiment(command);
            sdlab::OutputBundle bundle;
            (void)e.run(sdlab::checkedValues(e, given, sdlab::ParameterNaming::Key), {}, bundle);
            bundle.commit(dir.filePath(name).toStdString());
            return dir.filePath(name);
        };
        const auto column = [](const QString& file, const char* name) {
            return sdlab::CsvTable::read(file.toStdString()).column(name);
        };
        const auto chart = [](sdlab::gui::LabPage* page, const QString& name) {
            for (const auto& [plotName, plot] : page->plots())
                if (plotName == name)
                    return dynamic_cast<sdlab::widgets::ChartPlot*>(plot);
            return static_cast<sdlab::widgets::ChartPlot*>(nullptr);
        };
        QString error;

        const QString pd = write("pd", QStringLiteral("pd"),
                                 {{"signal", std::string("sine")}, {"steps", 150LL}, {"kd", 4.0}});
        QVERIFY2(window.openResult(pd, &error), qPrintable(error));
        sdlab::gui::LabPage* signal = window.currentPage();
        QCOMPARE(signal->labId(), QStringLiteral("signal"));
        const std::vector<double> xhat = column(pd + QStringLiteral("/pd.csv"), "xhat");
        const QList<QPointF>& shown = chart(signal, QStringLiteral("signal"))->seriesData(1);
        QCOMPARE(shown.size(), static_cast<qsizetype>(xhat.size()));
        for (std::size_t t = 0; t < xhat.size(); ++t)
            QCOMPARE(shown[static_cast<qsizetype>(t)].y(), xhat[t]);

        const QString sweep = write(
            "sweep", QStringLiteral("sweep"),
            {{"kp", std::string("0.1:1:3")}, {"kd", std::string("0.5:2:4")}, {"steps", 300LL}});
        QVERIFY2(window.openResult(sweep, &error), qPrintable(error));
        auto* sweepLab = qobject_cast<sdlab::gui::SweepLab*>(window.currentPage());
        QVERIFY(sweepLab);
        QCOMPARE(sweepLab->heatmap(2)->rows(), 3);
        QCOMPARE(sweepLab->heatmap(2)->columns(), 4);
        const std::vector<double> full = column(sweep + QStringLiteral("/sweep.csv"), "cos_full");
        QCOMPARE(sweepLab->heatmap(2)->value(2, 3), full[11]); // kp outer, kd inner
        // --cell's traces come back in the trace plot.
        const QString cell = write("sweep", QStringLiteral("sweep-cell"),
                                   {{"kp", std::string("0.1:1:3")},
                                    {"kd", std::string("0.5:2:4")},
                                    {"steps", 300LL},
                                    {"cell", std::string("1,1")}});
        QVERIFY2(window.openResult(cell, &error), qPrintable(error));
        const std::vector<double> drift =
            column(cell + QStringLiteral("/cell.csv"), "nonstationary");
        const QList<QPointF>& traced = sweepLab->tracePlot()->seriesData(1);
        QCOMPARE(traced.size(), static_cast<qsizetype>(drift.size()));
        QCOMPARE(traced.back().y(), drift.back());

        const QString train = write("train", QStringLiteral("train"),
                                    {{"model", std::string("mlp")},
                                     {"hidden", std::string("20")},
                                     {"epochs", 1LL},
                                     {"rows-per-epoch", 4LL}});
        QVERIFY2(window.openResult(train, &error), qPrintable(error));
        sdlab::gui::LabPage* learning = window.currentPage();
        QCOMPARE(learning->labId(), QStringLiteral("learning"));
        const std::vector<double> test = column(train + QStringLiteral("/curve.csv"), "test_acc");
        const QList<QPointF>& accuracy = chart(learning, QStringLiteral("accuracy"))->seriesData(0);
        QCOMPARE(accuracy.size(), static_cast<qsizetype>(test.size()));
        QCOMPARE(accuracy.last().y(), 100.0 * test.back());
        QVERIFY(window.statusText().contains(QStringLiteral("mlp")));

        QVERIFY(!window.openResult(dir.path(), &error)); // no result files here
        QVERIFY2(error.contains(dir.path()) && error.contains(QStringLiteral("curve.csv")),
                 qPrintable(error));
        const QString kernels = write("kernels", QStringLiteral("kernels"), {{"steps", 80LL}});
        QVERIFY2(window.openResult(kernels, &error), qPrintable(error));
        const std::vector<double> stdp =
            column(kernels + QStringLiteral("/trajectories.csv"), "stdp");
        QCOMPARE(
            chart(window.currentPage(), QStringLiteral("trajectories"))->seriesData(2).last().y(),
            stdp.back());

        const QString settle =
            write("settle", QStringLiteral("settle"),
                  {{"sizes", std::string("40,30,10")}, {"steps", 60LL}, {"perturb-at", 30LL}});
        QVERIFY2(window.openResult(settle, &error), qPrintable(error));
        QCOMPARE(window.currentPage()->labId(), QStringLiteral("equilibrium"));
        const std::vector<double> energy = column(settle + QStringLiteral("/settle.csv"), "energy");
        const QList<QPointF>& shownEnergy =
            chart(window.currentPage(), QStringLiteral("energy"))->seriesData(0);
        QCOMPARE(shownEnergy.size(), 61);
        QCOMPARE(shownEnergy[45].y(), energy[45]);
        // Fig. 8.1 from one_neuron.csv: the unit's binary state, step by step.
        const std::vector<double> binary =
            column(settle + QStringLiteral("/one_neuron.csv"), "binary");
        sdlab::widgets::ChartPlot* neuronState =
            chart(window.currentPage(), QStringLiteral("neuron_state"));
        QVERIFY(neuronState);
        QCOMPARE(neuronState->seriesData(0).size(), 61);
        QCOMPARE(neuronState->seriesData(0)[45].y(), binary[45]);
        // The page shows the files: no computation of the lab's own values is left running.
        QVERIFY(!window.currentSession()->isBusy());

        const QString encode = write("encode", QStringLiteral("encode"),
                                     {{"method", std::string("delta")}, {"channels", 6LL}});
        QVERIFY2(window.openResult(encode, &error), qPrintable(error));
        QCOMPARE(window.currentPage()->labId(), QStringLiteral("encoders"));
        const std::vector<double> deltaValues =
            column(encode + QStringLiteral("/spikes.csv"), "value");
        const auto raster = [&](const char* name) {
            for (const auto& [plotName, plot] : window.currentPage()->plots())
                if (plotName == QLatin1String(name))
                    return dynamic_cast<sdlab::widgets::SpikeRaster*>(plot);
            return static_cast<sdlab::widgets::SpikeRaster*>(nullptr);
        };
        QCOMPARE(raster("delta")->events().size(), deltaValues.size());
        QCOMPARE(raster("delta")->events().back().value, static_cast<float>(deltaValues.back()));
        QVERIFY(raster("rate")->events().empty()); // only the result's encoder is in its files

        // The Neuron lab: the membrane of neuron.csv (empty syn cells for a Leaky neuron),
        // the f-I curve of fi.csv.
        const QString neuron = write("neuron", QStringLiteral("neuron"), {{"steps", 60LL}});
        QVERIFY2(window.openResult(neuron, &error), qPrintable(error));
        QCOMPARE(window.currentPage()->labId(), QStringLiteral("neuron"));
        const std::vector<double> mem =
            sdlab::CsvTable::read((neuron + QStringLiteral("/neuron.csv")).toStdString(), {"syn"})
                .column("mem");
        const QList<QPointF>& shownMem =
            chart(window.currentPage(), QStringLiteral("membrane"))->seriesData(0);
        QCOMPARE(shownMem.size(), 60);
        QCOMPARE(shownMem[40].y(), mem[40]);
        QVERIFY(chart(window.currentPage(), QStringLiteral("current"))->seriesData(1).isEmpty());
        const std::vector<double> fiRate = column(neuron + QStringLiteral("/fi.csv"), "rate");
        QCOMPARE(chart(window.currentPage(), QStringLiteral("fi-curve"))->seriesData(0).last().y(),
                 fiRate.back());

        // The Video lab pauses its live video to show a result's rate and learning curve.
        window.show();
        const sdlab::Experiment& videoExperiment = *sdlab::findExperiment("video");
        sdlab::OutputBundle videoBundle;
        (void)sdlab::runVideoExperiment(
            sdlab::checkedValues(videoExperiment,
                                 {{"frames", 90LL}, {"width", 48LL}, {"learn", true}},
                                 sdlab::ParameterNaming::Key),
            {}, videoBundle, sdlab::openCvVideoBackend());
        const QString video = dir.filePath(QStringLiteral("video"));
        videoBundle.commit(video.toStdString());
        QVERIFY2(window.openResult(video, &error), qPrintable(error));
        QCOMPARE(window.currentPage()->labId(), QStringLiteral("video"));
        QVERIFY(!window.session(QStringLiteral("video"))->isRunning()); // paused
        const std::vector<double> online =
            column(video + QStringLiteral("/learn.csv"), "train_acc");
        const QList<QPointF> shownOnline = // a copy: the live video must not change it
            chart(window.currentPage(), QStringLiteral("Learning accuracy"))->seriesData(1);
        QCOMPARE(shownOnline.size(), static_cast<qsizetype>(online.size()));
        QCOMPARE(shownOnline.last().y(), 100.0 * online.back());
        const std::vector<double> on = column(video + QStringLiteral("/frames.csv"), "events_on");
        const std::vector<double> off = column(video + QStringLiteral("/frames.csv"), "events_off");
        double events = 0.0;
        for (std::size_t i = 0; i < on.size(); ++i)
            events += on[i] + off[i];
        const QList<QPointF>& rate =
            chart(window.currentPage(), QStringLiteral("Events per second vs frame rate"))
                ->seriesData(1);
        QCOMPARE(rate.size(), 1);
        QCOMPARE(rate.first().x(), 30.0); // the synthetic scene's own rate
        QCOMPARE(rate.first().y(), events / 90.0 * 30.0);
        QTest::qWait(300);
        QCOMPARE(chart(window.currentPage(), QStringLiteral("Learning accuracy"))->seriesData(1),
                 shownOnline); // no live frame replaces it
        window.showLab(QStringLiteral("signal"));
        writeFile(pd + QStringLiteral("/pd.csv"), "t,x\n1,oops\n");
        QVERIFY(!window.openResult(pd, &error)); // a malformed file is named
        QVERIFY2(error.contains(QStringLiteral("pd.csv")), qPrintable(error));
    }

    // An edit the description refuses changes nothing and says so.
    void refusedEditsChangeNothingAndSayWhy() {
        MainWindow window(false);
        LabSession* session = window.session(QStringLiteral("learning"));
        const auto before = session->values();
        QSignalSpy refused(session, &LabSession::editRefused);
        QSignalSpy changed(session, &LabSession::parametersChanged);
        session->edit(QStringLiteral("hidden"), QStringLiteral("200,,10"));
        session->edit(QStringLiteral("hidden"), QStringLiteral("1,2,3,4,5,6,7,8,9"));
        session->edit(QStringLiteral("epochs"), 5000);
        QCOMPARE(refused.count(), 3);
        QCOMPARE(changed.count(), 0); // an opened result stays shown, too
        QVERIFY(refused.at(1).first().toString().contains(QStringLiteral("at most 8")));
        QCOMPARE(session->values(), before);
        QCOMPARE(session->undoStack()->count(), 0);
        session->edit(QStringLiteral("hidden"), QStringLiteral("500,500,500")); // thesis ch. 7
        QCOMPARE(session->values()[QStringLiteral("hidden")].toString(),
                 QStringLiteral("500,500,500"));
        session->edit(QStringLiteral("epochs"), 1000); // the CLI's whole range
        QCOMPARE(session->values()[QStringLiteral("epochs")].toInt(), 1000);
    }

    void everyLabShowsAResultForItsDefaults() {
        MainWindow window(false);
        for (const QString& id : MainWindow::labIds()) {
            LabSession* session = window.session(id);
            QVERIFY2(session, qPrintable(id));
            QTRY_VERIFY_WITH_TIMEOUT(settled(session), 20000);
            window.showLab(id);
            QVERIFY2(!window.currentPage()->summary().isEmpty(), qPrintable(id));
            if (!window.currentPage()->runActions().isEmpty())
                continue; // a lab with runs plots them (learning_lab_test.cpp)
            for (const auto& [name, plot] : window.currentPage()->plots())
                QVERIFY2(plot->dataCsv().count(QLatin1Char('\n')) > 2,
                         qPrintable(id + QLatin1Char('/') + name));
        }
    }

    void editingKpRecomputesWithCoreNumbers() {
        MainWindow window(false);
        LabSession* session = window.session(QStringLiteral("signal"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 10000);
        session->edit(QStringLiteral("kp"), 0.5);
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 10000);
        const auto& v = session->values();
        const std::vector<double> x = sdlab::makeSignal(
            sdlab::SignalKind::Smooth, static_cast<std::size_t>(v[QStringLiteral("steps")].toInt()),
            static_cast<std::uint64_t>(v[QStringLiteral("seed")].toInt()));
        const sdlab::PdCodingRun expected =
            sdlab::runPdCoding(x, {0.5, v[QStringLiteral("kd")].toDouble()});
        const QList<QPointF>& shown = chart(window, QStringLiteral("signal"), 0)->seriesData(1);
        QCOMPARE(shown.size(), static_cast<qsizetype>(expected.xHat.size()));
        for (qsizetype t = 0; t < shown.size(); ++t)
            QCOMPARE(shown[t].y(), expected.xHat[static_cast<std::size_t>(t)]);
        QVERIFY(window.statusText().contains(QString::number(expected.spikes)));
        // The panel shows the value the session holds.
        QCOMPARE(window.parameterPanel(QStringLiteral("signal"))
                     ->values()[QStringLiteral("kp")]
                     .toDouble(),
                 0.5);
    }

    void kAlphaAndKBetaFollowKpAndKd() {
        MainWindow window(false);
        LabSession* session = window.session(QStringLiteral("signal"));
        session->edit(QStringLiteral("kp"), 1.0);
        session->edit(QStringLiteral("kd"), 3.0);
        QCOMPARE(session->values()[QStringLiteral("k-alpha")].toDouble(), 0.75);
        QCOMPARE(session->values()[QStringLiteral("k-beta")].toDouble(), 0.25);
        session->edit(QStringLiteral("k-alpha"), 0.5); // kp = (1 − kα)/kβ, kd = kα/kβ
        QCOMPARE(session->values()[QStringLiteral("kp")].toDouble(), 2.0);
        QCOMPARE(session->values()[QStringLiteral("kd")].toDouble(), 2.0);
    }

    void editsUndoAndSliderDragsUndoInOneStep() {
        MainWindow window(false);
        LabSession* session = window.session(QStringLiteral("signal"));
        const double kd = session->values()[QStringLiteral("kd")].toDouble();
        QUndoStack* undo = session->undoStack();
        session->edit(QStringLiteral("kd"), 4.0, 7); // one drag …
        session->edit(QStringLiteral("kd"), 5.0, 7);
        session->edit(QStringLiteral("kd"), 6.0, 7);
        QCOMPARE(undo->count(), 1);
        session->edit(QStringLiteral("kp"), 0.3); // … then a separate edit
        QCOMPARE(undo->count(), 2);
        undo->undo();
        QCOMPARE(session->values()[QStringLiteral("kp")].toDouble(), 0.1);
        QCOMPARE(session->values()[QStringLiteral("kd")].toDouble(), 6.0);
        undo->undo();
        QCOMPARE(session->values()[QStringLiteral("kd")].toDouble(), kd);
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 10000);
        QCOMPARE(session->result()->parameters[QStringLiteral("kd")].toDouble(), kd);
        undo->redo();
        QCOMPARE(session->values()[QStringLiteral("kd")].toDouble(), 6.0);
    }

    void theNewestParametersWin() {
        MainWindow window(false);
        LabSession* session = window.session(QStringLiteral("sweep"));
        QSignalSpy results(session, &LabSession::resultReady);
        const auto kpGrid = [](int n) { return QStringLiteral("0.01:10:%1").arg(n); };
        for (int grid = 40; grid <= 60; ++grid)
            session->edit(QStringLiteral("kp"), kpGrid(grid));
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 20000);
        QCOMPARE(session->result()->parameters[QStringLiteral("kp")].toString(), kpGrid(60));
        for (const QList<QVariant>& args : results) { // nothing stale was shown
            const QString kp = args.first()
                                   .value<sdlab::gui::LabResultPtr>()
                                   ->parameters[QStringLiteral("kp")]
                                   .toString();
            QVERIFY2(kp == kpGrid(60) || kp == kpGrid(32), qPrintable(kp));
        }
        auto* sweep = qobject_cast<sdlab::gui::SweepLab*>(session->page());
        QCOMPARE(sweep->heatmap(2)->rows(), 60);
    }

    void aSweepCellShowsTheTracesItsCosinesCompare() {
        // ICLR'18 Fig. 10's rows: the clicked cell's traces, whose cosines with x⊙w are
        // the maps' values at that cell.
        MainWindow window(false);
        window.showLab(QStringLiteral("sweep"));
        LabSession* session = window.session(QStringLiteral("sweep"));
        QTRY_VERIFY_WITH_TIMEOUT(session->result() && settled(session), 20000);
        auto* sweep = qobject_cast<sdlab::gui::SweepLab*>(session->page());
        const auto cosine = [&](int series) {
            const QList<QPointF>& truth = sweep->tracePlot()->seriesData(0);
            const QList<QPointF>& other = sweep->tracePlot()->seriesData(series);
            double dot = 0.0, a = 0.0, b = 0.0;
            for (qsizetype t = 0; t < truth.size(); ++t) {
                dot += truth[t].y() * other[t].y();
                a += truth[t].y() * truth[t].y();
                b += other[t].y() * other[t].y();
            }
            return dot / std::sqrt(a * b);
        };
        // Opens on the smallest kp and the largest kd (the drifting corner).
        const int columns = sweep->heatmap(0)->columns();
        QVERIFY(!sweep->tracePlot()->seriesData(1).isEmpty());
        QVERIFY(std::abs(cosine(1) - sweep->heatmap(0)->value(0, columns - 1)) < 1e-9);
        sweep->selectCell(20, 7);
        QCOMPARE(sweep->tracePlot()->seriesData(0).size(),
                 static_cast<qsizetype>(session->values()[QStringLiteral("steps")].toInt()));
        for (int map = 0; map < 3; ++map)
            QVERIFY2(std::abs(cosine(map + 1) - sweep->heatmap(map)->value(20, 7)) < 1e-9,
                     qPrintable(QString::number(map)));
    }

    void eachShadedAreaIsWhatThePastUpdateAddsAtItsEnd() {
        // ICLR'18 Fig. 3 / eq. 19: the patch of x̂·ê from one event to the next is the past
        // update's increment at the second event.
        MainWindow window(false);
        window.showLab(QStringLiteral("updates"));
        LabSession* session = window.session(QStringLiteral("updates"));
        QString error;
        QVERIFY2(window.loadBuiltinPreset(QStringLiteral("updates"), QStringLiteral("iclr-fig3"),
                                          &error),
                 qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(
            session->result() &&
                session->result()->parameters[QStringLiteral("trains")].toString() ==
                    QStringLiteral("signals") &&
                settled(session),
            20000);
        auto* lab = qobject_cast<sdlab::gui::UpdateRulesLab*>(session->page());
        const QList<QPointF>&even = lab->productPlot()->seriesData(0),
              &odd = lab->productPlot()->seriesData(1);
        const QList<QPointF>& past = lab->updatesPlot()->seriesData(1);
        QVERIFY(!lab->productPlot()->seriesData(3).isEmpty()); // the true x·e, for signals
        const qsizetype steps = past.size();
        QCOMPARE(even.size(), 2 * steps);
        // Step i's shaded value is point 2i of whichever series holds it.
        double patch = 0.0;
        int jumps = 0;
        for (qsizetype i = 1; i < steps; ++i) {
            patch += even[2 * (i - 1)].y() + odd[2 * (i - 1)].y();
            const double jump = past[i].y() - past[i - 1].y();
            if (jump != 0.0) {
                QVERIFY2(
                    std::abs(jump - patch) < 1e-9 * std::max(1.0, std::abs(patch)),
                    qPrintable(QStringLiteral("step %1: %2 vs %3").arg(i).arg(jump).arg(patch)));
                patch = 0.0;
                ++jumps;
            }
        }
        QVERIFY(jumps > 10);
    }

    void theSchemesTabOverlaysFigure82sSchemes() {
        MainWindow window(false);
        window.showLab(QStringLiteral("equilibrium"));
        LabSession* session = window.session(QStringLiteral("equilibrium"));
        QTRY_VERIFY_WITH_TIMEOUT(session->result() && settled(session), 20000);
        auto* lab = qobject_cast<sdlab::gui::EquilibriumLab*>(session->page());
        const auto names = [&] {
            QStringList list;
            for (const auto& [name, plot] : lab->plots())
                list << name;
            return list;
        };
        QVERIFY(!names().contains(QStringLiteral("schemes"))); // off by default
        session->edit(QStringLiteral("ensemble"), 2);
        session->edit(QStringLiteral("steps"), 30);
        QTRY_VERIFY_WITH_TIMEOUT(
            session->result()->parameters[QStringLiteral("ensemble")].toInt() == 2 &&
                session->result()->parameters[QStringLiteral("steps")].toInt() == 30 &&
                settled(session),
            20000);
        QVERIFY(names().contains(QStringLiteral("schemes")));
        // A mean and two band edges per scheme, each over t = 0..30.
        QCOMPARE(lab->schemesPlot()->seriesCount(),
                 3 * static_cast<int>(sdlab::figure82Schemes().size()));
        QCOMPARE(lab->schemesPlot()->seriesData(0).size(), 31);
    }

    void cancelKeepsTheLastResultAndTheLabUsable() {
        MainWindow window(false);
        window.showLab(QStringLiteral("sweep"));
        LabSession* session = window.session(QStringLiteral("sweep"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 10000);
        const auto before = session->result();
        QString error;
        QVERIFY2(
            window.loadBuiltinPreset(QStringLiteral("sweep"), QStringLiteral("large-grid"), &error),
            qPrintable(error));
        QVERIFY(session->isBusy());
        QTest::qWait(200);
        session->cancel();
        QVERIFY(!session->isBusy());
        QCOMPARE(session->result(), before); // the plots keep the last finished result
        QVERIFY(!session->resultIsCurrent());
        QVERIFY(window.statusText().contains(QStringLiteral("Cancelled")));
        QTest::qWait(300); // a late worker result must not show up
        QCOMPARE(session->result(), before);
        session->edit(QStringLiteral("kp"), QStringLiteral("0.01:10:8"));
        session->edit(QStringLiteral("kd"), QStringLiteral("0.01:100:8"));
        session->edit(QStringLiteral("steps"), 500);
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 20000);
        QCOMPARE(qobject_cast<sdlab::gui::SweepLab*>(session->page())->heatmap(0)->rows(), 8);
    }

    void corruptPresetsAreRefusedAndNothingChanges() {
        MainWindow window(false);
        LabSession* session = window.session(QStringLiteral("signal"));
        session->edit(QStringLiteral("kd"), 7.0);
        const auto values = session->values();
        const int undoCount = session->undoStack()->count();
        QTemporaryDir dir;
        const std::vector<std::pair<QByteArray, QString>> cases{
            {"", QStringLiteral("not valid JSON")},
            {"{\"format\": \"sdlab-preset\", \"version\": 1, \"lab\": \"signal\", ",
             QStringLiteral("not valid JSON")},
            {"[1, 2]", QStringLiteral("expected a JSON object")},
            {"{\"format\": \"other\", \"version\": 1, \"lab\": \"signal\"}",
             QStringLiteral("not a Sigma-Delta Lab preset")},
            {"{\"format\": \"sdlab-preset\", \"version\": 3, \"lab\": \"signal\", \"parameters\": "
             "{}}",
             QStringLiteral("version 3 is not supported")},
            {"{\"format\": \"sdlab-preset\", \"version\": 1, \"lab\": \"telescope\", "
             "\"parameters\": "
             "{}}",
             QStringLiteral("unknown lab 'telescope'")},
            {"{\"format\": \"sdlab-preset\", \"version\": 1, \"lab\": \"signal\", \"parameters\": "
             "{\"gain\": 1}}",
             QStringLiteral("unknown parameter 'gain'")},
            {"{\"format\": \"sdlab-preset\", \"version\": 1, \"lab\": \"signal\", \"parameters\": "
             "{\"kp\": \"big\"}}",
             QStringLiteral("'kp': must be a finite number")},
            {"{\"format\": \"sdlab-preset\", \"version\": 1, \"lab\": \"signal\", \"parameters\": "
             "{\"kp\": 1e9}}",
             QStringLiteral("outside")},
            {"{\"format\": \"sdlab-preset\", \"version\": 1, \"lab\": \"signal\", \"parameters\": "
             "{\"steps\": 2.5}}",
             QStringLiteral("whole number")},
            {"{\"format\": \"sdlab-preset\", \"version\": 1, \"lab\": \"signal\", \"parameters\": "
             "{\"quantizer\": \"magic\"}}",
             QStringLiteral("is not one of")},
            {"{\"format\": \"sdlab-preset\", \"version\": 1, \"lab\": \"signal\", \"parameters\": "
             "3}",
             QStringLiteral("must be an object")},
            {QByteArray("\x89PNG\r\n\x1a\n\0\0", 10), QStringLiteral("not valid JSON")},
        };
        int index = 0;
        for (const auto& [content, expected] : cases) {
            const QString path = dir.filePath(QStringLiteral("preset%1.json").arg(index++));
            writeFile(path, content);
            QString error;
            QVERIFY(!window.loadPresetFile(path, &error));
            QVERIFY2(error.contains(path) && error.contains(expected), qPrintable(error));
            QCOMPARE(session->values(), values);
            QCOMPARE(session->undoStack()->count(), undoCount);
        }
        QString error;
        QVERIFY(!window.loadPresetFile(dir.filePath(QStringLiteral("missing.json")), &error));
        QVERIFY(error.contains(QStringLiteral("cannot be read")));
        QCOMPARE(session->values(), values);
    }

    void presetsRoundTripAndEveryBuiltInPresetIsValid() {
        MainWindow window(false);
        LabSession* session = window.session(QStringLiteral("signal"));
        session->edit(QStringLiteral("kd"), 9.0);
        session->edit(QStringLiteral("quantizer"), QStringLiteral("stochastic"));
        const auto saved = session->values();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.json"));
        QString error;
        QVERIFY(window.savePreset(path, &error));
        session->edit(QStringLiteral("kd"), 1.0);
        QVERIFY(window.loadPresetFile(path, &error));
        QCOMPARE(session->values(), saved);
        for (const QString& lab : MainWindow::labIds()) {
            QVERIFY2(!sdlab::gui::builtinPresetNames(lab).isEmpty(), qPrintable(lab));
            for (const QString& name : sdlab::gui::builtinPresetNames(lab)) {
                QFile file(sdlab::gui::builtinPresetPath(lab, name));
                QVERIFY(file.open(QIODevice::ReadOnly));
                const auto preset =
                    sdlab::gui::readLabPreset(file.readAll(), file.fileName(), &error);
                QVERIFY2(preset.has_value(), qPrintable(error));
                QCOMPARE(preset->lab, lab);
            }
        }
    }

    void badInputFileIsReportedAndTheLastResultStays() {
        MainWindow window(false);
        LabSession* session = window.session(QStringLiteral("signal"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 10000);
        const auto before = session->result();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("signal.csv"));
        writeFile(path, "x\n1\n2\nthree\n");
        QSignalSpy failures(session, &LabSession::failed);
        session->edit(QStringLiteral("input"), path);
        QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, 10000);
        QVERIFY2(failures.first().first().toString().contains(path),
                 qPrintable(failures.first().first().toString()));
        QVERIFY(window.statusText().contains(path));
        QCOMPARE(session->result(), before);
        QVERIFY(!session->isBusy());
        writeFile(path, "x\n0.5\n1\n1.5\n");
        session->recompute();
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 10000);
        QCOMPARE(chart(window, QStringLiteral("signal"), 0)->seriesData(0).size(), 3);
    }

    // The Equilibrium lab shows core's settle run (the same distances), and Perturb Here
    // is one undoable edit that kicks the states at the playback position.
    void equilibriumLabShowsTheSettlingAndPerturbsWhereThePlaybackIs() {
        MainWindow window(false);
        window.showLab(QStringLiteral("equilibrium"));
        LabSession* session = window.session(QStringLiteral("equilibrium"));
        session->apply({{QStringLiteral("sizes"), QStringLiteral("60,60,10")},
                        {QStringLiteral("steps"), 120},
                        {QStringLiteral("perturb-at"), QVariant()},
                        {QStringLiteral("seed"), 2}}, // seed 1's small net has a second minimum
                       QStringLiteral("small"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 20000);
        auto* lab = qobject_cast<sdlab::gui::EquilibriumLab*>(session->page());
        QVERIFY(lab);
        sdlab::SettleRunSettings core;
        core.sizes = {60, 60, 10};
        core.steps = 120;
        core.seed = core.spiking.seed = 2;
        const sdlab::SettleRunResult expected = sdlab::runSettle(core);
        const QList<QPointF> shown = lab->distancePlot()->seriesData(0);
        QCOMPARE(shown.size(), 121);
        QCOMPARE(shown.last().y(), std::max(1e-6, expected.rows.back().distanceToFixedPoint));
        QCOMPARE(lab->playbackLength(), 121);

        const int undoBefore = session->undoStack()->count();
        lab->setPlaybackPosition(40);
        QVERIFY(!lab->runActions().isEmpty());
        lab->runActions().first()->trigger();
        QCOMPARE(session->values()[QStringLiteral("perturb-at")].toInt(), 40);
        QCOMPARE(session->values()[QStringLiteral("perturb")].toString(), QStringLiteral("kick"));
        QCOMPARE(session->undoStack()->count(), undoBefore + 1);
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 20000);
        const QList<QPointF> kicked = lab->distancePlot()->seriesData(0);
        QVERIFY(kicked[40].y() > 2 * kicked[39].y()); // the kick shows, then settles again
        QVERIFY(kicked.last().y() < kicked[40].y() / 2);
        session->undoStack()->undo();
        QVERIFY(!session->values()[QStringLiteral("perturb-at")].isValid()); // no perturbation
    }

    // The live video is the session's run: it plays while its page is shown, without a
    // window, pauses while the page is hidden, and stops when asked.
    void videoRunIsTheSessionsAndPausesWhenHidden() {
        std::unique_ptr<LabSession> session(sdlab::gui::createLab(*sdlab::findExperiment("video")));
        const std::unique_ptr<sdlab::gui::LabPage> page(session->page());
        auto* run = qobject_cast<sdlab::gui::VideoRun*>(session->run());
        QVERIFY(run && run->parent() == session.get());
        session->apply({{QStringLiteral("width"), 48}, {QStringLiteral("learn"), false}},
                       QStringLiteral("small"));
        QSignalSpy packets(run, &sdlab::gui::VideoRun::packetReady);
        QTest::qWait(300);
        QCOMPARE(packets.count(), 0); // never shown: no frame read
        QVERIFY(!session->isRunning());
        page->show();
        QTRY_VERIFY_WITH_TIMEOUT(packets.count() > 3, 10000);
        QVERIFY(session->isRunning());
        QCOMPARE(packets.last().first().value<sdlab::gui::VideoPacketPtr>()->input.width(), 48);
        page->hide();
        QVERIFY(!session->isRunning());
        QTest::qWait(200); // a frame in flight arrives
        const auto held = packets.count();
        QTest::qWait(400);
        QCOMPARE(packets.count(), held);
        QSignalSpy finished(run, &sdlab::gui::LabRun::finished);
        session->stopRun();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    }

    // The Video lab runs live on the synthetic scene: the followed pixel's trace is the
    // scene's own pixel, pause holds the frames, online learning adds curve rows, a
    // recording reads back, and a missing file falls back to the synthetic scene.
    void videoLabRunsLiveFollowsAPixelRecordsAndFallsBack() {
        MainWindow window(false);
        auto* lab = openVideoLab(window, {{QStringLiteral("width"), 64},
                                          {QStringLiteral("learn"), true},
                                          {QStringLiteral("learn-hidden"), 20}});
        QVERIFY(lab);
        LabSession* session = window.session(QStringLiteral("video"));
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastPacket() && lab->lastPacket()->input.width() == 64,
                                 10000);
        QCOMPARE(lab->lastPacket()->input.height(), 48);

        lab->followPixel(QPoint(10, 20));
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastPacket()->traceFrame.size() >= 5, 10000);
        const sdlab::gui::VideoPacketPtr packet = lab->lastPacket();
        QCOMPARE(packet->pixel, QPoint(10, 20));
        sdlab::SyntheticSceneSettings scene;
        scene.width = 64;
        scene.height = 48;
        sdlab::VideoFrame frame;
        sdlab::SyntheticScene(scene).render(static_cast<long>(packet->traceFrame.back()), frame);
        QCOMPARE(packet->traceSignal.back(), static_cast<double>(frame.pixels(20 * 64 + 10)));

        lab->runActions().first()->trigger(); // Pause
        QTest::qWait(200);
        const long paused = lab->framesShown();
        QTest::qWait(500);
        QCOMPARE(lab->framesShown(), paused);
        lab->runActions().first()->trigger(); // Resume
        QTRY_VERIFY_WITH_TIMEOUT(lab->framesShown() > paused + 5, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(lab->learningRows() >= 2, 20000); // a row per 30 frames

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.sdev"));
        lab->recordTo(path);
        const long start = lab->framesShown();
        QTRY_VERIFY_WITH_TIMEOUT(lab->framesShown() > start + 10, 5000);
        QVERIFY(!QFileInfo::exists(path)); // written under a temporary name until stopped
        lab->stopRecording();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path), 5000);
        const sdlab::EventStream recorded = sdlab::readEventStream(path.toStdString());
        QCOMPARE(recorded.width, 64U);
        QCOMPARE(recorded.channels, 1U);
        QVERIFY(recorded.frames.size() >= 5);

        // Colour: R, G, B per pixel; the followed pixel shows its channels' mean, and a
        // recording holds three channels.
        session->apply({{QStringLiteral("channels"), QStringLiteral("rgb")}},
                       QStringLiteral("colour"));
        QTRY_VERIFY_WITH_TIMEOUT(lab->lastPacket()->input.format() == QImage::Format_RGB888 &&
                                     lab->lastPacket()->traceFrame.size() >= 3,
                                 10000);
        const sdlab::gui::VideoPacketPtr colourPacket = lab->lastPacket();
        QCOMPARE(colourPacket->reconstruction.format(), QImage::Format_RGB888);
        scene.colour = true;
        sdlab::SyntheticScene(scene).render(static_cast<long>(colourPacket->traceFrame.back()),
                                            frame);
        const Eigen::Index first = Eigen::Index{20 * 64 + 10} * 3;
        QVERIFY(std::abs(colourPacket->traceSignal.back() -
                         static_cast<double>(frame.pixels.segment(first, 3).sum()) / 3.0) < 1e-6);
        const QString colourPath = dir.filePath(QStringLiteral("colour.csv"));
        lab->recordTo(colourPath);
        const long colourStart = lab->framesShown();
        QTRY_VERIFY_WITH_TIMEOUT(lab->framesShown() > colourStart + 5, 5000);
        lab->stopRecording();
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(colourPath), 5000);
        QCOMPARE(sdlab::readEventStream(colourPath.toStdString()).channels, 3U);
        session->apply({{QStringLiteral("channels"), QStringLiteral("grey")}},
                       QStringLiteral("grey"));

        // OpenCV's deliberately broken sample either plays or falls back with a message;
        // frames keep coming either way.
        const QString buggy =
            QStringLiteral("/usr/share/doc/opencv-doc/examples/data/Megamind_bugy.avi");
        if (QFileInfo::exists(buggy)) {
            session->apply({{QStringLiteral("source"), buggy}}, QStringLiteral("buggy file"));
            QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(QStringLiteral("Megamind_bugy")),
                                     10000);
            const long buggyStart = lab->framesShown();
            QTRY_VERIFY_WITH_TIMEOUT(lab->framesShown() > buggyStart + 5, 10000);
        }

        session->apply({{QStringLiteral("source"), dir.filePath(QStringLiteral("missing.avi"))}},
                       QStringLiteral("missing file"));
        QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(QStringLiteral("does not exist")),
                                 10000);
        QVERIFY(window.statusText().contains(QStringLiteral("synthetic scene")));
        const long before = lab->framesShown();
        QTRY_VERIFY_WITH_TIMEOUT(lab->framesShown() > before + 5, 5000);
        QVERIFY(lab->lastPacket()->source.startsWith(QStringLiteral("synthetic")));
    }

    void aClickedSweepCellOpensInTheSignalLab() {
        MainWindow window(false);
        window.showLab(QStringLiteral("sweep"));
        LabSession* sweep = window.session(QStringLiteral("sweep"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(sweep), 10000);
        auto* lab = qobject_cast<sdlab::gui::SweepLab*>(sweep->page());
        auto* map = lab->heatmap(2);
        map->resize(400, 300);
        QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(5, 9).center().toPoint());
        // A click shows the cell's traces in the Sweep lab; the button opens it.
        QCOMPARE(window.currentPage()->labId(), QStringLiteral("sweep"));
        QVERIFY(lab->tracePlot()->chart()->title().startsWith(QStringLiteral("kp = ")));
        QTest::mouseClick(lab->openInSignalButton(), Qt::LeftButton);
        QCOMPARE(window.currentPage()->labId(), QStringLiteral("signal"));
        const auto& values = window.session(QStringLiteral("signal"))->values();
        const auto& result = *sweep->result();
        Q_UNUSED(result);
        QVERIFY(values[QStringLiteral("kp")].toDouble() > 0.0);
        const double kp = values[QStringLiteral("kp")].toDouble(),
                     kd = values[QStringLiteral("kd")].toDouble();
        QCOMPARE(values[QStringLiteral("k-alpha")].toDouble(), std::min(0.999, kd / (kp + kd)));
    }

    void settingsRememberLabAndParametersAndSurviveGarbage() {
        QStandardPaths::setTestModeEnabled(true); // settings go to a test location
        QSettings().clear();
        {
            MainWindow window(true);
            window.showLab(QStringLiteral("kernels"));
            window.session(QStringLiteral("kernels"))->edit(QStringLiteral("alpha"), 0.6);
            window.close();
        }
        {
            MainWindow window(true);
            QCOMPARE(window.currentPage()->labId(), QStringLiteral("kernels"));
            QCOMPARE(window.session(QStringLiteral("kernels"))
                         ->values()[QStringLiteral("alpha")]
                         .toDouble(),
                     0.6);
            QCOMPARE(window.session(QStringLiteral("kernels"))->undoStack()->count(), 0);
        }
        // Stored values of the wrong type or range are ignored, the rest restored.
        QSettings().setValue(QStringLiteral("labs/kernels/parameters"),
                             QVariantMap{{QStringLiteral("alpha"), QStringLiteral("lots")},
                                         {QStringLiteral("span"), 2000000},
                                         {QStringLiteral("steps"), 300},
                                         {QStringLiteral("junk"), 1}});
        QSettings().setValue(QStringLiteral("window/lab"), QStringLiteral("no-such-lab"));
        MainWindow window(true);
        const auto& values = window.session(QStringLiteral("kernels"))->values();
        QCOMPARE(values[QStringLiteral("alpha")].toDouble(), 0.8);
        QCOMPARE(values[QStringLiteral("span")].toInt(), 12);
        QCOMPARE(values[QStringLiteral("steps")].toInt(), 300);
        QVERIFY(!values.contains(QStringLiteral("junk")));
        QVERIFY(window.currentPage() != nullptr);
        QSettings().clear();
    }

    void exportWritesEveryPlotOfTheLab() {
        MainWindow window(false);
        window.resize(1200, 800);
        window.show();
        for (const QString& id : {QStringLiteral("kernels"), QStringLiteral("encoders")}) {
            window.showLab(id);
            QTRY_VERIFY_WITH_TIMEOUT(settled(window.currentSession()), 10000);
            QTemporaryDir dir;
            QString error;
            const QStringList files = window.exportCurrentLab(dir.path(), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(files.size(),
                     static_cast<qsizetype>(window.currentPage()->plots().size() * 3 + 1));
            for (const QString& file : files) {
                if (file.endsWith(QStringLiteral(".png")))
                    QVERIFY2(!QImage(file).isNull(), qPrintable(file));
                else if (file.endsWith(QStringLiteral(".svg")))
                    QVERIFY2(QSvgRenderer(file).isValid(), qPrintable(file));
                else if (file.endsWith(QStringLiteral(".csv")))
                    QVERIFY2(QFile(file).size() > 20, qPrintable(file));
            }
            QString presetError;
            QVERIFY(window.loadPresetFile(files.last(), &presetError)); // the parameters read back
        }
        QString error;
        QVERIFY(window.exportCurrentLab(QStringLiteral("/nonexistent/folder"), &error).isEmpty());
        QVERIFY(error.contains(QStringLiteral("/nonexistent/folder")));
    }
};

QTEST_MAIN(LabsTest)
#include "labs_test.moc"
