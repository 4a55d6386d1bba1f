#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace sdlab::gui {

// The side panel of a guided lesson: its title, where you are ("Step 2 of 5: …"), the
// step's text, and Previous / Next (Page Up / Page Down, what presenters' clickers
// send; the arrow keys too while the panel has focus). Shows what the window tells it;
// the window owns the lesson and applies its steps. GUI thread.
class LessonPanel : public QWidget {
    Q_OBJECT
  public:
    explicit LessonPanel(QWidget* parent = nullptr);

    void showStep(const QString& lessonTitle, int index, int count, const QString& stepTitle,
                  const QString& html);
    QString where() const; // "Step 2 of 5: …" (tests)

  Q_SIGNALS:
    void previousRequested();
    void nextRequested();
    void closeRequested();

  private:
    QLabel* m_title;
    QLabel* m_where;
    QTextBrowser* m_text;
    QPushButton* m_previous;
    QPushButton* m_next;
};

} // namespace sdlab::gui
