#include "data/signals.h"

#include <cmath>
#include <numbers>
#include <random>

namespace sdlab {

std::optional<SignalKind> parseSignalKind(std::string_view name) {
    if (name == "sine")
        return SignalKind::Sine;
    if (name == "step")
        return SignalKind::Step;
    if (name == "smooth")
        return SignalKind::Smooth;
    if (name == "noise")
        return SignalKind::Noise;
    return std::nullopt;
}

std::vector<double> makeSignal(SignalKind kind, std::size_t steps, std::uint64_t seed) {
    std::vector<double> x(steps, 0.0);
    std::mt19937_64 engine(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    switch (kind) {
    case SignalKind::Sine:
        for (std::size_t t = 0; t < steps; ++t)
            x[t] = std::sin(2.0 * std::numbers::pi * static_cast<double>(t + 1) / 100.0);
        break;
    case SignalKind::Step: {
        std::uniform_real_distribution<double> level(-1.0, 1.0);
        double current = 0.0;
        for (std::size_t t = 0; t < steps; ++t) {
            if (t % 100 == 0)
                current = level(engine);
            x[t] = current;
        }
        break;
    }
    case SignalKind::Smooth: {
        const double a = 1.0 / 20.0;
        double first = 0.0, second = 0.0;
        for (std::size_t t = 0; t < steps; ++t) {
            first += a * (normal(engine) - first);
            second += a * (first - second);
            x[t] = second;
        }
        double sumSquares = 0.0;
        for (double v : x)
            sumSquares += v * v;
        const double rms = steps ? std::sqrt(sumSquares / static_cast<double>(steps)) : 0.0;
        if (rms > 0.0)
            for (double& v : x)
                v /= rms;
        break;
    }
    case SignalKind::Noise:
        for (double& v : x)
            v = normal(engine);
        break;
    }
    return x;
}

std::vector<double> makeSweepWeight(std::size_t steps, std::uint64_t seed) {
    return makeSignal(SignalKind::Smooth, steps, seed + 1);
}

std::vector<double> makeUniformVector(std::size_t dimension, std::uint64_t seed) {
    std::mt19937_64 engine(seed);
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    std::vector<double> v(dimension);
    for (double& value : v)
        value = uniform(engine);
    return v;
}

} // namespace sdlab
