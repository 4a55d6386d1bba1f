#include "learning/update_rule_params.h"

namespace sdlab {

std::string UpdateRuleParams::validationError() const {
    if (std::string e = pre.validationError(); !e.empty())
        return "presynaptic coding: " + e;
    if (std::string e = post.validationError(); !e.empty())
        return "postsynaptic coding: " + e;
    if (productDecay() >= 1.0)
        return "the update sums need kα_x·kα_e < 1, i.e. kp > 0 on at least one side";
    return {};
}

} // namespace sdlab
