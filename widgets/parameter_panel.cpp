#include "parameter_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStyleOptionComboBox>
#include <QStylePainter>
#include <QToolButton>
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
    for (const ParameterSpec& spec : m_specs) {
        if (!spec.group.isEmpty() && spec.group != group) {
            group = spec.group;
            auto* heading = new QLabel(QStringLiteral("<b>%1</b>").arg(group.toHtmlEscaped()));
            heading->setContentsMargins(0, row == 0 ? 0 : 8, 0, 2);
            grid->addWidget(heading, row++, 0, 1, 2);
        }
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
        }
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
    grid->addWidget(label, row++, 0, 1, 2);
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
    m_show.insert(spec.key, [slider, spin, spec, integer](const QVariant& value) {
        const QSignalBlocker blockSlider(slider);
        const QSignalBlocker blockSpin(spin);
        slider->setValue(valueToSlider(spec, value.toDouble()));
        if (integer)
            static_cast<QSpinBox*>(spin)->setValue(value.toInt());
        else
            static_cast<QDoubleSpinBox*>(spin)->setValue(value.toDouble());
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

void ParameterPanel::addFile(const ParameterSpec& spec, QGridLayout* grid, int& row) {
    auto* label = new QLabel(labelText(spec));
    label->setToolTip(spec.toolTip);
    grid->addWidget(label, row++, 0, 1, 2);
    auto* line = new QWidget;
    auto* layout = new QHBoxLayout(line);
    layout->setContentsMargins(0, 0, 0, 0);
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
    grid->addWidget(line, row++, 0, 1, 2);
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
}

void ParameterPanel::setNote(const QString& html) {
    m_note->setText(html);
}

QWidget* ParameterPanel::editor(const QString& key) const {
    return m_editors.value(key);
}

} // namespace sdlab::widgets
