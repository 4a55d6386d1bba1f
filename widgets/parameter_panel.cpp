#include "widgets/parameter_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStyleOptionComboBox>
#include <QStylePainter>
#include <QToolButton>
#include <algorithm>
#include <cmath>
#include <functional>

namespace sdlab::widgets {

namespace {
constexpr int kSliderSteps = 1000;

// A combo box that elides its current text ("Smooth rand…") when its column is narrower
// than the text, where QComboBox clips it mid-letter. Paints as QComboBox::paintEvent
// does, with the label's text shortened to the edit field.
class ElidingComboBox : public QComboBox {
  protected:
    void paintEvent(QPaintEvent* /*event*/) override {
        QStylePainter painter(this);
        QStyleOptionComboBox option;
        initStyleOption(&option);
        painter.drawComplexControl(QStyle::CC_ComboBox, option);
        const QRect field = style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                    QStyle::SC_ComboBoxEditField, this);
        option.currentText =
            fontMetrics().elidedText(option.currentText, Qt::ElideRight, field.width());
        painter.drawControl(QStyle::CE_ComboBoxLabel, option);
    }
};

// A "logarithmic" range that starts at 0 uses v = min + span·(e^{kf} − 1)/(e^k − 1):
// fine steps near 0, coarse near the top, and 0 itself reachable.
constexpr double kExpandedLog = 7.0;

double sliderToValue(const ParameterSpec& spec, int position) {
    const double f = static_cast<double>(position) / kSliderSteps;
    const double span = spec.maximum - spec.minimum;
    if (spec.logarithmic && spec.minimum > 0.0)
        return spec.minimum * std::pow(spec.maximum / spec.minimum, f);
    if (spec.logarithmic)
        return spec.minimum + span * std::expm1(kExpandedLog * f) / std::expm1(kExpandedLog);
    return spec.minimum + f * span;
}

int valueToSlider(const ParameterSpec& spec, double value) {
    double f = 0.0;
    const double span = spec.maximum - spec.minimum;
    if (spec.logarithmic && spec.minimum > 0.0)
        f = std::log(std::max(value, spec.minimum) / spec.minimum) /
            std::log(spec.maximum / spec.minimum);
    else if (spec.logarithmic && span > 0.0)
        f = std::log1p(std::max(0.0, value - spec.minimum) / span * std::expm1(kExpandedLog)) /
            kExpandedLog;
    else if (spec.maximum > spec.minimum)
        f = (value - spec.minimum) / (spec.maximum - spec.minimum);
    return static_cast<int>(std::lround(std::clamp(f, 0.0, 1.0) * kSliderSteps));
}

// The widgets of a layout item, through nested layouts.
void collectWidgets(QLayoutItem* item, std::vector<QWidget*>& out) {
    if (QWidget* widget = item->widget()) {
        if (std::find(out.begin(), out.end(), widget) == out.end())
            out.push_back(widget);
    } else if (QLayout* layout = item->layout()) {
        for (int k = 0; k < layout->count(); ++k)
            collectWidgets(layout->itemAt(k), out);
    }
}

QString labelText(const ParameterSpec& spec) {
    return spec.unit.isEmpty() || spec.kind == ParameterSpec::Kind::Real ||
                   spec.kind == ParameterSpec::Kind::Integer
               ? spec.label
               : QStringLiteral("%1 (%2)").arg(spec.label, spec.unit);
}
} // namespace

ParameterPanel::ParameterPanel(ParameterSpecs specs, QWidget* parent)
    : QWidget(parent), m_specs(std::move(specs)), m_values(defaultParameters(m_specs)) {
    auto* grid = new QGridLayout(this);
    grid->setColumnStretch(0, 1);
    grid->setVerticalSpacing(2);
    int row = 0;
    QString group;
    for (std::size_t index = 0; index < m_specs.size(); ++index) {
        const ParameterSpec& spec = m_specs[index];
        if (!spec.group.isEmpty() && spec.group != group) {
            group = spec.group;
            auto* heading = new QLabel(QStringLiteral("<b>%1</b>").arg(group.toHtmlEscaped()));
            heading->setContentsMargins(0, row == 0 ? 0 : 8, 0, 2);
            grid->addWidget(heading, row++, 0, 1, 2);
            m_headings.push_back({heading, {}});
        }
        if (!m_headings.empty() && !spec.group.isEmpty())
            m_headings.back().second.push_back(index);
        const int firstRow = row;
        switch (spec.kind) {
        case ParameterSpec::Kind::Real:
        case ParameterSpec::Kind::Integer:
            addNumber(spec, grid, row);
            break;
        case ParameterSpec::Kind::Choice:
            addChoice(spec, grid, row);
            break;
        case ParameterSpec::Kind::File:
            addFile(spec, grid, row);
            break;
        case ParameterSpec::Kind::Flag:
            addFlag(spec, grid, row);
            break;
        case ParameterSpec::Kind::Text:
            addText(spec, grid, row);
            break;
        case ParameterSpec::Kind::Range:
            addRange(spec, grid, row);
            break;
        }
        std::vector<QWidget*> widgets;
        for (int r = firstRow; r < row; ++r)
            for (int c = 0; c < grid->columnCount(); ++c)
                if (QLayoutItem* item = grid->itemAtPosition(r, c))
                    collectWidgets(item, widgets);
        m_rowWidgets.push_back(std::move(widgets));
    }
    m_note = new QLabel;
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::RichText);
    m_note->setContentsMargins(0, 8, 0, 0);
    grid->addWidget(m_note, row++, 0, 1, 2);
    grid->setRowStretch(row, 1);
    setValues(m_values);
}

void ParameterPanel::addNumber(const ParameterSpec& spec, QGridLayout* grid, int& row) {
    auto* label = new QLabel(labelText(spec));
    label->setToolTip(spec.toolTip);
    // An optional number has an "auto" box: ticked, the value is unset and the lab's
    // rule applies (its text says which); the slider and spin box then rest.
    QCheckBox* automatic = nullptr;
    if (spec.optional) {
        automatic = new QCheckBox(tr("auto"));
        automatic->setToolTip(tr("Unset: %1").arg(spec.unsetText));
        automatic->setAccessibleName(tr("%1: auto").arg(spec.label));
        grid->addWidget(label, row, 0);
        grid->addWidget(automatic, row++, 1);
    } else {
        grid->addWidget(label, row++, 0, 1, 2);
    }
    auto* slider = new QSlider(Qt::Horizontal);
    slider->setRange(0, kSliderSteps);
    slider->setToolTip(spec.toolTip);
    slider->setAccessibleName(spec.label);
    grid->addWidget(slider, row, 0);
    const bool integer = spec.kind == ParameterSpec::Kind::Integer;
    QAbstractSpinBox* spin = nullptr;
    if (integer) {
        auto* box = new QSpinBox;
        box->setRange(static_cast<int>(spec.minimum), static_cast<int>(spec.maximum));
        if (!spec.unit.isEmpty())
            box->setSuffix(QLatin1Char(' ') + spec.unit);
        box->setKeyboardTracking(false);
        connect(box, &QSpinBox::valueChanged, this,
                [this, key = spec.key](int v) { edit(key, v); });
        spin = box;
    } else {
        auto* box = new QDoubleSpinBox;
        box->setDecimals(spec.decimals);
        box->setRange(spec.minimum, spec.maximum);
        box->setSingleStep(std::pow(10.0, -std::min(spec.decimals, 2)));
        if (spec.logarithmic)
            box->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        if (!spec.unit.isEmpty())
            box->setSuffix(QLatin1Char(' ') + spec.unit);
        box->setKeyboardTracking(false);
        connect(box, &QDoubleSpinBox::valueChanged, this,
                [this, key = spec.key](double v) { edit(key, v); });
        spin = box;
    }
    spin->setToolTip(spec.toolTip);
    spin->setAccessibleName(spec.label);
    spin->setMinimumWidth(90);
    grid->addWidget(spin, row++, 1);
    m_editors.insert(spec.key, spin);

    connect(slider, &QSlider::sliderPressed, this, [this] { m_dragSerial = m_nextSerial++; });
    connect(slider, &QSlider::sliderReleased, this, [this] { m_dragSerial = 0; });
    connect(slider, &QSlider::valueChanged, this, [this, spec, integer](int position) {
        const double v = sliderToValue(spec, position);
        const double rounded =
            std::round(v * std::pow(10.0, spec.decimals)) / std::pow(10.0, spec.decimals);
        edit(spec.key, integer ? QVariant(static_cast<int>(std::lround(v))) : QVariant(rounded));
    });
    if (automatic) // unticked, the number starts from the description's default
        connect(automatic, &QCheckBox::toggled, this, [this, spec, integer](bool on) {
            if (on)
                edit(spec.key, QVariant());
            else if (integer)
                edit(spec.key, static_cast<int>(std::lround(spec.defaultValue)));
            else
                edit(spec.key, spec.defaultValue);
        });
    m_show.insert(spec.key, [slider, spin, automatic, spec, integer](const QVariant& value) {
        const QSignalBlocker blockSlider(slider);
        const QSignalBlocker blockSpin(spin);
        const bool unset = !value.isValid();
        const double shown = unset ? spec.defaultValue : value.toDouble();
        slider->setValue(valueToSlider(spec, shown));
        // Unset, the box says "auto" (its minimum shows the special text) rather than a
        // number the rule may not give (the unset text, in the tooltip, says what it is).
        spin->setSpecialValueText(unset ? tr("auto") : QString());
        const double boxValue = unset ? spec.minimum : shown;
        if (integer)
            static_cast<QSpinBox*>(spin)->setValue(static_cast<int>(std::lround(boxValue)));
        else
            static_cast<QDoubleSpinBox*>(spin)->setValue(boxValue);
        slider->setEnabled(!unset);
        spin->setEnabled(!unset);
        if (automatic) {
            const QSignalBlocker blockBox(automatic);
            automatic->setChecked(unset);
        }
    });
}

void ParameterPanel::addFlag(const ParameterSpec& spec, QGridLayout* grid, int& row) {
    auto* box = new QCheckBox(labelText(spec));
    box->setToolTip(spec.toolTip);
    box->setAccessibleName(spec.label);
    grid->addWidget(box, row++, 0, 1, 2);
    m_editors.insert(spec.key, box);
    connect(box, &QCheckBox::toggled, this, [this, key = spec.key](bool on) { edit(key, on); });
    m_show.insert(spec.key, [box](const QVariant& value) {
        const QSignalBlocker block(box);
        box->setChecked(value.toBool());
    });
}

void ParameterPanel::addText(const ParameterSpec& spec, QGridLayout* grid, int& row) {
    QHBoxLayout* layout = addLabelledLine(spec, grid, row);
    // Free text, committed on Enter or when the focus leaves; suggestions in a list.
    QLineEdit* edit = nullptr;
    QWidget* editor = nullptr;
    if (spec.choices.isEmpty()) {
        edit = new QLineEdit;
        editor = edit;
    } else {
        auto* combo = new QComboBox;
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
        for (qsizetype i = 0; i < spec.choices.size(); ++i) {
            combo->addItem(spec.choices[i]);
            if (i < spec.choiceLabels.size())
                combo->setItemData(static_cast<int>(i), spec.choiceLabels[i], Qt::ToolTipRole);
        }
        connect(combo, &QComboBox::activated, this, [this, combo, key = spec.key](int index) {
            this->edit(key, combo->itemText(index));
        });
        edit = combo->lineEdit();
        editor = combo;
    }
    edit->setToolTip(spec.toolTip);
    editor->setToolTip(spec.toolTip);
    editor->setAccessibleName(spec.label);
    layout->addWidget(editor, 1);
    connect(edit, &QLineEdit::editingFinished, this,
            [this, edit, key = spec.key] { this->edit(key, edit->text().trimmed()); });
    if (spec.browse != ParameterSpec::Browse::None) {
        auto* browse = new QToolButton;
        browse->setText(tr("Browse…"));
        browse->setToolTip(tr("Choose %1").arg(spec.label));
        layout->addWidget(browse);
        connect(browse, &QToolButton::clicked, this, [this, spec] {
            const QString path =
                spec.browse == ParameterSpec::Browse::Directory
                    ? QFileDialog::getExistingDirectory(this, spec.label)
                    : QFileDialog::getOpenFileName(this, spec.label, QString(), spec.fileFilter);
            if (!path.isEmpty())
                this->edit(spec.key, spec.browsePrefix + path);
        });
    }
    m_editors.insert(spec.key, editor);
    m_show.insert(spec.key, [edit](const QVariant& value) {
        const QSignalBlocker block(edit);
        edit->setText(value.toString());
    });
}

void ParameterPanel::addRange(const ParameterSpec& spec, QGridLayout* grid, int& row) {
    QHBoxLayout* layout = addLabelledLine(spec, grid, row);
    const auto endBox = [&](const QString& name) {
        auto* box = new QDoubleSpinBox;
        box->setDecimals(spec.decimals);
        box->setRange(spec.minimum, spec.maximum);
        box->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        box->setKeyboardTracking(false);
        box->setToolTip(spec.toolTip);
        box->setAccessibleName(QStringLiteral("%1 %2").arg(spec.label, name));
        // Sized by the panel, not by the widest value the range allows (1e6).
        box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        box->setMinimumWidth(box->fontMetrics().horizontalAdvance(QStringLiteral("00.0000")) + 24);
        return box;
    };
    auto* from = endBox(tr("from"));
    auto* to = endBox(tr("to"));
    auto* count = new QSpinBox;
    count->setRange(1, 10000);
    count->setSuffix(tr(" values"));
    count->setKeyboardTracking(false);
    count->setToolTip(tr("Number of values from the first to the last, inclusive"));
    count->setAccessibleName(tr("%1 points").arg(spec.label));
    layout->addWidget(from, 1);
    layout->addWidget(new QLabel(QStringLiteral("…")));
    layout->addWidget(to, 1);
    grid->addWidget(count, row++, 1); // the count under the ends, where numbers sit
    m_editors.insert(spec.key, from);
    const auto compose = [this, from, to, count, key = spec.key] {
        edit(key, QStringLiteral("%1:%2:%3")
                      .arg(QString::number(from->value(), 'g', 12),
                           QString::number(to->value(), 'g', 12))
                      .arg(count->value()));
    };
    connect(from, &QDoubleSpinBox::valueChanged, this, compose);
    connect(to, &QDoubleSpinBox::valueChanged, this, compose);
    connect(count, &QSpinBox::valueChanged, this, compose);
    m_show.insert(spec.key, [from, to, count](const QVariant& value) {
        const QStringList parts = value.toString().split(QLatin1Char(':'));
        if (parts.size() != 3)
            return;
        const QSignalBlocker b1(from), b2(to), b3(count);
        from->setValue(parts[0].toDouble());
        to->setValue(parts[1].toDouble());
        count->setValue(parts[2].toInt());
    });
}

void ParameterPanel::addChoice(const ParameterSpec& spec, QGridLayout* grid, int& row) {
    auto* label = new QLabel(labelText(spec));
    label->setToolTip(spec.toolTip);
    auto* combo = new ElidingComboBox;
    for (qsizetype i = 0; i < spec.choices.size(); ++i)
        combo->addItem(i < spec.choiceLabels.size() ? spec.choiceLabels[i] : spec.choices[i],
                       spec.choices[i]);
    // Sized by a short text rather than its longest choice, so that a long label such as
    // "Digits (opencv-doc, 5000)" does not widen the whole panel past its dock (the
    // text is elided; the full one is in the list).
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(8);
    combo->setToolTip(spec.toolTip);
    combo->setAccessibleName(spec.label);
    grid->addWidget(label, row, 0);
    grid->addWidget(combo, row++, 1);
    m_editors.insert(spec.key, combo);
    connect(combo, &QComboBox::activated, this, [this, combo, key = spec.key](int index) {
        edit(key, combo->itemData(index).toString());
    });
    m_show.insert(spec.key, [combo](const QVariant& value) {
        const QSignalBlocker block(combo);
        combo->setCurrentIndex(std::max(0, combo->findData(value.toString())));
    });
}

QHBoxLayout* ParameterPanel::addLabelledLine(const ParameterSpec& spec, QGridLayout* grid,
                                             int& row) {
    auto* label = new QLabel(labelText(spec));
    label->setToolTip(spec.toolTip);
    grid->addWidget(label, row++, 0, 1, 2);
    auto* line = new QWidget;
    auto* layout = new QHBoxLayout(line);
    layout->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(line, row++, 0, 1, 2);
    return layout;
}

void ParameterPanel::addFile(const ParameterSpec& spec, QGridLayout* grid, int& row) {
    QHBoxLayout* layout = addLabelledLine(spec, grid, row);
    auto* path = new QLineEdit;
    path->setReadOnly(true);
    path->setPlaceholderText(tr("none (built-in)"));
    path->setToolTip(spec.toolTip);
    auto* browse = new QToolButton;
    browse->setText(tr("Browse…"));
    browse->setToolTip(tr("Choose %1").arg(spec.label));
    auto* clear = new QToolButton;
    clear->setText(QStringLiteral("×"));
    clear->setToolTip(tr("Back to the built-in input"));
    layout->addWidget(path, 1);
    layout->addWidget(browse);
    layout->addWidget(clear);
    m_editors.insert(spec.key, path);
    connect(browse, &QToolButton::clicked, this, [this, spec] {
        const QString file =
            QFileDialog::getOpenFileName(this, spec.label, QString(), spec.fileFilter);
        if (!file.isEmpty())
            edit(spec.key, file);
    });
    connect(clear, &QToolButton::clicked, this, [this, key = spec.key] { edit(key, QString()); });
    m_show.insert(spec.key, [path](const QVariant& value) { path->setText(value.toString()); });
}

void ParameterPanel::edit(const QString& key, const QVariant& value) {
    if (m_values.value(key) == value)
        return;
    Q_EMIT valueEdited(key, value, m_dragSerial);
}

void ParameterPanel::setValues(const ParameterValues& values) {
    for (auto it = values.begin(); it != values.end(); ++it) {
        m_values.insert(it.key(), it.value());
        if (const auto show = m_show.find(it.key()); show != m_show.end())
            (*show)(it.value());
    }
    updateShownRows();
}

void ParameterPanel::updateShownRows() {
    std::vector<bool> shown(m_specs.size(), true);
    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        const ParameterSpec& spec = m_specs[i];
        if (!spec.shownWhenKey.isEmpty())
            shown[i] = spec.shownWhenValues.contains(m_values.value(spec.shownWhenKey).toString());
        for (QWidget* widget : m_rowWidgets[i])
            widget->setVisible(shown[i]);
    }
    for (const auto& [heading, members] : m_headings)
        heading->setVisible(
            std::any_of(members.begin(), members.end(), [&](std::size_t i) { return shown[i]; }));
}

void ParameterPanel::setNote(const QString& html) {
    m_note->setText(html);
}

void ParameterPanel::setHighlighted(const QStringList& keys) {
    m_highlighted = keys;
    for (std::size_t i = 0; i < m_specs.size(); ++i) {
        const bool on = keys.contains(m_specs[i].key);
        for (QWidget* widget : m_rowWidgets[i]) {
            auto* label = qobject_cast<QLabel*>(widget);
            if (!label)
                continue;
            // The palette's highlight, so it reads in every theme; bold for projectors.
            label->setStyleSheet(on ? QStringLiteral("QLabel { background: palette(highlight); "
                                                     "color: palette(highlighted-text); "
                                                     "font-weight: bold; padding: 1px 4px; "
                                                     "border-radius: 3px; }")
                                    : QString());
        }
    }
    if (!keys.isEmpty())
        if (QWidget* first = editor(keys.front()))
            if (auto* scroll = qobject_cast<QScrollArea*>(
                    parentWidget() ? parentWidget()->parentWidget() : nullptr))
                scroll->ensureWidgetVisible(first);
}

QWidget* ParameterPanel::editor(const QString& key) const {
    return m_editors.value(key);
}

} // namespace sdlab::widgets
