#pragma once

#include <QString>

class QWidget;

namespace sdlab::widgets {

// What File > Export needs from a plot: the widget to draw and the plotted data. Every
// plot widget of this library implements it. GUI thread only.
class ExportablePlot {
  public:
    virtual ~ExportablePlot() = default;
    virtual QWidget* plotWidget() = 0;
    // The data as CSV text: a header line, then one row per point (RFC 4180).
    virtual QString dataCsv() const = 0;
};

// Each writes the whole file or nothing (QSaveFile: a temporary file renamed into
// place), and on failure returns false with a message naming the file in `error`.
// PNG is rendered at twice the widget's size so it stays sharp on slides and HiDPI.
bool writePlotPng(ExportablePlot& plot, const QString& path, QString* error);
bool writePlotSvg(ExportablePlot& plot, const QString& path, const QString& title, QString* error);
bool writePlotCsv(const ExportablePlot& plot, const QString& path, QString* error);

// A number for CSV: shortest text that reads back to the same double.
QString csvNumber(double value);

} // namespace sdlab::widgets
