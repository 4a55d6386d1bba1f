#pragma once

// Shared by the lab tests (gui.labs, gui.learning, gui.bad-input, ...).
#include "gui/lab_session.h"
#include "gui/main_window.h"
#include "gui/video_lab.h"

#include <QTest>
#include <QVariantMap>

// A lab has a result for its current parameters and nothing is computing.
inline bool settled(const sdlab::gui::LabSession* session) {
    return session->result() && !session->isBusy() && session->resultIsCurrent();
}

// Shows the window on lab `id` and waits (up to 20 s) for its first current result;
// false when none came.
inline bool showSettledLab(sdlab::gui::MainWindow& window, const QString& id) {
    window.show();
    window.showLab(id);
    return QTest::qWaitFor([&] { return settled(window.currentSession()); }, 20000);
}

// Shows the window on the Video lab and applies `values` (small frames, learning on or
// off) as one edit; the lab, or nullptr when it is not there.
inline sdlab::gui::VideoLab* openVideoLab(sdlab::gui::MainWindow& window,
                                          const QVariantMap& values) {
    window.show();
    window.showLab(QStringLiteral("video"));
    sdlab::gui::LabSession* session = window.session(QStringLiteral("video"));
    auto* lab = qobject_cast<sdlab::gui::VideoLab*>(session->page());
    if (lab)
        session->apply(values, QStringLiteral("test settings"));
    return lab;
}
