#pragma once

#include "experiment/experiment.h"
#include "gui/lab_result.h"
#include "widgets/parameter_spec.h"

#include <QList>
#include <QStringList>
#include <QWidget>
#include <utility>
#include <vector>

class QAction;

namespace sdlab::widgets {
class ExportablePlot;
}

namespace sdlab::gui {

// One lab as the window shows it: the plots that show a result and what it computes (a
// pure function of its parameters, run on the worker thread). Its parameters, their
// defaults, ranges, help and coupling are its experiment's description in core (STYLE
// habit 11), which its LabSession reads. A page displays results it is given and never
// computes on the GUI thread; its LabSession owns the parameters, the undo stack and the
// worker (STYLE habit 3). GUI thread only.
class LabPage : public QWidget {
    Q_OBJECT
  public:
    explicit LabPage(const Experiment& experiment, QWidget* parent = nullptr)
        : QWidget(parent), m_experiment(experiment) {}

    const Experiment& experiment() const { return m_experiment; }
    // "signal": --lab, presets, settings and help pages use it.
    QString labId() const { return QString::fromStdString(m_experiment.id); }
    QString title() const { return QString::fromStdString(m_experiment.title); }
    virtual ComputeFunction computeFunction() const = 0;
    virtual void showResult(const LabResultPtr& result) = 0;
    // Named plots for File > Export, in display order.
    virtual std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() = 0;

    // The built-in preset the lab opens on when it has no remembered parameters, where its
    // description's defaults (shared with sdlab-cli, some pinned by its contract) make a
    // poor first picture; empty opens on the defaults. Reset Parameters still gives them.
    virtual QString openingPreset() const { return {}; }
    // Derived read-outs shown under the parameter panel (HTML).
    virtual QString parameterNote(const widgets::ParameterValues& values) const;
    // One line for the status bar describing the shown result.
    virtual QString summary() const { return m_summary; }

    // File > Open Result: shows a result directory that `sdlab-cli` wrote for this lab's
    // experiment, from the numbers in its files (no recomputation). False with `error`
    // set when the lab cannot show it; InputError for a malformed file.
    virtual bool openResult(const QString& directory, QString* error);
    // While a page shows a result's files in place of a computed result, the window
    // holds the session's results back; the next parameter edit ends it.
    bool isShowingResultFiles() const { return m_showingResultFiles; }
    void stopShowingResultFiles() { m_showingResultFiles = false; }

    // Time-based labs animate with the playback bar: the number of steps of the shown
    // result, and how far to show it.
    virtual bool hasPlayback() const { return false; }
    virtual int playbackLength() const { return 0; }
    virtual void setPlaybackPosition(int /*position*/) {}

    // Labs with long runs (the Learning lab) list their Start/Pause/Stop actions here;
    // the window puts them in its Run menu while the lab is shown, so their shortcuts
    // work wherever the focus is. The run itself, beside the parameters' computations,
    // is the session's LabRun; the page drives and draws it.
    virtual QList<QAction*> runActions() const { return {}; }

    // Brings forward the first enabled tab of the page whose title starts with `title`
    // (case and mnemonic '&' ignored), with the tabs holding it; false, with the enabled
    // tabs' titles in `titles`, when none does. `sdlab --tab` uses it, so screenshots can show any
    // view.
    bool showTab(const QString& title, QStringList* titles = nullptr);

  Q_SIGNALS:
    void summaryChanged(const QString& summary); // e.g. live progress of a run
    // The page asks for new parameter values (one undoable edit), e.g. from a button
    // on its plots.
    void parametersRequested(const widgets::ParameterValues& values, const QString& description);
    // The page asks for its computation again with the same values (e.g. it held back
    // work until it was first shown).
    void recomputeRequested();

  protected:
    void setSummary(const QString& text);
    void startShowingResultFiles() { m_showingResultFiles = true; }

  private:
    const Experiment& m_experiment;
    QString m_summary;
    bool m_showingResultFiles = false;
};

} // namespace sdlab::gui
