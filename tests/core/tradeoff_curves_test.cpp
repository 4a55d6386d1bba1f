// The Learning lab's Trade-off view reads `scales` and `early` results: curves per network
// and order, points in λ order from the unoptimised net, the dense references as points.
#include "io/input_error.h"
#include "training/tradeoff_curves.h"

#include <cmath>
#include <gtest/gtest.h>

namespace sdlab {
namespace {

TEST(TradeoffCurves, ScalesRowsBecomeOneCurvePerNetworkAndOrder) {
    const std::string text = "lambda,test_error,adds,mults,energy_mj,network,order,train_error\n"
                             ",0.1,100,100,0,original,any,0.05\n"
                             ",0.1,40,40,0,original-sparse,any,0.05\n"
                             "1e-05,0.3,20,0,0,rounding,any,0.2\n"
                             ",0.4,30,0,0,rounding,any,0.3\n"
                             "1e-07,0.12,60,0,0,rounding,any,0.06\n"
                             "1e-07,0.12,50,0,0,sigma-delta,temporal,0.06\n"
                             "1e-07,0.12,70,0,0,sigma-delta,stored,0.06\n";
    const std::vector<TradeoffCurve> curves =
        tradeoffCurvesOfScales(readScalesTradeoff(text, "tradeoff.csv"));
    ASSERT_EQ(curves.size(), 5U);
    EXPECT_EQ(curves[0].name, "Original (dense)");
    EXPECT_TRUE(curves[0].reference);
    ASSERT_EQ(curves[0].points.size(), 1U);
    EXPECT_DOUBLE_EQ(curves[0].points[0].operations, 200.0); // a multiply and an add each
    EXPECT_DOUBLE_EQ(curves[1].points[0].operations, 80.0);
    EXPECT_FALSE(curves[2].reference);
    ASSERT_EQ(curves[2].points.size(), 3U); // unoptimised, then λ ascending
    EXPECT_EQ(curves[2].points[0].label, "every scale 1");
    EXPECT_FALSE(curves[2].points[0].onCurve); // a point beside the λ curve
    EXPECT_TRUE(curves[2].points[1].onCurve);
    EXPECT_DOUBLE_EQ(curves[2].points[0].operations, 30.0);
    EXPECT_EQ(curves[2].points[1].label, "λ = 1e-07");
    EXPECT_DOUBLE_EQ(curves[2].points[1].testError, 0.12);
    EXPECT_DOUBLE_EQ(curves[2].points[2].operations, 20.0);
    EXPECT_EQ(curves[3].name, "Σ-Δ, stored order");
    EXPECT_DOUBLE_EQ(curves[3].points[0].operations, 70.0);
    EXPECT_EQ(curves[4].name, "Σ-Δ, temporal order");
    EXPECT_DOUBLE_EQ(curves[4].points[0].operations, 50.0);
}

// Clicking a point of the Trade-off view shows its scales: scales.csv's rows for that λ.
TEST(TradeoffCurves, ScalesOfEachLambdaJoinItsRoundingAndSigmaDeltaPoints) {
    const std::string tradeoff =
        "lambda,test_error,adds,mults,energy_mj,network,order,train_error\n"
        ",0.1,100,100,0,original,any,0.05\n"
        ",0.4,30,0,0,rounding,any,0.3\n"
        "1e-07,0.12,60,0,0,rounding,any,0.06\n"
        "1e-07,0.12,50,0,0,sigma-delta,temporal,0.06\n";
    std::vector<TradeoffCurve> curves =
        tradeoffCurvesOfScales(readScalesTradeoff(tradeoff, "tradeoff.csv"));
    attachScales(curves, readScales("lambda,layer,scale\n,0,1\n,1,1\n"
                                    "1e-07,1,0.25\n1e-07,0,3.5\n",
                                    "scales.csv"));
    ASSERT_EQ(curves.size(), 3U);
    EXPECT_TRUE(curves[0].points[0].scales.empty()); // the original net has none
    const TradeoffPoint& unoptimised = curves[1].points[0];
    EXPECT_TRUE(std::isnan(unoptimised.lambda));
    EXPECT_EQ(unoptimised.scales, (std::vector<std::vector<double>>{{1.0}, {1.0}}));
    EXPECT_DOUBLE_EQ(curves[1].points[1].lambda, 1e-7);
    const std::vector<std::vector<double>> optimised{{3.5}, {0.25}}; // by layer, not by row
    EXPECT_EQ(curves[1].points[1].scales, optimised);
    EXPECT_EQ(curves[2].points[0].scales, optimised);

    // Per unit: one scale per unit of each layer input.
    attachScales(curves, readScales("lambda,layer,unit,scale\n1e-07,0,1,2\n1e-07,0,0,4\n"
                                    "1e-07,1,0,8\n",
                                    "scales.csv"));
    EXPECT_EQ(curves[2].points[0].scales, (std::vector<std::vector<double>>{{4.0, 2.0}, {8.0}}));
}

TEST(TradeoffCurves, BrokenScalesAreRefusedByName) {
    std::vector<TradeoffCurve> curves = tradeoffCurvesOfScales(
        readScalesTradeoff("lambda,test_error,adds,mults,energy_mj,network,order,train_error\n"
                           "1e-07,0.12,60,0,0,rounding,any,0.06\n",
                           "tradeoff.csv"));
    for (const char* broken : {"lambda,layer,scale\n1e-07,0.5,1\n",          // a fractional layer
                               "lambda,layer,scale\n1e-07,-1,1\n",           // a negative one
                               "lambda,layer,scale\n1e-07,0,0\n",            // a scale of 0
                               "lambda,layer,scale\n1e-07,1,1\n",            // layer 0 missing
                               "lambda,layer,scale\n1e-07,0,1\n1e-07,0,2\n", // twice
                               "lambda,layer,unit,scale\n1e-07,0,1,2\n",     // unit 0 missing
                               "lambda,scale\n1e-07,1\n"}) {                 // no layer
        try {
            attachScales(curves, readScales(broken, "x/scales.csv"));
            ADD_FAILURE() << "read: " << broken;
        } catch (const InputError& e) {
            EXPECT_NE(std::string(e.what()).find("x/scales.csv"), std::string::npos) << e.what();
        }
    }
}

TEST(TradeoffCurves, AFileOfAnotherKindIsRefusedByName) {
    EXPECT_THROW(readScalesTradeoff("step,test_error\n1,0.5\n", "early.csv").textColumn("network"),
                 InputError);
    const std::string foreign = "lambda,test_error,adds,mults,energy_mj,network,order,train_error\n"
                                "1,0.5,1,1,0,mystery,any,0.5\n";
    try {
        tradeoffCurvesOfScales(readScalesTradeoff(foreign, "x/tradeoff.csv"));
        FAIL() << "a table of unknown networks was read";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("x/tradeoff.csv"), std::string::npos) << e.what();
    }
}

TEST(TradeoffCurves, EarlyGuessesAndTheDenseReference) {
    const CsvTable early = CsvTable::parse("step,test_error,cum_adds,cum_mults\n"
                                           "1,0.5,10,4\n2,0.2,25,4\n",
                                           "early.csv");
    const JsonValue summary = parseJson(
        R"({"dense_test_error": 0.08, "dense_adds": 300, "dense_mults": 300})", "summary.json");
    const std::vector<TradeoffCurve> curves = tradeoffCurvesOfEarly(early, &summary, "LIF");
    ASSERT_EQ(curves.size(), 2U);
    ASSERT_EQ(curves[0].points.size(), 2U);
    EXPECT_DOUBLE_EQ(curves[0].points[1].operations, 29.0);
    EXPECT_EQ(curves[0].points[1].label, "step 2");
    EXPECT_TRUE(curves[1].reference);
    EXPECT_DOUBLE_EQ(curves[1].points[0].operations, 600.0);
    EXPECT_DOUBLE_EQ(curves[1].points[0].testError, 0.08);
    EXPECT_EQ(tradeoffCurvesOfEarly(early, nullptr, "LIF").size(), 1U);
}

} // namespace
} // namespace sdlab
