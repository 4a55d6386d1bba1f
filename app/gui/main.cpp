// sdlab: the Sigma-Delta Lab window. Opens on the Signal lab with a built-in signal,
// so it needs no file, camera or download.
#include "signal_lab_page.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>

#ifndef SDLAB_VERSION
#define SDLAB_VERSION "unknown"
#endif

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Sigma-Delta Lab"));
    QApplication::setOrganizationName(QStringLiteral("Sigma-Delta Lab"));
    QApplication::setApplicationVersion(QStringLiteral(SDLAB_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/sdlab.svg")));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Visual lab for spiking and predictive-coding neural networks"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Sigma-Delta Lab — Signal"));
    auto* page = new sdlab::gui::SignalLabPage;
    window.setCentralWidget(page);
    QMenu* file = window.menuBar()->addMenu(QObject::tr("&File"));
    file->addAction(QObject::tr("&Quit"), QKeySequence::Quit, &app, &QApplication::quit);
    QObject::connect(page, &sdlab::gui::SignalLabPage::summaryChanged, window.statusBar(),
                     [&window](const QString& text) { window.statusBar()->showMessage(text); });
    window.statusBar()->showMessage(page->summaryText());
    window.resize(1100, 700);
    window.show();
    return QApplication::exec();
}
