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
            curve.points.push_back({adds[r] + mults[r], error[r], label,
                                    curve.reference || !std::isnan(lambda[r]), lambda[r]});
        }
        if (!curve.points.empty())
            curves.push_back(std::move(curve));
    }
    if (curves.empty())
        throw InputError(table.sourceName() +
                         ": no rows of a known network (original, rounding, sigma-delta)");
    return curves;
}

CsvTable readScales(const std::string& text, const std::string& sourceName) {
    return CsvTable::parse(text, sourceName, {"lambda"});
}

CsvTable readScalesFile(const std::string& path) {
    return CsvTable::read(path, {"lambda"});
}

namespace {

// One λ's scales, [layer][unit], from the rows of scales.csv that hold it.
using LayerScales = std::vector<std::vector<double>>;

// Equal λ, the empty one (NaN) included: both sides were read from the same text.
bool sameLambda(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

} // namespace

void attachScales(std::vector<TradeoffCurve>& curves, const CsvTable& table) {
    const std::vector<double>& lambda = table.column("lambda");
    const std::vector<double>& scale = table.column("scale");
    const bool perUnit = table.hasColumn("unit");
    std::vector<std::pair<double, LayerScales>> byLambda;
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        const std::size_t l = wholeNumberCell(table, "layer", r);
        const std::size_t u = perUnit ? wholeNumberCell(table, "unit", r) : 0;
        if (!(scale[r] > 0.0))
            throw InputError(table.sourceName() + ": row " + std::to_string(r + 2) + ": scale " +
                             formatNumber(scale[r]) + " is not positive");
        auto entry = std::find_if(byLambda.begin(), byLambda.end(),
                                  [&](const auto& e) { return sameLambda(e.first, lambda[r]); });
        if (entry == byLambda.end())
            entry = byLambda.insert(byLambda.end(), {lambda[r], {}});
        LayerScales& scales = entry->second;
        if (scales.size() <= l)
            scales.resize(l + 1);
        if (scales[l].size() <= u)
            scales[l].resize(u + 1, std::numeric_limits<double>::quiet_NaN());
        if (!std::isnan(scales[l][u]))
            throw InputError(table.sourceName() + ": row " + std::to_string(r + 2) +
                             ": a second scale for layer " + std::to_string(l) +
                             (perUnit ? ", unit " + std::to_string(u) : std::string()));
        scales[l][u] = scale[r];
    }
    for (const auto& [lambdaValue, scales] : byLambda)
        for (std::size_t l = 0; l < scales.size(); ++l)
            if (scales[l].empty() || std::any_of(scales[l].begin(), scales[l].end(),
                                                 [](double k) { return std::isnan(k); }))
                throw InputError(table.sourceName() + ": layer " + std::to_string(l) +
                                 " has missing scales");
    for (TradeoffCurve& curve : curves) {
        if (curve.reference)
            continue; // the original net has no scales
        for (TradeoffPoint& point : curve.points)
            for (const auto& [lambdaValue, scales] : byLambda)
                if (sameLambda(lambdaValue, point.lambda))
                    point.scales = scales;
    }
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
