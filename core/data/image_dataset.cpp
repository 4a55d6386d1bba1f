#include "data/image_dataset.h"

namespace sdlab {

void LabelledImages::features(std::size_t index, Eigen::VectorXd& x) const {
    const Eigen::Index n = static_cast<Eigen::Index>(pixelCount());
    x.resize(n);
    const std::uint8_t* p = image(index);
    for (Eigen::Index i = 0; i < n; ++i)
        x(i) = p[i] * (1.0 / 255.0);
}

} // namespace sdlab
