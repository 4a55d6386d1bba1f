#include "gui/main_window.h"

#include "experiment/command_line.h"
#include "experiment/experiment_list.h"
#include "experiment/lesson.h"
#include "gui/animation_recorder.h"
#include "gui/display_options.h"
#include "gui/lab_factory.h"
#include "gui/lab_page.h"
#include "gui/lab_parameters.h"
#include "gui/lab_run.h"
#include "gui/lab_session.h"
#include "gui/lesson_panel.h"
#include "gui/preset.h"
#include "gui/sweep_lab.h"
#include "io/input_error.h"
#include "widgets/display_scale.h"
#include "widgets/parameter_panel.h"
#include "widgets/playback_bar.h"
#include "widgets/plot_export.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextBrowser>
#include <QToolButton>
#include <QUndoGroup>
#include <QVBoxLayout>
#include <algorithm>
#include <optional>

namespace sdlab::gui {

namespace {
// A preset or lesson file, read whole but never more than 1 MB (a device or FIFO
// stops there); nothing, with `error` naming the file, when it cannot be read or is
// larger.
std::optional<QByteArray> readSmallJsonFile(const QString& path, const QString& what,
                                            QString* error) {
    constexpr qint64 kMaxBytes = 1'000'000;
    QFile file(path);
    QString problem;
    QByteArray bytes;
    if (!file.open(QIODevice::ReadOnly))
        problem = QObject::tr("%1: cannot be read (%2)").arg(path, file.errorString());
    else if ((bytes = file.read(kMaxBytes + 1)).size() > kMaxBytes)
        problem = QObject::tr("%1: more than %2 bytes, far too large for %3")
                      .arg(path)
                      .arg(kMaxBytes)
                      .arg(what);
    if (problem.isEmpty())
        return bytes;
    if (error)
        *error = problem;
    return std::nullopt;
}

QString settingsKey(const QString& lab) {
    return QStringLiteral("labs/%1/parameters").arg(lab);
}
} // namespace

QStringList MainWindow::labIds() {
    QStringList ids;
    for (const Experiment* e : experiments())
        if (e->hasLab)
            ids << QString::fromStdString(e->id);
    return ids;
}

MainWindow::MainWindow(bool useSettings, QWidget* parent)
    : QMainWindow(parent), m_labList(new QListWidget), m_pages(new QStackedWidget),
      m_panels(new QStackedWidget), m_help(new QTextBrowser), m_playback(new widgets::PlaybackBar),
      m_undoGroup(new QUndoGroup(this)), m_status(new QLabel), m_progress(new QProgressBar),
      m_cancel(new QToolButton), m_useSettings(useSettings) {
    setWindowTitle(tr("Sigma-Delta Lab"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);

    // Centre: the lab pages over the playback bar.
    auto* centre = new QWidget;
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(4, 4, 4, 0);
    centreLayout->addWidget(m_pages, 1);
    centreLayout->addWidget(m_playback);
    setCentralWidget(centre);

    // Left: the labs.
    m_labList->setIconSize(QSize(20, 20));
    auto* labsDock = new QDockWidget(tr("Labs"));
    labsDock->setObjectName(QStringLiteral("labsDock"));
    labsDock->setWidget(m_labList);
    labsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, labsDock);

    // Right: parameters, then help.
    auto* parametersDock = new QDockWidget(tr("Parameters"));
    parametersDock->setObjectName(QStringLiteral("parametersDock"));
    parametersDock->setWidget(m_panels);
    parametersDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, parametersDock);
    auto* helpDock = new QDockWidget(tr("Help"));
    helpDock->setObjectName(QStringLiteral("helpDock"));
    m_help->setOpenExternalLinks(true);
    helpDock->setWidget(m_help);
    addDockWidget(Qt::RightDockWidgetArea, helpDock);
    // Left, under the labs: the lesson, when one is open.
    m_lessonPanel = new LessonPanel;
    auto* lessonDock = new QDockWidget(tr("Lesson"));
    lessonDock->setObjectName(QStringLiteral("lessonDock"));
    lessonDock->setWidget(m_lessonPanel);
    addDockWidget(Qt::LeftDockWidgetArea, lessonDock);
    lessonDock->hide();
    connect(m_lessonPanel, &LessonPanel::nextRequested, this,
            [this] { showLessonStep(m_lessonStep + 1); });
    connect(m_lessonPanel, &LessonPanel::previousRequested, this,
            [this] { showLessonStep(m_lessonStep - 1); });
    connect(m_lessonPanel, &LessonPanel::closeRequested, this, &MainWindow::closeLesson);
    fitSidePanesToFont();

    // Status bar: summary, progress, cancel.
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_status, 1);
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop this computation (Esc); the plots keep the last result"));
    m_cancel->hide();
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, &MainWindow::updateProgress);
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(300); // quick results never flash a progress bar
    connect(&m_busyDelay, &QTimer::timeout, this, [this] {
        if (currentSession() && currentSession()->isBusy()) {
            m_progress->show();
            m_cancel->show();
            m_progressTimer.start();
            updateProgress();
        }
    });
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (LabSession* session = currentSession())
            session->cancel();
    });

    for (const Experiment* experiment : experiments())
        if (experiment->hasLab)
            addLab(createLab(*experiment, this));

    connect(m_playback, &widgets::PlaybackBar::positionChanged, this, [this](int position) {
        if (LabPage* page = currentPage())
            page->setPlaybackPosition(position);
    });
    connect(m_labList, &QListWidget::currentRowChanged, this, &MainWindow::onCurrentLabChanged);
    m_display = new DisplayOptions(this, m_useSettings);
    createMenus();
    resize(1280, 800);
    QStringList restored;
    if (m_useSettings)
        restored = loadSettings();
    for (const Lab& lab : m_labs)
        if (!restored.contains(lab.page->labId()) && !lab.page->openingPreset().isEmpty())
            openOnPreset(lab);
    if (m_labList->currentRow() < 0)
        m_labList->setCurrentRow(0);
    for (const Lab& lab : m_labs)
        if (!lab.session->result() && !lab.session->isBusy())
            lab.session->recompute(); // the shown lab's now, the others' when woken
    wakeNextIdleLab();
}

MainWindow::~MainWindow() = default;

void MainWindow::addLab(LabSession* session) {
    session->setIdle(true); // until shown or woken (wakeNextIdleLab)
    Lab lab;
    lab.page = session->page();
    lab.session = session;
    LabPage* page = lab.page;
    lab.panel = new widgets::ParameterPanel(panelSpecs(page->experiment()));
    auto* scroll = new QScrollArea;
    scroll->setWidget(lab.panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_panels->addWidget(scroll);
    m_pages->addWidget(page);
    m_undoGroup->addStack(lab.session->undoStack());
    auto* item = new QListWidgetItem(page->title(), m_labList);
    item->setToolTip(m_labs.size() < 9
                         ? tr("%1 lab (Ctrl+%2)").arg(page->title()).arg(m_labs.size() + 1)
                         : tr("%1 lab").arg(page->title()));

    widgets::ParameterPanel* panel = lab.panel;
    panel->setNote(page->parameterNote(session->values()));
    connect(panel, &widgets::ParameterPanel::valueEdited, session, &LabSession::edit);
    connect(session, &LabSession::parametersChanged, panel,
            [panel, page](const widgets::ParameterValues& values) {
                panel->setValues(values);
                panel->setNote(page->parameterNote(values));
                page->stopShowingResultFiles();
            });
    connect(session, &LabSession::resultReady, this, [this, page](const LabResultPtr& result) {
        if (page->isShowingResultFiles())
            return; // an opened result stays until the parameters change
        page->showResult(result);
        if (page == currentPage()) {
            m_playback->setLength(page->playbackLength());
            showStatus(page->summary());
        }
    });
    connect(session, &LabSession::failed, this, [this, page](const QString& message) {
        if (page == currentPage())
            showStatus(tr("%1 — the plots show the last good result").arg(message), true);
    });
    connect(session, &LabSession::editRefused, this,
            [this, page, panel, session](const QString& message) {
                panel->setValues(session->values()); // the values that hold
                if (page == currentPage())
                    showStatus(message, true);
            });
    connect(session, &LabSession::cancelled, this, [this, page] {
        if (page == currentPage() && !page->isShowingResultFiles())
            showStatus(tr("Cancelled — the plots show the last finished result; F5 recomputes"));
    });
    connect(page, &LabPage::summaryChanged, this, [this, page](const QString& summary) {
        if (page == currentPage())
            showStatus(summary);
    });
    connect(session, &LabSession::busyChanged, this,
            [this, session](bool busy) { onBusyChanged(session, busy); });
    connect(page, &LabPage::parametersRequested, session, &LabSession::apply);
    connect(page, &LabPage::recomputeRequested, session, &LabSession::recompute);
    if (auto* sweep = qobject_cast<SweepLab*>(page))
        connect(sweep, &SweepLab::openInSignalLab, this, [this](double kp, double kd) {
            showLab(QStringLiteral("signal"));
            this->session(QStringLiteral("signal"))
                ->apply({{QStringLiteral("kp"), kp}, {QStringLiteral("kd"), kd}},
                        tr("Open kp = %1, kd = %2 from the sweep").arg(kp).arg(kd));
        });
    m_labs.push_back(lab);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Preset…"), QKeySequence::Open, this, &MainWindow::openPresetDialog);
    m_presetMenu = file->addMenu(tr("&Built-in Presets"));
    file->addAction(tr("&Save Preset As…"), QKeySequence::Save, this,
                    &MainWindow::savePresetDialog);
    file->addAction(tr("Open &Result…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                    &MainWindow::openResultDialog);
    file->addSeparator();
    file->addAction(tr("Open &Lesson…"), QKeySequence(tr("Ctrl+L")), this,
                    &MainWindow::openLessonDialog);
    QMenu* lessons = file->addMenu(tr("Built-in Lesso&ns"));
    for (const QString& path : builtinLessonPaths()) {
        QString title = QFileInfo(path).completeBaseName();
        try {
            QFile lesson(path);
            if (lesson.open(QIODevice::ReadOnly))
                title = QString::fromStdString(
                    readLesson(lesson.readAll().toStdString(), path.toStdString()).title);
        } catch (const InputError&) { // the core tests read every built-in lesson
        }
        lessons->addAction(title, this, [this, path] {
            QString error;
            if (!openLesson(path, &error))
                QMessageBox::warning(this, tr("Lesson not opened"), error);
        });
    }
    file->addSeparator();
    file->addAction(tr("&Export Plots and Data…"), QKeySequence(tr("Ctrl+E")), this,
                    &MainWindow::exportDialog);
    file->addAction(tr("Record &Animation…"), QKeySequence(tr("Ctrl+Shift+A")), this,
                    &MainWindow::recordAnimationDialog)
        ->setToolTip(tr("Save the lab's playback (or seconds of the live Video lab) as a video "
                        "or PNG sequence, rendered frame by frame for slides"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("Reset &Parameters"), this, [this] {
        if (LabSession* session = currentSession())
            session->resetToDefaults(tr("Reset parameters"));
    });
    QAction* copyCommand = edit->addAction(tr("Copy as &Command"), this, [this] {
        QString error;
        const QString line = commandLine(&error);
        if (line.isEmpty()) {
            showStatus(error, true);
            return;
        }
        QGuiApplication::clipboard()->setText(line);
        showStatus(tr("Copied: %1").arg(line));
    });
    copyCommand->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    copyCommand->setToolTip(tr("Copy the sdlab-cli command that computes what this lab shows "
                               "(its parameters that differ from the defaults)"));

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    m_runMenu = run;
    run->addAction(tr("&Recompute"), QKeySequence(Qt::Key_F5), this, [this] {
        if (LabSession* session = currentSession())
            session->recompute();
    });
    run->addAction(tr("&Cancel"), QKeySequence(Qt::Key_Escape), this, [this] {
        if (LabSession* session = currentSession())
            session->cancel();
    });
    m_labRunSeparator = run->addSeparator();
    QAction* play =
        run->addAction(tr("&Play / Pause"), m_playback, &widgets::PlaybackBar::togglePlay);
    play->setShortcut(QKeySequence(tr("Ctrl+Space")));
    run->addAction(tr("Step &Forward"), QKeySequence(tr("Ctrl+Right")), m_playback,
                   &widgets::PlaybackBar::stepForward);
    run->addAction(tr("Step &Back"), QKeySequence(tr("Ctrl+Left")), m_playback,
                   &widgets::PlaybackBar::stepBackward);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (std::size_t i = 0; i < m_labs.size(); ++i) {
        QAction* action = view->addAction(m_labs[i].page->title(), this, [this, i] {
            m_labList->setCurrentRow(static_cast<int>(i));
        });
        if (i < 9) // Ctrl+1 … Ctrl+9; Ctrl+0 resets the zoom
            action->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
    }
    view->addSeparator();
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());
    findChild<QDockWidget*>(QStringLiteral("helpDock"))
        ->toggleViewAction()
        ->setShortcut(QKeySequence::HelpContents);
    view->addSeparator();
    m_display->addActions(view);
    view->addSeparator();
    m_nextStep = view->addAction(tr("&Next Lesson Step"), this,
                                 [this] { showLessonStep(m_lessonStep + 1); });
    m_nextStep->setShortcut(QKeySequence(Qt::Key_PageDown)); // what presenters' clickers send
    m_previousStep = view->addAction(tr("P&revious Lesson Step"), this,
                                     [this] { showLessonStep(m_lessonStep - 1); });
    m_previousStep->setShortcut(QKeySequence(Qt::Key_PageUp));
    m_nextStep->setEnabled(false);
    m_previousStep->setEnabled(false);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Sigma-Delta Lab"), this, [this] {
        QMessageBox::about(this, tr("About Sigma-Delta Lab"),
                           tr("<h3>Sigma-Delta Lab %1</h3><p>A visual lab for spiking and "
                              "predictive-coding neural networks: sigma-delta and PD coding, "
                              "the four weight-update forms, STDP kernels, spiking vector "
                              "quantization and classic spike encoders.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::onCurrentLabChanged(int index) {
    if (index < 0 || index >= static_cast<int>(m_labs.size()))
        return;
    const Lab& lab = m_labs[static_cast<std::size_t>(index)];
    lab.session->setIdle(false);
    m_pages->setCurrentIndex(index);
    m_panels->setCurrentIndex(index);
    m_undoGroup->setActiveStack(lab.session->undoStack());
    setWindowTitle(tr("%1 — Sigma-Delta Lab").arg(lab.page->title()));
    QFile help(QStringLiteral(":/help/%1.html").arg(lab.page->labId()));
    m_help->setHtml(help.open(QIODevice::ReadOnly) ? QString::fromUtf8(help.readAll())
                                                   : tr("No help for this lab yet."));
    m_playback->pause();
    m_playback->setVisible(lab.page->hasPlayback());
    m_playback->setLength(lab.page->playbackLength());
    showStatus(lab.session->isBusy() ? tr("Computing…") : lab.page->summary());
    onBusyChanged(lab.session, lab.session->isBusy());
    rebuildPresetMenu();
    // The lab's own run actions (Start/Pause/Stop) sit in the Run menu while it shows.
    for (QAction* action : m_labRunActions)
        m_runMenu->removeAction(action);
    m_labRunActions = lab.page->runActions();
    m_runMenu->insertActions(m_labRunSeparator, m_labRunActions);
}

void MainWindow::wakeNextIdleLab() {
    for (const Lab& lab : m_labs)
        if (lab.session->isBusy())
            return;
    for (const Lab& lab : m_labs)
        if (lab.session->isIdle()) {
            lab.session->setIdle(false);
            if (lab.session->isBusy())
                return; // the next one wakes when this one is done
        }
}

void MainWindow::onBusyChanged(LabSession* session, bool busy) {
    if (!busy) // after this lab's page has its result, not within its signal
        QMetaObject::invokeMethod(this, &MainWindow::wakeNextIdleLab, Qt::QueuedConnection);
    if (session != currentSession())
        return;
    if (busy) {
        m_busyDelay.start();
    } else {
        m_busyDelay.stop();
        m_progressTimer.stop();
        m_progress->hide();
        m_cancel->hide();
    }
}

void MainWindow::updateProgress() {
    const LabSession* session = currentSession();
    if (!session)
        return;
    const long total = session->control().total();
    m_progress->setRange(0, total > 0 ? 1000 : 0); // 0..0 = busy indicator
    if (total > 0)
        m_progress->setValue(static_cast<int>(
            1000.0 * static_cast<double>(session->control().done()) / static_cast<double>(total)));
}

void MainWindow::rebuildPresetMenu() {
    m_presetMenu->clear();
    const LabPage* page = currentPage();
    if (!page)
        return;
    for (const QString& name : builtinPresetNames(page->labId()))
        m_presetMenu->addAction(name, this, [this, lab = page->labId(), name] {
            QString error;
            if (!loadBuiltinPreset(lab, name, &error))
                QMessageBox::warning(this, tr("Preset not loaded"), error);
        });
    m_presetMenu->setEnabled(!m_presetMenu->isEmpty());
}

void MainWindow::showStatus(const QString& text, bool error) {
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
}

QString MainWindow::statusText() const {
    return m_status->text();
}

bool MainWindow::showLab(const QString& id) {
    for (std::size_t i = 0; i < m_labs.size(); ++i)
        if (m_labs[i].page->labId() == id) {
            m_labList->setCurrentRow(static_cast<int>(i));
            return true;
        }
    return false;
}

const MainWindow::Lab* MainWindow::labFor(const QString& id) const {
    for (const Lab& lab : m_labs)
        if (lab.page->labId() == id)
            return &lab;
    return nullptr;
}

LabSession* MainWindow::session(const QString& id) const {
    const Lab* lab = labFor(id);
    return lab ? lab->session : nullptr;
}

widgets::ParameterPanel* MainWindow::parameterPanel(const QString& id) const {
    const Lab* lab = labFor(id);
    return lab ? lab->panel : nullptr;
}

LabSession* MainWindow::currentSession() const {
    const int row = m_labList->currentRow();
    return row >= 0 && row < static_cast<int>(m_labs.size())
               ? m_labs[static_cast<std::size_t>(row)].session
               : nullptr;
}

LabPage* MainWindow::currentPage() const {
    const int row = m_labList->currentRow();
    return row >= 0 && row < static_cast<int>(m_labs.size())
               ? m_labs[static_cast<std::size_t>(row)].page
               : nullptr;
}

bool MainWindow::loadPresetFile(const QString& path, QString* error) {
    const auto bytes = readSmallJsonFile(path, QObject::tr("a preset"), error);
    if (!bytes)
        return false;
    const auto preset = readLabPreset(*bytes, path, error);
    if (!preset)
        return false;
    const Lab* target = labFor(preset->lab);
    if (!target) {
        if (error)
            *error = tr("%1: the '%2' experiment has no lab here; run it with sdlab-cli run "
                        "--preset")
                         .arg(path, preset->lab);
        return false;
    }
    showLab(preset->lab);
    target->session->apply(preset->parameters, tr("Load preset %1").arg(preset->name));
    showStatus(tr("Preset “%1” loaded").arg(preset->name));
    return true;
}

bool MainWindow::loadBuiltinPreset(const QString& lab, const QString& name, QString* error) {
    if (!builtinPresetNames(lab).contains(name)) {
        if (error)
            *error = tr("no built-in preset '%1' for the %2 lab (there are: %3)")
                         .arg(name, lab, builtinPresetNames(lab).join(QStringLiteral(", ")));
        return false;
    }
    return loadPresetFile(builtinPresetPath(lab, name), error);
}

bool MainWindow::savePreset(const QString& path, QString* error) {
    const LabPage* page = currentPage();
    if (!page)
        return false;
    QByteArray json;
    try {
        json = labPresetJson(page->experiment(), QFileInfo(path).completeBaseName(),
                             tr("Saved from the %1 lab").arg(page->title()),
                             currentSession()->values());
    } catch (const InputError& e) {
        if (error)
            *error = tr("These parameters cannot run, so they are not saved as a preset: %1")
                         .arg(QString::fromStdString(e.what()));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) < 0 || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString MainWindow::commandLine(QString* error) const {
    const LabSession* session = currentSession();
    if (!session)
        return {};
    try {
        const ParameterValues values = checkedLabValues(session->experiment(), session->values());
        return QString::fromStdString(sdlab::commandLineFor(session->experiment(), values));
    } catch (const InputError& e) {
        if (error)
            *error =
                tr("No command for these parameters: %1").arg(QString::fromStdString(e.what()));
        return {};
    }
}

QStringList MainWindow::exportCurrentLab(const QString& directory, QString* error) {
    LabPage* page = currentPage();
    QStringList written;
    if (!page)
        return written;
    const QDir dir(directory);
    if (!dir.exists()) {
        if (error)
            *error = tr("%1 is not a folder").arg(directory);
        return {};
    }
    for (const auto& [name, plot] : page->plots()) {
        const QString base = dir.filePath(page->labId() + QLatin1Char('-') + name);
        if (!widgets::writePlotPng(*plot, base + QStringLiteral(".png"), error) ||
            !widgets::writePlotSvg(*plot, base + QStringLiteral(".svg"),
                                   page->title() + QStringLiteral(": ") + name, error) ||
            !widgets::writePlotCsv(*plot, base + QStringLiteral(".csv"), error))
            return written;
        written << base + QStringLiteral(".png") << base + QStringLiteral(".svg")
                << base + QStringLiteral(".csv");
    }
    const QString presetPath = dir.filePath(page->labId() + QStringLiteral("-parameters.json"));
    if (!savePreset(presetPath, error))
        return written;
    written << presetPath;
    return written;
}

bool MainWindow::openResult(const QString& directory, QString* error) {
    // A result is recognised by its experiment's first output file (pd.csv, curve.csv,
    // …), in the order of the one list, else by another of its files that only some
    // runs write (video --fps-sweep's rate.csv); summary.json is everyone's.
    const QDir dir(directory);
    const Experiment* found = nullptr;
    QStringList looked;
    for (const Experiment* e : experiments()) {
        const QString first = QString::fromStdString(e->outputs.front());
        looked << first;
        if (!found && QFileInfo(dir.filePath(first)).isFile())
            found = e;
    }
    for (const Experiment* e : experiments())
        for (const std::string& output : e->outputs)
            if (!found && output != "summary.json" &&
                QFileInfo(dir.filePath(QString::fromStdString(output))).isFile())
                found = e;
    if (!found) {
        if (error)
            *error = tr("%1 holds no sdlab-cli result (none of %2)")
                         .arg(directory, looked.join(QStringLiteral(", ")));
        return false;
    }
    const Lab* lab = labFor(
        QString::fromStdString(found->resultsShownIn.empty() ? found->id : found->resultsShownIn));
    if (!lab) {
        if (error)
            *error = tr("%1 is a result of sdlab-cli %2, which has no lab")
                         .arg(directory, QString::fromStdString(found->command));
        return false;
    }
    showLab(lab->page->labId());
    try {
        if (!lab->page->openResult(directory, error))
            return false;
        m_playback->setLength(lab->page->playbackLength());
        // The page shows the files; a computation of the lab's own values still under
        // way would only be held back (and its progress bar sat in scripted screenshots).
        if (lab->session->isBusy())
            lab->session->cancel();
    } catch (const InputError& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    showStatus(lab->page->summary());
    return true;
}

QStringList MainWindow::builtinLessonPaths() {
    QStringList paths;
    for (const QString& name :
         QDir(QStringLiteral(":/lessons")).entryList({QStringLiteral("*.json")}))
        paths << QStringLiteral(":/lessons/") + name;
    return paths;
}

int MainWindow::lessonStepCount() const {
    return m_lesson ? static_cast<int>(m_lesson->steps.size()) : 0;
}

bool MainWindow::openLesson(const QString& path, QString* error) {
    const auto refuse = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const auto bytes = readSmallJsonFile(path, QObject::tr("a lesson"), error);
    if (!bytes)
        return false;
    auto lesson = std::make_unique<Lesson>();
    try {
        *lesson = readLesson(bytes->toStdString(), path.toStdString());
    } catch (const InputError& e) {
        return refuse(QString::fromStdString(e.what()));
    }
    for (std::size_t k = 0; k < lesson->steps.size(); ++k) {
        const LessonStep& step = lesson->steps[k];
        const QString lab = QString::fromStdString(step.experiment->id);
        if (!labFor(lab))
            return refuse(
                tr("%1: step %2: the %3 lab is not in this window").arg(path).arg(k + 1).arg(lab));
        const QString preset = QString::fromStdString(step.preset);
        if (!preset.isEmpty() && !builtinPresetNames(lab).contains(preset))
            return refuse(tr("%1: step %2: the %3 lab has no built-in preset '%4'")
                              .arg(path)
                              .arg(k + 1)
                              .arg(lab, preset));
    }
    if (!m_lesson)
        qApp->installEventFilter(this); // Page Down / Page Up, wherever the focus is
    m_lesson = std::move(lesson);
    m_lessonStep = -1;
    findChild<QDockWidget*>(QStringLiteral("lessonDock"))->show();
    showLessonStep(0);
    return true;
}

bool MainWindow::showLessonStep(int index) {
    if (!m_lesson || index < 0 || index >= lessonStepCount())
        return false;
    const LessonStep& step = m_lesson->steps[static_cast<std::size_t>(index)];
    const QString lab = QString::fromStdString(step.experiment->id);
    const Lab* target = labFor(lab);
    showLab(lab);
    // The preset's values (or the lab's as they are) with the step's changes: one undo step.
    widgets::ParameterValues values = target->session->values();
    if (!step.preset.empty()) {
        QFile file(builtinPresetPath(lab, QString::fromStdString(step.preset)));
        QString error;
        const auto preset = file.open(QIODevice::ReadOnly)
                                ? readLabPreset(file.readAll(), file.fileName(), &error)
                                : std::nullopt;
        if (preset)
            values = preset->parameters;
    }
    for (const auto& [key, value] : step.parameters)
        values.insert(QString::fromStdString(key), toVariant(value));
    m_lessonStep = index;
    target->session->apply(values, tr("Lesson step %1").arg(index + 1));
    QStringList highlight;
    for (const std::string& key : step.highlight)
        highlight << QString::fromStdString(key);
    for (const Lab& other : m_labs)
        other.panel->setHighlighted(other.panel == target->panel ? highlight : QStringList());
    m_lessonPanel->showStep(QString::fromStdString(m_lesson->title), index, lessonStepCount(),
                            QString::fromStdString(step.title), QString::fromStdString(step.text));
    m_nextStep->setEnabled(index + 1 < lessonStepCount());
    m_previousStep->setEnabled(index > 0);
    return true;
}

void MainWindow::closeLesson() {
    if (m_lesson)
        qApp->removeEventFilter(this);
    m_lesson.reset();
    m_lessonStep = -1;
    for (const Lab& lab : m_labs)
        lab.panel->setHighlighted({});
    findChild<QDockWidget*>(QStringLiteral("lessonDock"))->hide();
    m_nextStep->setEnabled(false);
    m_previousStep->setEnabled(false);
}

AnimationRecorder* MainWindow::recordAnimation(const AnimationSettings& settings, QString* error) {
    LabPage* page = currentPage();
    if (!page)
        return nullptr;
    auto* recorder = new AnimationRecorder(page, settings, this);
    if (!recorder->start(error)) {
        delete recorder;
        return nullptr;
    }
    connect(recorder, &AnimationRecorder::finished, this,
            [this, recorder](bool ok, const QString& message) {
                showStatus(message, !ok);
                recorder->deleteLater();
            });
    return recorder;
}

void MainWindow::recordAnimationDialog() {
    LabPage* page = currentPage();
    if (!page)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Record Animation"));
    auto* form = new QFormLayout(&dialog);
    auto* fps = new QSpinBox;
    fps->setRange(1, 60);
    fps->setValue(25);
    fps->setSuffix(tr(" fps"));
    auto* size = new QComboBox;
    const QSize pageSize = page->size();
    size->addItem(tr("as shown (%1 × %2)").arg(pageSize.width()).arg(pageSize.height()), pageSize);
    for (const QSize s : {QSize(1280, 720), QSize(1920, 1080)})
        size->addItem(tr("%1 × %2").arg(s.width()).arg(s.height()), s);
    auto* seconds = new QDoubleSpinBox;
    seconds->setRange(0.5, 600.0);
    seconds->setValue(5.0);
    seconds->setSuffix(tr(" s"));
    seconds->setEnabled(!(page->hasPlayback() && page->playbackLength() > 1));
    seconds->setToolTip(tr("Labs without playback (the live Video lab) are recorded for this "
                           "long; the others record their whole playback"));
    form->addRow(tr("Frame rate"), fps);
    form->addRow(tr("Size"), size);
    form->addRow(tr("Live labs: length"), seconds);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Record Animation"), page->labId() + QStringLiteral(".mp4"),
        tr("MP4 video (*.mp4);;AVI video (*.avi);;PNG sequence (*.png)"));
    if (path.isEmpty())
        return;
    AnimationSettings settings;
    settings.path = path;
    settings.fps = fps->value();
    settings.size = size->currentData().toSize();
    settings.seconds = seconds->value();
    QString error;
    AnimationRecorder* recorder = recordAnimation(settings, &error);
    if (!recorder) {
        QMessageBox::warning(this, tr("Animation not recorded"), error);
        return;
    }
    auto* progress = new QProgressDialog(tr("Recording %1…").arg(QFileInfo(path).fileName()),
                                         tr("Cancel"), 0, recorder->frameCount(), this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(500);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(recorder, &AnimationRecorder::progress, progress, &QProgressDialog::setValue);
    connect(progress, &QProgressDialog::canceled, recorder, &AnimationRecorder::cancel);
    connect(recorder, &AnimationRecorder::finished, progress, &QWidget::close);
}

void MainWindow::openLessonDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Lesson"), QString(),
                                                      tr("Lessons (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!openLesson(path, &error))
        QMessageBox::warning(this, tr("Lesson not opened"), error);
}

void MainWindow::openResultDialog() {
    const QString directory = QFileDialog::getExistingDirectory(
        this, tr("Open an sdlab-cli result directory (its --out)"));
    if (directory.isEmpty())
        return;
    QString error;
    if (!openResult(directory, &error))
        QMessageBox::warning(this, tr("Result not opened"), error);
}

void MainWindow::openPresetDialog() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Preset"), QString(),
                                                      tr("Presets (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!loadPresetFile(path, &error))
        QMessageBox::warning(this, tr("Preset not loaded"), error + tr("\n\nNothing was changed."));
}

void MainWindow::savePresetDialog() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save Preset"),
                                                currentPage()->labId() + QStringLiteral(".json"),
                                                tr("Presets (*.json)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".json")))
        path += QStringLiteral(".json");
    QString error;
    if (savePreset(path, &error))
        showStatus(tr("Preset saved to %1").arg(path));
    else
        QMessageBox::warning(this, tr("Preset not saved"), error);
}

void MainWindow::exportDialog() {
    const QString directory =
        QFileDialog::getExistingDirectory(this, tr("Export plots and data to"));
    if (directory.isEmpty())
        return;
    QString error;
    const QStringList written = exportCurrentLab(directory, &error);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export incomplete"), error);
    else
        showStatus(tr("Exported %1 files to %2").arg(written.size()).arg(directory));
}

QStringList MainWindow::loadSettings() {
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    QStringList restored;
    for (const Lab& lab : m_labs) {
        const QVariantMap stored = settings.value(settingsKey(lab.page->labId())).toMap();
        if (!stored.isEmpty()) {
            lab.session->restore(stored); // invalid entries keep their defaults
            restored << lab.page->labId();
        }
    }
    showLab(settings.value(QStringLiteral("window/lab"), QStringLiteral("signal")).toString());
    return restored;
}

void MainWindow::openOnPreset(const Lab& lab) {
    QFile file(builtinPresetPath(lab.page->labId(), lab.page->openingPreset()));
    QString error;
    const auto preset = file.open(QIODevice::ReadOnly)
                            ? readLabPreset(file.readAll(), file.fileName(), &error)
                            : std::nullopt;
    if (preset) // a missing opening preset is a build error caught by the tests
        lab.session->restore(preset->parameters);
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (const LabPage* page = currentPage())
        settings.setValue(QStringLiteral("window/lab"), page->labId());
    for (const Lab& lab : m_labs)
        settings.setValue(settingsKey(lab.page->labId()), lab.session->values());
}

void MainWindow::fitSidePanesToFont() {
    const double scale = widgets::displayScale();
    const int labNames = m_labList->fontMetrics().horizontalAdvance(tr("Quantization")) + 40;
    m_labList->setMinimumWidth(labNames);
    m_labList->setMaximumWidth(labNames + static_cast<int>(40 * scale)); // room goes to plots
    // Not fully proportional: at 200 % on a 1920-pixel projector the plots need the room.
    const double sideScale = std::min(scale, 1.5);
    m_help->setMinimumWidth(static_cast<int>(260 * sideScale));
    m_panels->setMinimumWidth(static_cast<int>(290 * sideScale));
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
    if (m_lesson &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool next = key->key() == Qt::Key_PageDown, previous = key->key() == Qt::Key_PageUp;
        if ((next || previous) && key->modifiers() == Qt::NoModifier && isActiveWindow()) {
            if (event->type() == QEvent::KeyPress)
                showLessonStep(m_lessonStep + (next ? 1 : -1));
            event->accept();
            return true; // neither the focused widget nor the menu shortcut sees it
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange)
        fitSidePanesToFont();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    const bool running = std::any_of(m_labs.begin(), m_labs.end(), [](const Lab& lab) {
        return lab.session->run() && lab.session->run()->quitNeedsConfirmation();
    });
    if (running && m_useSettings &&
        QMessageBox::question(this, tr("Quit Sigma-Delta Lab"),
                              tr("A training run is in progress. Stop it and quit?")) !=
            QMessageBox::Yes) {
        event->ignore();
        return;
    }
    if (m_useSettings)
        saveSettings();
    for (const Lab& lab : m_labs) {
        lab.session->cancel();
        lab.session->stopRun();
    }
    event->accept();
}

} // namespace sdlab::gui
