#include "data/image_dataset.h"

namespace sdlab {

void LabelledImages::features(std::size_t index, Eigen::VectorXd& x) const {
    const Eigen::Index n = static_cast<Eigen::Index>(pixelCount());
    x.resize(n);
    const std::uint8_t* p = image(index);
    for (Eigen::Index i = 0; i < n; ++i)
        x(i) = p[i] * (1.0 / 255.0);
}

void LabelledImages::featureColumns(const std::vector<std::uint32_t>& indices, std::size_t first,
                                    std::size_t count, Eigen::MatrixXd& out) const {
    const Eigen::Index n = static_cast<Eigen::Index>(pixelCount());
    out.resize(n, static_cast<Eigen::Index>(count));
    for (std::size_t k = 0; k < count; ++k) {
        const std::uint8_t* p = image(indices.empty() ? first + k : indices[first + k]);
        for (Eigen::Index i = 0; i < n; ++i)
            out(i, static_cast<Eigen::Index>(k)) = p[i] * (1.0 / 255.0);
    }
}

} // namespace sdlab
