#pragma once

// Shared by the lab tests (gui.labs, gui.learning, gui.bad-input).
#include "gui/lab_session.h"

// A lab has a result for its current parameters and nothing is computing.
inline bool settled(const sdlab::gui::LabSession* session) {
    return session->result() && !session->isBusy() && session->resultIsCurrent();
}
