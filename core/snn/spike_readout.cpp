#include "snn/spike_readout.h"

#include <cmath>

namespace sdlab {

namespace {

// −log softmax(z)_y, and p − onehot(y) (its gradient) into grad.
double crossEntropy(const Eigen::VectorXd& z, int label, Eigen::VectorXd& grad) {
    const double top = z.maxCoeff();
    grad = (z.array() - top).exp();
    const double sum = grad.sum();
    grad /= sum;
    const double loss = -(z(label) - top - std::log(sum));
    grad(label) -= 1.0;
    return loss;
}

Eigen::Index column(const OutputRecord& o, int t, int j) {
    return Eigen::Index{t} * o.batch + j;
}

} // namespace

int firstSpikeStep(const OutputRecord& o, Eigen::Index unit, int j) {
    for (int t = 0; t < o.steps; ++t)
        if (o.spikes(unit, column(o, t, j)) > 0.0)
            return t;
    return o.steps - 1;
}

void computeSpikeLoss(const LifNetworkSettings& s, const OutputRecord& o,
                      const std::vector<int>& labels, double meanOver, LossGradient& result) {
    const Eigen::Index classes = o.spikes.rows(), cols = o.spikes.cols();
    const double batch = meanOver, steps = o.steps;
    const bool membrane = lossReadsMembrane(s.loss);
    if (membrane) {
        result.dMembrane.setZero(classes, cols);
        result.dSpikes.resize(0, 0);
    } else {
        result.dSpikes.setZero(classes, cols);
        result.dMembrane.resize(0, 0);
    }
    result.losses.assign(static_cast<std::size_t>(o.batch), 0.0);
    Eigen::VectorXd z(classes), grad(classes);
    for (int j = 0; j < o.batch; ++j) {
        const int y = labels[static_cast<std::size_t>(j)];
        double& loss = result.losses[static_cast<std::size_t>(j)];
        switch (s.loss) {
        case SpikeLoss::CeMembrane: // Σ_t CE(U_t, y)
            for (int t = 0; t < o.steps; ++t) {
                loss += crossEntropy(o.membrane.col(column(o, t, j)), y, grad);
                result.dMembrane.col(column(o, t, j)) = grad / batch;
            }
            break;
        case SpikeLoss::CeRate: // (1/T)·Σ_t CE(S_t, y)
            for (int t = 0; t < o.steps; ++t) {
                loss += crossEntropy(o.spikes.col(column(o, t, j)), y, grad) / steps;
                result.dSpikes.col(column(o, t, j)) = grad / (steps * batch);
            }
            break;
        case SpikeLoss::CeCount:
        case SpikeLoss::MseCount: {
            z.setZero();
            for (int t = 0; t < o.steps; ++t)
                z += o.spikes.col(column(o, t, j));
            if (s.loss == SpikeLoss::CeCount) {
                loss = crossEntropy(z, y, grad);
                grad /= batch;
            } else { // targets as snnTorch: int(T·rate)
                const double on = std::floor(steps * s.correctRate);
                const double off = std::floor(steps * s.incorrectRate);
                Eigen::VectorXd error = z.array() - off;
                error(y) = z(y) - on;
                loss = error.squaredNorm() / static_cast<double>(classes) / steps;
                grad = 2.0 * error / (static_cast<double>(classes) * steps * batch);
            }
            for (int t = 0; t < o.steps; ++t)
                result.dSpikes.col(column(o, t, j)) = grad;
            break;
        }
        case SpikeLoss::CeMaxMembrane: { // CE(max_t U_t, y); the gradient goes to the argmax
            std::vector<int> at(static_cast<std::size_t>(classes), 0);
            for (Eigen::Index c = 0; c < classes; ++c) {
                z(c) = o.membrane(c, column(o, 0, j));
                for (int t = 1; t < o.steps; ++t)
                    if (o.membrane(c, column(o, t, j)) > z(c)) {
                        z(c) = o.membrane(c, column(o, t, j));
                        at[static_cast<std::size_t>(c)] = t;
                    }
            }
            loss = crossEntropy(z, y, grad);
            for (Eigen::Index c = 0; c < classes; ++c)
                result.dMembrane(c, column(o, at[static_cast<std::size_t>(c)], j)) =
                    grad(c) / batch;
            break;
        }
        case SpikeLoss::MseMembrane: // (1/T)·Σ_t mean_c (U_t − onehot)²
            for (int t = 0; t < o.steps; ++t) {
                Eigen::VectorXd error = o.membrane.col(column(o, t, j));
                error(y) -= 1.0;
                loss += error.squaredNorm() / static_cast<double>(classes) / steps;
                result.dMembrane.col(column(o, t, j)) =
                    2.0 * error / (static_cast<double>(classes) * steps * batch);
            }
            break;
        case SpikeLoss::CeTemporal: { // CE(−f, y); ∂f/∂S_f = −1 at the first spike
            std::vector<int> first(static_cast<std::size_t>(classes));
            for (Eigen::Index c = 0; c < classes; ++c) {
                first[static_cast<std::size_t>(c)] = firstSpikeStep(o, c, j);
                z(c) = -first[static_cast<std::size_t>(c)];
            }
            loss = crossEntropy(z, y, grad);
            for (Eigen::Index c = 0; c < classes; ++c)
                result.dSpikes(c, column(o, first[static_cast<std::size_t>(c)], j)) =
                    grad(c) / batch;
            break;
        }
        }
    }
}

int decodeSample(SpikeDecoding decoding, const OutputRecord& o, int j) {
    const Eigen::Index classes = o.spikes.rows();
    int best = 0;
    switch (decoding) {
    case SpikeDecoding::Rate: {
        // Ties (e.g. several outputs firing every step) go to the larger summed membrane,
        // not to the first class: a membrane-trained output saturates at T spikes.
        Eigen::VectorXd counts = Eigen::VectorXd::Zero(classes);
        Eigen::VectorXd charge = Eigen::VectorXd::Zero(classes);
        for (int t = 0; t < o.steps; ++t) {
            counts += o.spikes.col(column(o, t, j));
            charge += o.membrane.col(column(o, t, j));
        }
        for (Eigen::Index c = 1; c < classes; ++c)
            if (counts(c) > counts(best) || (counts(c) == counts(best) && charge(c) > charge(best)))
                best = static_cast<int>(c);
        break;
    }
    case SpikeDecoding::Latency: {
        int bestStep = firstSpikeStep(o, 0, j);
        for (Eigen::Index c = 1; c < classes; ++c) {
            const int step = firstSpikeStep(o, c, j);
            const bool tie = step == bestStep && o.membrane(c, column(o, step, j)) >
                                                     o.membrane(best, column(o, step, j));
            if (step < bestStep || tie) {
                best = static_cast<int>(c);
                bestStep = step;
            }
        }
        break;
    }
    case SpikeDecoding::Membrane: {
        double top = -INFINITY;
        for (Eigen::Index c = 0; c < classes; ++c)
            for (int t = 0; t < o.steps; ++t)
                if (o.membrane(c, column(o, t, j)) > top) {
                    top = o.membrane(c, column(o, t, j));
                    best = static_cast<int>(c);
                }
        break;
    }
    }
    return best;
}

} // namespace sdlab
