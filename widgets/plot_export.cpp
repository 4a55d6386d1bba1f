#include "widgets/plot_export.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace sdlab::widgets {

namespace {
bool commit(QSaveFile& file, const QString& path, QString* error) {
    if (file.commit())
        return true;
    if (error)
        *error = QStringLiteral("Could not write %1: %2").arg(path, file.errorString());
    return false;
}

bool open(QSaveFile& file, const QString& path, QString* error) {
    if (file.open(QIODevice::WriteOnly))
        return true;
    if (error)
        *error = QStringLiteral("Could not write %1: %2").arg(path, file.errorString());
    return false;
}
} // namespace

bool writePlotPng(ExportablePlot& plot, const QString& path, QString* error) {
    QWidget* widget = plot.plotWidget();
    constexpr qreal scale = 2.0;
    QImage image(widget->size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(widget->palette().window().color());
    widget->render(&image);
    QSaveFile file(path);
    if (!open(file, path, error))
        return false;
    if (!image.save(&file, "PNG")) {
        file.cancelWriting();
        if (error)
            *error = QStringLiteral("Could not encode %1 as PNG").arg(path);
        return false;
    }
    return commit(file, path, error);
}

bool writePlotSvg(ExportablePlot& plot, const QString& path, const QString& title, QString* error) {
    QWidget* widget = plot.plotWidget();
    QSaveFile file(path);
    if (!open(file, path, error))
        return false;
    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(widget->size());
    generator.setViewBox(QRect(QPoint(0, 0), widget->size()));
    generator.setTitle(title);
    generator.setDescription(QStringLiteral("Exported by Sigma-Delta Lab"));
    {
        QPainter painter(&generator);
        widget->render(&painter);
    }
    return commit(file, path, error);
}

bool writePlotCsv(const ExportablePlot& plot, const QString& path, QString* error) {
    QSaveFile file(path);
    if (!open(file, path, error))
        return false;
    file.write(plot.dataCsv().toUtf8());
    return commit(file, path, error);
}

QString csvNumber(double value) {
    return QString::number(value, 'g', 17)
        .replace(QStringLiteral("inf"), QStringLiteral("Infinity"));
}

} // namespace sdlab::widgets
