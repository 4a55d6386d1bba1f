#include "training/tradeoff_curves.h"

#include "io/input_error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace sdlab {

CsvTable readScalesTradeoff(const std::string& text, const std::string& sourceName) {
    return CsvTable::parse(text, sourceName, {"lambda"}, {"network", "order"});
}

CsvTable readScalesTradeoffFile(const std::string& path) {
    return CsvTable::read(path, {"lambda"}, {"network", "order"});
}

std::vector<TradeoffCurve> tradeoffCurvesOfScales(const CsvTable& table) {
    const std::vector<double>& lambda = table.column("lambda");
    const std::vector<double>& error = table.column("test_error");
    const std::vector<double>& adds = table.column("adds");
    const std::vector<double>& mults = table.column("mults");
    const std::vector<std::string>& network = table.textColumn("network");
    const std::vector<std::string>& order = table.textColumn("order");
    // Curves in a fixed order, whatever the rows' order.
    const std::vector<std::pair<std::string, std::string>> kinds{
        {"original", "any"},       {"original-sparse", "any"},  {"rounding", "any"},
        {"sigma-delta", "stored"}, {"sigma-delta", "temporal"},
    };
    const std::map<std::pair<std::string, std::string>, std::string> names{
        {{"original", "any"}, "Original (dense)"},
        {{"original-sparse", "any"}, "Original (sparse, eq. B.13)"},
        {{"rounding", "any"}, "Rounding"},
        {{"sigma-delta", "stored"}, "Σ-Δ, stored order"},
        {{"sigma-delta", "temporal"}, "Σ-Δ, temporal order"},
    };
    std::vector<TradeoffCurve> curves;
    for (const auto& kind : kinds) {
        TradeoffCurve curve;
        curve.name = names.at(kind);
        curve.reference = kind.first.starts_with("original");
        // The unoptimised row (λ empty) first, then λ ascending.
        std::vector<std::size_t> rows;
        for (std::size_t r = 0; r < table.rowCount(); ++r)
            if (network[r] == kind.first && order[r] == kind.second)
                rows.push_back(r);
        std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
            const bool aUnset = std::isnan(lambda[a]), bUnset = std::isnan(lambda[b]);
            return aUnset != bUnset ? aUnset : (!aUnset && lambda[a] < lambda[b]);
        });
        for (std::size_t r : rows) {
            char label[64];
            if (std::isnan(lambda[r]))
                std::snprintf(label, sizeof label, "%s", curve.reference ? "" : "every scale 1");
            else
                std::snprintf(label, sizeof label, "λ = %.3g", lambda[r]);
            curve.points.push_back(
                {adds[r] + mults[r], error[r], label, curve.reference || !std::isnan(lambda[r])});
        }
        if (!curve.points.empty())
            curves.push_back(std::move(curve));
    }
    if (curves.empty())
        throw InputError(table.sourceName() +
                         ": no rows of a known network (original, rounding, sigma-delta)");
    return curves;
}

std::vector<TradeoffCurve> tradeoffCurvesOfEarly(const CsvTable& early, const JsonValue* summary,
                                                 const std::string& modelName) {
    const std::vector<double>& step = early.column("step");
    const std::vector<double>& error = early.column("test_error");
    const std::vector<double>& adds = early.column("cum_adds");
    const std::vector<double>& mults = early.column("cum_mults");
    TradeoffCurve guesses;
    guesses.name = modelName + ", answering after each step";
    for (std::size_t r = 0; r < early.rowCount(); ++r)
        guesses.points.push_back(
            {adds[r] + mults[r], error[r], "step " + std::to_string(std::lround(step[r]))});
    std::vector<TradeoffCurve> curves{std::move(guesses)};
    if (summary) {
        const JsonValue* denseError = summary->member("dense_test_error");
        const JsonValue* denseAdds = summary->member("dense_adds");
        const JsonValue* denseMults = summary->member("dense_mults");
        if (denseError && denseError->number() && denseAdds && denseAdds->number() && denseMults &&
            denseMults->number())
            curves.push_back(
                {"Dense net of the same layers",
                 {{*denseAdds->number() + *denseMults->number(), *denseError->number(), ""}},
                 true});
    }
    return curves;
}

} // namespace sdlab
