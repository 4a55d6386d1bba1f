#pragma once

#include "io/json_reader.h"
#include "widgets/parameter_spec.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <cstddef>
#include <span>
#include <vector>

class QAction;
class QToolButton;

// Small helpers the lab pages share.
namespace sdlab::gui {

QString formatNumber(double value, int precision = 4);
// summary.json of an sdlab-cli result directory (an empty object when there is none);
// InputError when it is not JSON.
JsonValue readResultSummary(const QString& directory);
// One text field of it ("model"), or `fallback`.
QString summaryText(const JsonValue& summary, const char* key, const QString& fallback = {});
// One number field of it ("fps"), or `fallback`.
double summaryNumber(const JsonValue& summary, const char* key, double fallback);
// A text-only tool button for a lab's action bar (Start, Pause, Record...).
QToolButton* toolButton(QAction* action);

// A compute time for the status bar: "0.13 ms", "6.4 ms", "1.2 s".
QString formatDuration(double milliseconds);

// Curves fed by periodic snapshots (several a second) grow with the session. Past `limit`
// points this keeps every other one, and always the first and the last, so a curve holds
// between limit/2 and limit points, keeps its shape, and appending stays amortised O(1).
// Returns whether it thinned.
template <typename Points> bool thinWhenOver(Points& points, std::size_t limit) {
    using Index = decltype(points.size());
    const Index n = points.size();
    if (static_cast<std::size_t>(n) <= limit || n < 3)
        return false;
    Index kept = 0;
    for (Index i = 0; i < n; i += 2)
        points[kept++] = points[i];
    if (n % 2 == 0) // an even count skipped the last point
        points[kept++] = points[n - 1];
    points.resize(kept);
    return true;
}

} // namespace sdlab::gui
