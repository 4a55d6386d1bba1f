#pragma once

#include "experiment/experiment.h"
#include "widgets/parameter_spec.h"

namespace sdlab::gui {

// The bridge between an experiment's description (core) and the parameter panel: the
// panel draws what the description says, and the panel's values become the checked
// values a lab's computation reads. Nothing here decides what is valid; core does.

// Every parameter the lab shows (all but the command-line-only ones), in order.
widgets::ParameterSpecs panelSpecs(const Experiment& experiment);

QVariant toVariant(const ParameterValue& value); // unset → an invalid QVariant
ParameterValue fromVariant(const QVariant& value);
widgets::ParameterValues toVariantMap(const ParameterValues& values);
// Values by key (aliases too) as core values, unchecked.
std::map<std::string, ParameterValue> fromVariantMap(const widgets::ParameterValues& values);

// The panel's values as a run reads them: completed, normalised and checked by the
// description (InputError naming the parameter and the problem).
ParameterValues checkedLabValues(const Experiment& experiment,
                                 const widgets::ParameterValues& values);

} // namespace sdlab::gui
