#pragma once

namespace sdlab::widgets {

// The lecture-hall zoom (issue 23): one factor for every view's fonts, line widths and
// markers. The window sets it (View > Zoom In/Out) just before it changes the
// application font, so a view restyles itself on the QEvent::FontChange that follows.
// Stored as a property of the QApplication: views read it, only the window writes it.
double displayScale(); // 1 unless set; within [kMinDisplayScale, kMaxDisplayScale]
void setDisplayScale(double scale);

inline constexpr double kMinDisplayScale = 0.5;
inline constexpr double kMaxDisplayScale = 3.0;

} // namespace sdlab::widgets
