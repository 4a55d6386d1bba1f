// Qt tests (offscreen) of the Learning lab: a run trains off the GUI thread to exactly
// the numbers core's runTraining gives for the same settings; live updates arrive;
// pause holds the run, stop ends it with a last row, and runs overlay; a bad IDX
// directory is reported and Start stays disabled until the parameters are good; curves
// fed by snapshots are thinned to a bound.
#include "data/dataset_loaders.h"
#include "data/sample_order.h"
#include "experiment/experiment_list.h"
#include "gui/lab_factory.h"
#include "gui/lab_run.h"
#include "gui/lab_session.h"
#include "gui/lab_support.h"
#include "gui/learning_lab.h"
#include "gui/main_window.h"
#include "gui/tradeoff_view.h"
#include "io/output_bundle.h"
#include "lab_test_support.h"
#include "training/tradeoff_curves.h"
#include "training/training_run.h"
#include "widgets/chart_plot.h"
#include "widgets/image_grid_view.h"
#include "widgets/spike_raster.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using sdlab::gui::LabSession;
using sdlab::gui::LearningLab;
using sdlab::gui::MainWindow;
using sdlab::gui::TrainingRuns;

namespace {

TrainingRuns* runs(LabSession* session) {
    return qobject_cast<TrainingRuns*>(session->run());
}

const QString kLab = QStringLiteral("learning");

LearningLab* learningLab(MainWindow& window) {
    window.showLab(kLab);
    return qobject_cast<LearningLab*>(window.currentPage());
}

template <typename T> T* plot(LearningLab* lab, const char* name) {
    for (const auto& [key, plot] : lab->plots())
        if (key == QLatin1String(name))
            return dynamic_cast<T*>(plot);
    return nullptr;
}

// Whether the tab holding plot `name` shows in its tab widget.
bool insideTabVisible(LearningLab* lab, const char* name) {
    QWidget* page = plot<sdlab::widgets::ExportablePlot>(lab, name)->plotWidget();
    for (QTabWidget* tabs : lab->findChildren<QTabWidget*>())
        if (const int index = tabs->indexOf(page); index >= 0)
            return tabs->isTabVisible(index);
    return false;
}

} // namespace

class LearningLabTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void snapshotCurvesAreThinnedToABound() {
        // 0..9 over a limit of 8: every other point, and the last, which an even count skips.
        std::vector<int> even{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        QVERIFY(sdlab::gui::thinWhenOver(even, 8));
        QCOMPARE(even, (std::vector<int>{0, 2, 4, 6, 8, 9}));
        std::vector<int> odd{0, 1, 2, 3, 4, 5, 6, 7, 8};
        QVERIFY(sdlab::gui::thinWhenOver(odd, 8));
        QCOMPARE(odd, (std::vector<int>{0, 2, 4, 6, 8}));
        QVERIFY(!sdlab::gui::thinWhenOver(odd, 8)); // within the limit: untouched
        QCOMPARE(odd.size(), std::size_t(5));
        // Appending forever keeps a curve between limit/2 and limit points, spanning it all.
        QList<QPointF> curve;
        for (int i = 0; i < 100000; ++i) {
            curve.append(QPointF(i, i));
            sdlab::gui::thinWhenOver(curve, 4000);
            QVERIFY(curve.size() <= 4000);
        }
        QVERIFY(curve.size() > 2000);
        QCOMPARE(curve.front().x(), 0.0);
        QCOMPARE(curve.back().x(), 99999.0);
    }

    void aRunTrainsLiveToTheCoreNumbers() {
        MainWindow window(false);
        LearningLab* lab = learningLab(window);
        LabSession* session = window.session(kLab);
        session->apply({{QStringLiteral("dataset"), QStringLiteral("synthetic")},
                        {QStringLiteral("model"), QStringLiteral("pdnn")},
                        {QStringLiteral("hidden"), QStringLiteral("30")},
                        {QStringLiteral("epochs"), 2},
                        {QStringLiteral("lr"), 0.02},
                        {QStringLiteral("seed"), 3}},
                       QStringLiteral("test"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 20000);
        QSignalSpy finished(session->run(), &sdlab::gui::LabRun::finished);
        QVERIFY(lab->startRun());
        QVERIFY(session->isRunning());
        QVERIFY(!lab->runActions().front()->isEnabled()); // no second Start while running
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);

        // The same settings through core alone: the GUI run must match it exactly.
        sdlab::TrainingSettings s;
        s.model = sdlab::ModelKind::Pdnn;
        s.hidden = {30};
        s.epochs = 2;
        s.learningRate = 0.02;
        s.seed = 3;
        const sdlab::ImageDataset data = sdlab::loadDatasetByName("synthetic");
        auto model = sdlab::makeClassifier(s, data.inputSize(), data.classCount());
        const sdlab::TrainingResult reference = sdlab::runTraining(*model, data, s);
        const sdlab::CurveRow* last = runs(session)->lastRow();
        QVERIFY(last != nullptr);
        QCOMPARE(last->samples, reference.curve.back().samples);
        QCOMPARE(last->testAccuracy, reference.finalTestAccuracy);
        QCOMPARE(last->adds, reference.curve.back().adds);
        QVERIFY(window.statusText().contains(QStringLiteral("Finished")));
        QVERIFY(window.statusText().contains(
            QString::number(100.0 * reference.finalTestAccuracy, 'f', 2)));

        auto* accuracy = plot<sdlab::widgets::ChartPlot>(lab, "accuracy");
        QCOMPARE(accuracy->seriesCount(), 2); // test and online training of one run
        QCOMPARE(accuracy->seriesData(0).size(), static_cast<qsizetype>(reference.curve.size()));
        QCOMPARE(accuracy->seriesData(0).back().y(), 100.0 * reference.finalTestAccuracy);
        QVERIFY(plot<sdlab::widgets::SpikeRaster>(lab, "spikes")->events().size() > 100);
        auto* kAlpha = plot<sdlab::widgets::ChartPlot>(lab, "k-alpha");
        QCOMPARE(kAlpha->seriesCount(), 4);              // two layers, forward and backward
        QCOMPARE(kAlpha->seriesData(0).back().y(), 0.9); // the schedule after epoch 0
        for (const auto& image : plot<sdlab::widgets::ImageGridView>(lab, "test-images")->images())
            QVERIFY(image.highlighted && image.caption.contains(QStringLiteral("→")));
        // "Inside the model" shows the tabs a PD network fills: gains and spiking, not
        // settling or the LIF network's gradient norms.
        QVERIFY(insideTabVisible(lab, "k-alpha") && insideTabVisible(lab, "k-beta"));
        QVERIFY(insideTabVisible(lab, "dead-units") && insideTabVisible(lab, "spikes-per-sample"));
        QVERIFY(!insideTabVisible(lab, "settle-steps") && !insideTabVisible(lab, "gradient-norms"));
    }

    void tradeoffRunsDrawWhatTheCommandLineWrites() {
        MainWindow window(false);
        LearningLab* lab = learningLab(window);
        LabSession* session = window.session(kLab);
        session->apply({{QStringLiteral("dataset"), QStringLiteral("synthetic")},
                        {QStringLiteral("model"), QStringLiteral("pdnn")},
                        {QStringLiteral("hidden"), QStringLiteral("30")},
                        {QStringLiteral("epochs"), 1},
                        {QStringLiteral("seed"), 3}},
                       QStringLiteral("test"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 20000);
        // A PD network runs over no time steps: Guess Early says so and nothing starts.
        QVERIFY(!lab->startTradeoff(*sdlab::findExperiment("early")));
        QVERIFY(window.statusText().contains(QStringLiteral("Cannot guess early")));
        QVERIFY(!session->isRunning());

        QSignalSpy finished(session->run(), &sdlab::gui::LabRun::finished);
        QVERIFY2(lab->startTradeoff(*sdlab::findExperiment("scales")),
                 qPrintable(window.statusText()));
        QVERIFY(session->isRunning());
        QVERIFY(!lab->runActions().front()->isEnabled()); // no training beside it
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        sdlab::gui::TradeoffView* view = lab->tradeoffView();
        // The same values through the command's own description and run.
        const sdlab::Experiment& scales = *sdlab::findExperiment("scales");
        const sdlab::ParameterValues values =
            sdlab::checkedValues(scales,
                                 {{"dataset", std::string("synthetic")},
                                  {"hidden", std::string("30")},
                                  {"pretrain-epochs", 1LL},
                                  {"seed", 3LL}},
                                 sdlab::ParameterNaming::Key);
        sdlab::OutputBundle bundle;
        scales.run(values, {}, bundle);
        std::string table, scalesTable;
        for (const auto& [name, content] : bundle.files()) {
            if (name == "tradeoff.csv")
                table = content;
            if (name == "scales.csv")
                scalesTable = content;
        }
        std::vector<sdlab::TradeoffCurve> reference =
            sdlab::tradeoffCurvesOfScales(sdlab::readScalesTradeoff(table, "tradeoff.csv"));
        sdlab::attachScales(reference, sdlab::readScales(scalesTable, "scales.csv"));
        QCOMPARE(view->curveCount(), reference.size());
        for (std::size_t c = 0; c < reference.size(); ++c) {
            QCOMPARE(view->curve(c).name, reference[c].name);
            QCOMPARE(view->curve(c).points.size(), reference[c].points.size());
            for (std::size_t p = 0; p < reference[c].points.size(); ++p) {
                QCOMPARE(view->curve(c).points[p].operations, reference[c].points[p].operations);
                QCOMPARE(view->curve(c).points[p].testError, reference[c].points[p].testError);
                QCOMPARE(view->curve(c).points[p].scales, reference[c].points[p].scales);
            }
        }
        // A click on an optimised point shows its scales (issue 21 item 6), one per layer
        // input; the original net has none, and a click there changes nothing.
        QVERIFY(view->scalesPlot()->isHidden());
        view->resize(900, 700);
        const sdlab::TradeoffCurve& rounding = view->curve(2);
        QCOMPARE(rounding.name, std::string("Rounding"));
        const sdlab::TradeoffPoint& optimised = rounding.points.back();
        QVERIFY(view->readoutAt(view->pixelOf(optimised)).contains(QStringLiteral("scales")));
        QTest::mouseClick(view->plot()->viewport(), Qt::LeftButton, {}, view->pixelOf(optimised));
        QVERIFY(!view->scalesPlot()->isHidden());
        const QList<QPointF>& shown = view->scalesPlot()->seriesData(0);
        QCOMPARE(shown.size(), qsizetype(2)); // 196 inputs and 30 hidden units
        for (qsizetype l = 0; l < shown.size(); ++l)
            QCOMPARE(shown[l].y(), optimised.scales[static_cast<std::size_t>(l)].front());
        QVERIFY(optimised.scales != rounding.points.front().scales); // k = 1 moved
        QVERIFY(!view->showScalesAt(view->pixelOf(view->curve(0).points.front())));
        QVERIFY(window.statusText().contains(QStringLiteral("Trade-off view")));
        // A finished training run joins as one point.
        QCOMPARE(view->runPointCount(), std::size_t(0));
        QVERIFY(lab->startRun());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(view->runPointCount(), std::size_t(1));
    }

    void pauseHoldsStopEndsAndRunsOverlay() {
        MainWindow window(false);
        LearningLab* lab = learningLab(window);
        LabSession* session = window.session(kLab);
        session->apply({{QStringLiteral("dataset"), QStringLiteral("synthetic")},
                        {QStringLiteral("model"), QStringLiteral("mlp")},
                        {QStringLiteral("hidden"), QStringLiteral("50")},
                        {QStringLiteral("epochs"), 200}},
                       QStringLiteral("test"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 20000);
        TrainingRuns* runs = ::runs(session);
        QVERIFY(lab->startRun());
        QTRY_VERIFY_WITH_TIMEOUT(runs->lastRow() != nullptr, 20000);
        lab->togglePause();
        QTest::qWait(300); // rows already queued arrive
        const std::uint64_t heldAt = runs->lastRow()->samples;
        QTest::qWait(700);
        QCOMPARE(runs->lastRow()->samples, heldAt);
        QVERIFY(session->isRunning());
        lab->togglePause();
        QTRY_VERIFY_WITH_TIMEOUT(runs->lastRow()->samples > heldAt, 20000);

        QSignalSpy finished(runs, &sdlab::gui::LabRun::finished);
        session->stopRun();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QVERIFY(!session->isRunning());
        QVERIFY(window.statusText().startsWith(QStringLiteral("Stopped")));
        QVERIFY(runs->lastRow()->samples < 200UL * 2000UL);

        // A second run joins the first on the charts.
        session->edit(QStringLiteral("epochs"), 1);
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 20000);
        QVERIFY(lab->startRun());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(runs->runs().size(), std::size_t(2));
        QCOMPARE(plot<sdlab::widgets::ChartPlot>(lab, "accuracy")->seriesCount(), 4);
        QCOMPARE(plot<sdlab::widgets::ChartPlot>(lab, "loss")->seriesCount(), 2);
        QVERIFY(insideTabVisible(lab, "k-alpha")); // MLPs fill no tab: all stay
    }

    // The runs belong to the session: a lab is made, trained and drawn without a window,
    // and Start waits for a checked setup that matches the newest values.
    void aSessionOwnsItsRunsWithoutAWindow() {
        const sdlab::Experiment* experiment = sdlab::findExperiment("learning");
        QVERIFY(experiment);
        std::unique_ptr<LabSession> session(sdlab::gui::createLab(*experiment));
        const std::unique_ptr<sdlab::gui::LabPage> page(session->page());
        TrainingRuns* runs = ::runs(session.get());
        QVERIFY(runs && runs->parent() == session.get());
        session->apply({{QStringLiteral("dataset"), QStringLiteral("synthetic")},
                        {QStringLiteral("model"), QStringLiteral("mlp")},
                        {QStringLiteral("hidden"), QStringLiteral("20")},
                        {QStringLiteral("epochs"), 1}},
                       QStringLiteral("test"));
        QVERIFY(!runs->canStart()); // the setup for these values is not checked yet
        QTRY_VERIFY_WITH_TIMEOUT(settled(session.get()), 20000);
        QVERIFY(runs->canStart());
        QSignalSpy finished(runs, &sdlab::gui::LabRun::finished);
        QVERIFY(runs->start());
        QVERIFY(!runs->canStart() && session->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(runs->runs().size(), std::size_t(1));
        QVERIFY(runs->lastRow() && runs->lastRow()->samples > 0);
        auto* lab = qobject_cast<LearningLab*>(page.get());
        auto* accuracy = plot<sdlab::widgets::ChartPlot>(lab, "accuracy");
        QCOMPARE(accuracy->seriesCount(), 2);
        QCOMPARE(accuracy->seriesData(0).size(),
                 static_cast<qsizetype>(runs->runs().front().rows.size()));
        session->edit(QStringLiteral("epochs"), 2);
        QVERIFY(!runs->canStart()); // never trains the older setup
        runs->clear();
        QCOMPARE(accuracy->seriesCount(), 0);
    }

    // Thesis Fig. 4.3: the Training order tab shows the first samples of an epoch in the
    // chosen order, the very samples training visits first.
    void theTrainingOrderTabShowsTheOrderTrainingVisits() {
        MainWindow window(false);
        LearningLab* lab = learningLab(window);
        LabSession* session = window.session(kLab);
        auto* order = plot<sdlab::widgets::ImageGridView>(lab, "training-order");
        const sdlab::ImageDataset data = sdlab::loadDatasetByName("synthetic");
        for (const QString& kind : {QStringLiteral("temporal"), QStringLiteral("shuffled")}) {
            session->apply({{QStringLiteral("dataset"), QStringLiteral("synthetic")},
                            {QStringLiteral("order"), kind},
                            {QStringLiteral("seed"), 5}},
                           QStringLiteral("test"));
            QTRY_VERIFY_WITH_TIMEOUT(settled(session), 20000);
            QTRY_COMPARE_WITH_TIMEOUT(order->images().size(), std::size_t(24), 20000);
            const std::vector<std::uint32_t> visits = sdlab::sampleOrder(
                data.train, *sdlab::parseSampleOrderKind(kind.toStdString()), 5, 0);
            for (std::size_t k = 0; k < 24; ++k) {
                const QImage expected = sdlab::widgets::ImageGridView::greyImage(
                    data.train.image(visits[k]), data.train.cols, data.train.rows);
                QCOMPARE(order->images()[k].image, expected);
            }
            QVERIFY(order->images()[0].caption.startsWith(QStringLiteral("1: ")));
        }
    }

    void aBadIdxDirectoryIsReportedAndStartWaits() {
        MainWindow window(false);
        LearningLab* lab = learningLab(window);
        LabSession* session = window.session(kLab);
        QTRY_VERIFY_WITH_TIMEOUT(settled(session), 20000);
        QVERIFY(lab->runActions().front()->isEnabled());
        QTemporaryDir dir;
        const QString images = dir.filePath(QStringLiteral("train-images-idx3-ubyte"));
        QFile file(images);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromHex("00000803000000050000001c0000001c") + QByteArray(100, '\0'));
        file.close();
        QSignalSpy failures(session, &LabSession::failed);
        session->apply({{QStringLiteral("dataset"), QStringLiteral("idx:") + dir.path()}},
                       QStringLiteral("test"));
        QVERIFY(!lab->runActions().front()->isEnabled()); // not checked yet
        QVERIFY(!lab->startRun());
        QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, 20000);
        const QString message = failures.first().first().toString();
        QVERIFY2(message.contains(dir.path()), qPrintable(message));
        QVERIFY(window.statusText().contains(dir.path()));
        QVERIFY(!lab->runActions().front()->isEnabled());
        QVERIFY(!lab->startRun()); // never trains on the last good setup instead
        session->edit(QStringLiteral("dataset"), QStringLiteral("synthetic"));
        QTRY_VERIFY_WITH_TIMEOUT(lab->runActions().front()->isEnabled(), 20000);
    }
};

QTEST_MAIN(LearningLabTest)
#include "learning_lab_test.moc"
