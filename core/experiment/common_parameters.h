#pragma once

#include "coding/pd_params.h"
#include "equilibrium/spiking_settler.h"
#include "experiment/parameter.h"
#include "experiment/parameter_values.h"
#include "neurons/surrogate_gradient.h"

#include <map>
#include <string>
#include <vector>

// Parameters several experiments share, so each is described once.
namespace sdlab::common {

// The built-in signals of data/signals.h (key "signal").
Parameter signalParameter(const std::string& group);
// The length of built-in inputs (key "steps").
Parameter stepsParameter(double fallback, double maximum, const std::string& help,
                         const std::string& group);
// Every random draw's seed (key "seed"), 0 .. 2^31 - 1.
Parameter seedParameter(const std::string& group);
// kp and kd of spec §2 (ICLR'18 eqs. 5-6).
Parameter kpParameter(const std::string& key, double fallback, const std::string& group);
Parameter kdParameter(const std::string& key, double fallback, const std::string& group);
// A CSV input file (key "input"), which replaces the keys in `replaces`.
Parameter csvInputParameter(const std::string& label, const std::string& help,
                            std::vector<std::string> replaces, const std::string& group);
// Version-1 presets: a key the preset left out took the version-1 lab's default; where
// that default has changed since, it is put back so the preset means what it meant.
void keepVersion1Defaults(std::map<std::string, ParameterValue>& values,
                          std::initializer_list<std::pair<const char*, ParameterValue>> defaults);
// A choice from value/label pairs.
std::vector<ParameterChoice> choices(std::initializer_list<ParameterChoice> list);

// A surrogate gradient (spec §10): its kind under `kindKey` ("surrogate"; the surrogate
// command's "kind") and its slope ("slope", unset: the kind's default), and the
// surrogate they give.
Parameter surrogateKindParameter(const std::string& kindKey, const std::string& help,
                                 const std::string& group);
Parameter surrogateSlopeParameter(const std::string& help, const std::string& group);
SurrogateGradient surrogateFrom(const ParameterValues& values, const std::string& kindKey);

// Spiking EqProp's coding and step sizes (thesis ch. 8): encoder, anneal, epsilon0, eta,
// osa-target, lambda; and the settings they give (with "seed"), checked.
std::vector<Parameter> spikingEqPropParameters(const std::string& group);
SpikingEqPropSettings spikingEqPropSettings(const ParameterValues& values);

// Reads kp/kd under two keys and checks them (spec §2: kp, kd ≥ 0, kp + kd > 0).
PdParams pdParams(const ParameterValues& values, const std::string& kpKey,
                  const std::string& kdKey);
// The built-in signal named by "signal", "steps" and "seed".
std::vector<double> builtinSignal(const ParameterValues& values);
// "signal:smooth" or the input file's path, for summaries.
std::string sourceName(const ParameterValues& values);

} // namespace sdlab::common
