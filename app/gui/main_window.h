#pragma once

#include <QMainWindow>
#include <QTimer>
#include <memory>
#include <vector>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QStackedWidget;
class QTextBrowser;
class QToolButton;
class QUndoGroup;

namespace sdlab::widgets {
class ParameterPanel;
class PlaybackBar;
} // namespace sdlab::widgets

namespace sdlab {
struct Experiment;
struct Lesson;
} // namespace sdlab

namespace sdlab::gui {

class AnimationRecorder;
struct AnimationSettings;
class DisplayOptions;
class LessonPanel;
class LabPage;
class LabSession;

// The sdlab window: the list of labs, the current lab's plots in the middle, its
// parameters (and their undo history) at the side, its help text, a playback bar for
// time-based labs, and a status bar with the result summary, progress and Cancel.
// Remembers layout, current lab and every lab's parameters (QSettings). GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    // With `useSettings` false nothing is restored or saved (tests, screenshots).
    explicit MainWindow(bool useSettings = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    // The labs, in the order of core's list of experiments (those that have a lab).
    static QStringList labIds();
    bool showLab(const QString& id);
    LabSession* session(const QString& id) const;
    LabSession* currentSession() const;
    LabPage* currentPage() const;
    widgets::ParameterPanel* parameterPanel(const QString& id) const;
    widgets::PlaybackBar* playbackBar() const { return m_playback; }
    DisplayOptions* displayOptions() const { return m_display; }

    // Each returns false with one message in `error` and leaves the state untouched.
    bool loadPresetFile(const QString& path, QString* error);
    bool loadBuiltinPreset(const QString& lab, const QString& name, QString* error);
    bool savePreset(const QString& path, QString* error);
    // File > Open Result: an sdlab-cli --out directory shown in its lab's plots.
    bool openResult(const QString& directory, QString* error);
    // Writes every plot of the current lab as PNG, SVG and CSV, and its parameters as a
    // preset, into `directory`; returns the files written.
    QStringList exportCurrentLab(const QString& directory, QString* error);

    // File > Open Lesson: a lesson file (or ":/lessons/NAME.json"), shown from its first
    // step. A corrupt or foreign one returns false with one message naming the file and
    // the step, and nothing changes.
    bool openLesson(const QString& path, QString* error);
    // Applies step `index` (its lab, preset, parameter changes as one undo step, and the
    // highlighted controls); false outside the lesson.
    bool showLessonStep(int index);
    void closeLesson();
    int lessonStep() const { return m_lessonStep; } // −1 without a lesson
    int lessonStepCount() const;
    LessonPanel* lessonPanel() const { return m_lessonPanel; }
    // The built-in lessons' resource paths.
    static QStringList builtinLessonPaths();

    // File > Record Animation: the current lab's playback (or `seconds` of a live lab) as
    // a video or PNG sequence (AnimationRecorder); the recorder, owned by the window and
    // deleted when it finishes, or nullptr with `error` set.
    AnimationRecorder* recordAnimation(const AnimationSettings& settings, QString* error);

    QString statusText() const;
    // The sdlab-cli line for the current lab's parameters (Edit > Copy as Command), or
    // empty with `error` set when they cannot run.
    QString commandLine(QString* error = nullptr) const;

  protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    // While a lesson is open, Page Down / Page Up step it wherever the focus is (a
    // presenter's clicker sends them to whatever widget had focus: a spin box, the help).
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    struct Lab {
        LabPage* page = nullptr;
        LabSession* session = nullptr;
        widgets::ParameterPanel* panel = nullptr;
    };
    void addLab(LabSession* session); // adopts its page
    void createMenus();
    void fitSidePanesToFont(); // their widths follow the (zoomed) application font
    void onCurrentLabChanged(int index);
    void onBusyChanged(LabSession* session, bool busy);
    // Wakes the next idle lab when no lab computes: labs compute their first result one
    // at a time after the shown one's, so the first window comes up at once (issue 19)
    // and switching labs later is still instant.
    void wakeNextIdleLab();
    void updateProgress();
    void rebuildPresetMenu();
    void showStatus(const QString& text, bool error = false);
    void openPresetDialog();
    void openResultDialog();
    void openLessonDialog();
    void recordAnimationDialog();
    void savePresetDialog();
    void exportDialog();
    // Returns the labs whose parameters were restored.
    QStringList loadSettings();
    void openOnPreset(const Lab& lab);
    void saveSettings() const;
    const Lab* labFor(const QString& id) const;

    std::vector<Lab> m_labs;
    QListWidget* m_labList;
    QStackedWidget* m_pages;
    QStackedWidget* m_panels;
    QTextBrowser* m_help;
    widgets::PlaybackBar* m_playback;
    QUndoGroup* m_undoGroup;
    QMenu* m_presetMenu = nullptr;
    QMenu* m_runMenu = nullptr;
    QAction* m_labRunSeparator = nullptr;
    QList<QAction*> m_labRunActions;
    QLabel* m_status;
    QProgressBar* m_progress;
    QToolButton* m_cancel;
    QTimer m_progressTimer;
    QTimer m_busyDelay;
    bool m_useSettings;
    DisplayOptions* m_display = nullptr; // View > Presentation, Zoom, Theme
    std::unique_ptr<Lesson> m_lesson;    // the open lesson, if any
    int m_lessonStep = -1;
    LessonPanel* m_lessonPanel = nullptr;
    QAction* m_nextStep = nullptr;
    QAction* m_previousStep = nullptr;
};

} // namespace sdlab::gui
