#include "models/dense_layer.h"

#include "models/classifier.h"

#include <cmath>

namespace sdlab {

void visitDenseLayer(std::size_t index, DenseLayer& layer, LearnedParameterVisitor& visitor) {
    const std::string prefix = "layer" + std::to_string(index + 1) + ".";
    visitor.visit(prefix + "weights", layer.weights);
    visitor.visit(prefix + "bias", layer.bias);
}

void visitDenseLayers(std::vector<DenseLayer>& layers, LearnedParameterVisitor& visitor) {
    for (std::size_t l = 0; l < layers.size(); ++l)
        visitDenseLayer(l, layers[l], visitor);
}

DenseLayer DenseLayer::xavier(Eigen::Index dIn, Eigen::Index dOut, std::mt19937_64& rng) {
    const double limit = std::sqrt(6.0 / static_cast<double>(dIn + dOut));
    std::uniform_real_distribution<double> uniform(-limit, limit);
    DenseLayer layer{RowMatrix(dIn, dOut), Eigen::VectorXd::Zero(dOut)};
    for (Eigen::Index i = 0; i < dIn; ++i)
        for (Eigen::Index j = 0; j < dOut; ++j)
            layer.weights(i, j) = uniform(rng);
    return layer;
}

DenseLayer DenseLayer::normal(Eigen::Index dIn, Eigen::Index dOut, double sigma,
                              std::mt19937_64& rng) {
    std::normal_distribution<double> gaussian(0.0, sigma);
    DenseLayer layer{RowMatrix(dIn, dOut), Eigen::VectorXd::Zero(dOut)};
    for (Eigen::Index i = 0; i < dIn; ++i)
        for (Eigen::Index j = 0; j < dOut; ++j)
            layer.weights(i, j) = gaussian(rng);
    return layer;
}

double softmaxNll(const Eigen::VectorXd& z, int label, Eigen::VectorXd& p) {
    const double top = z.maxCoeff();
    p = (z.array() - top).exp();
    const double sum = p.sum();
    p /= sum;
    return -(z(label) - top - std::log(sum));
}

int argmax(const Eigen::VectorXd& v) {
    Eigen::Index best = 0;
    v.maxCoeff(&best);
    return static_cast<int>(best);
}

} // namespace sdlab
