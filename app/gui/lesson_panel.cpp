#include "gui/lesson_panel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sdlab::gui {

LessonPanel::LessonPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel), m_where(new QLabel), m_text(new QTextBrowser),
      m_previous(new QPushButton(tr("◀ Previous"))), m_next(new QPushButton(tr("Next ▶"))) {
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_where->setWordWrap(true);
    m_text->setOpenExternalLinks(true);
    m_previous->setToolTip(tr("The previous step (Page Up)"));
    m_next->setToolTip(tr("The next step (Page Down)"));
    auto* close = new QPushButton(tr("End Lesson"));
    close->setToolTip(tr("Close the lesson; the lab keeps its parameters"));
    connect(m_previous, &QPushButton::clicked, this, &LessonPanel::previousRequested);
    connect(m_next, &QPushButton::clicked, this, &LessonPanel::nextRequested);
    connect(close, &QPushButton::clicked, this, &LessonPanel::closeRequested);
    // The arrow keys step too, but only here: elsewhere they move sliders and plots.
    for (const auto& [key, forward] : {std::pair{Qt::Key_Right, true}, {Qt::Key_Left, false}}) {
        auto* action = new QAction(this);
        action->setShortcut(QKeySequence(key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this,
                forward ? &LessonPanel::nextRequested : &LessonPanel::previousRequested);
        addAction(action);
    }
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_previous);
    buttons->addWidget(m_next);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_where);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
}

void LessonPanel::showStep(const QString& lessonTitle, int index, int count,
                           const QString& stepTitle, const QString& html) {
    m_title->setText(lessonTitle);
    m_where->setText(stepTitle.isEmpty()
                         ? tr("Step %1 of %2").arg(index + 1).arg(count)
                         : tr("Step %1 of %2: %3").arg(index + 1).arg(count).arg(stepTitle));
    m_text->setHtml(html);
    m_previous->setEnabled(index > 0);
    m_next->setEnabled(index + 1 < count);
}

QString LessonPanel::where() const {
    return m_where->text();
}

} // namespace sdlab::gui
