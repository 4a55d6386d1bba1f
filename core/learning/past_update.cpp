#include "learning/past_update.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace sdlab {

namespace {

// The auto-tuner rebuilds kp, kd from (kα, kβ) every step, which moves kα by an ulp or
// so; only a change beyond rounding is a new decay.
bool decayChanged(double before, double after) {
    return std::abs(after - before) > 1e-12;
}

// Column entries are one cache line each, d_out·8 bytes apart; fetching them this many
// rows ahead keeps enough misses in flight to hide the memory latency.
constexpr Eigen::Index kPrefetchRows = 8;
// Dividing by kα^age stays finite and exact to rounding while kα^age is at least this.
constexpr double kSmallestDecay = 1e-200;

} // namespace

PastUpdate::PastUpdate(Eigen::Index dIn, Eigen::Index dOut, const UpdateRuleParams& params)
    : m_traces(dIn, dOut, params), m_preTime(static_cast<std::size_t>(dIn), 0),
      m_postTime(static_cast<std::size_t>(dOut), 0), m_xAfter(Eigen::ArrayXd::Zero(dIn)),
      m_eAfter(Eigen::ArrayXd::Zero(dOut)), m_postAge(dOut), m_postGap(dOut) {
    setDecays(params);
    m_columns.reserve(static_cast<std::size_t>(dOut));
}

void PastUpdate::setDecays(const UpdateRuleParams& params) {
    m_preDecay = DecayPowers(params.pre.kAlpha());
    m_postDecay = DecayPowers(params.post.kAlpha());
    m_maxAge =
        std::min(m_preDecay.stepsAbove(kSmallestDecay), m_postDecay.stepsAbove(kSmallestDecay));
}

void PastUpdate::setParams(const UpdateRuleParams& params) {
    const bool changed = decayChanged(m_preDecay.decay(), params.pre.kAlpha()) ||
                         decayChanged(m_postDecay.decay(), params.post.kAlpha());
    if (changed && !m_settlePending) {
        m_settlePending = true;
        m_settleGeometricSum = m_traces.params().geometricSum();
    }
    m_traces.setParams(params);
}

void PastUpdate::settleAll(RowMatrix& dW, double gain) {
    // Σ_{s=τ}^{now−1} x̂_s·ê_s = gs·(u − x̂ê) at the old decay; the step `now` is counted
    // by the restarted synapse, whose new u is x̂ê.
    const double scale = gain * m_settleGeometricSum;
    const Eigen::ArrayXd& xHat = m_traces.xHat();
    const Eigen::ArrayXd& eHat = m_traces.eHat();
    for (Eigen::Index i = 0; i < dW.rows(); ++i)
        for (Eigen::Index j = 0; j < dW.cols(); ++j)
            dW(i, j) += scale * (lastProduct(i, j) - xHat(i) * eHat(j));
    std::fill(m_preTime.begin(), m_preTime.end(), m_now);
    std::fill(m_postTime.begin(), m_postTime.end(), m_now);
    m_xAfter = xHat;
    m_eAfter = eHat;
    setDecays(m_traces.params());
    m_settlePending = false;
}

void PastUpdate::step(const Eigen::ArrayXd& preSpikes, const Eigen::ArrayXd& postSpikes,
                      RowMatrix& dW, double gain) {
    if (m_settlePending)
        settleAll(dW, gain);
    ++m_now;
    m_traces.beginStep(preSpikes, postSpikes);
    const auto& pre = m_traces.activePre();
    const auto& post = m_traces.activePost();
    if (pre.empty() && post.empty())
        return;
    const double scale = gain * m_traces.params().geometricSum();
    // The traces decayed to this step pair with u in the update; after this step's spikes
    // are added they become the spiking neurons' new xAfter/eAfter.
    m_xBefore = m_traces.xHat();
    m_eBefore = m_traces.eHat();
    if (!pre.empty())
        updateSpikingRows(dW, scale);
    if (!post.empty())
        updateSpikingColumns(dW, scale);
    m_traces.addPre(preSpikes);
    m_traces.addPost(postSpikes);
    for (Eigen::Index i : pre) {
        m_preTime[static_cast<std::size_t>(i)] = m_now;
        m_xAfter(i) = m_traces.xHat()(i);
    }
    for (Eigen::Index j : post) {
        m_postTime[static_cast<std::size_t>(j)] = m_now;
        m_eAfter(j) = m_traces.eHat()(j);
    }
}

// With ages a_i = now − tPre_i, b_j = now − tPost_j and the traces decayed to now,
// x̂_i = xAfter_i·kα_x^a_i and ê_j = eAfter_j·kα_e^b_j, the synapse's update is
//   u − v = x̂_i·(eAfter_j/kα_x^b_j − ê_j) = x̂_i·H_j        when a_i ≥ b_j (pre older),
//   u − v = ê_j·(xAfter_i/kα_e^a_i − x̂_i) = R_i·ê_j        otherwise,
// one compare and one multiply per synapse from per-neuron H_j, R_i. Ages up to
// m_maxAge keep kα^age far from underflow; older neurons take the exact table path.
void PastUpdate::prepareColumns() {
    const Eigen::Index dOut = m_eAfter.size();
    for (Eigen::Index j = 0; j < dOut; ++j) {
        const std::int64_t age = m_now - m_postTime[static_cast<std::size_t>(j)];
        m_postAge(j) = static_cast<double>(age);
        m_postGap(j) = age <= m_maxAge ? m_eAfter(j) / m_preDecay(age) - m_eBefore(j) : 0.0;
    }
}

double PastUpdate::rowGap(Eigen::Index i, std::int64_t age) const {
    return m_xAfter(i) / m_postDecay(age) - m_xBefore(i);
}

namespace {

// dW_i· += (a ≥ b_j ? x̂_i·H_j : R_i·ê_j) over a whole row, four columns at a time with
// a compare-and-blend (GCC/Clang vector extensions), as the compiler does not if-convert
// the scalar loop; an AVX2 clone is picked at load time where the CPU has it.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
void addRow(double* __restrict dwRow, double age, double xBefore, double rowGap,
            const double* __restrict postAge, const double* __restrict postGap,
            const double* __restrict eBefore, Eigen::Index n) {
    using Quad = double __attribute__((vector_size(32)));
    const Quad ages = {age, age, age, age}, xs = {xBefore, xBefore, xBefore, xBefore},
               rs = {rowGap, rowGap, rowGap, rowGap};
    Eigen::Index j = 0;
    for (; j + 4 <= n; j += 4) {
        Quad b, h, e, w;
        std::memcpy(&b, postAge + j, sizeof b);
        std::memcpy(&h, postGap + j, sizeof h);
        std::memcpy(&e, eBefore + j, sizeof e);
        std::memcpy(&w, dwRow + j, sizeof w);
        w += ages >= b ? xs * h : rs * e;
        std::memcpy(dwRow + j, &w, sizeof w);
    }
    for (; j < n; ++j)
        dwRow[j] += age >= postAge[j] ? xBefore * postGap[j] : rowGap * eBefore[j];
}

// c ? a : b without a branch: which side a synapse takes depends on the data and is
// mispredicted half the time. Picks bits, so the result is a or b exactly.
inline double pick(bool c, double a, double b) {
    std::uint64_t ua, ub;
    std::memcpy(&ua, &a, sizeof ua);
    std::memcpy(&ub, &b, sizeof ub);
    const std::uint64_t mask = -static_cast<std::uint64_t>(c);
    const std::uint64_t bits = (ua & mask) | (ub & ~mask);
    double r;
    std::memcpy(&r, &bits, sizeof r);
    return r;
}

} // namespace

void PastUpdate::updateSpikingRows(RowMatrix& dW, double scale) {
    prepareColumns();
    const Eigen::Index dOut = m_eAfter.size();
    const double* postAge = m_postAge.data();
    const double* postGap = m_postGap.data();
    const double* eBefore = m_eBefore.data();
    for (Eigen::Index i : m_traces.activePre()) {
        if (m_xAfter(i) == 0.0) // first spike of this input (or an underflowed trace): u = v = 0
            continue;
        double* dwRow = dW.row(i).data();
        const std::int64_t age = m_now - m_preTime[static_cast<std::size_t>(i)];
        if (age > m_maxAge) {
            addExactRow(dwRow, i, scale);
            continue;
        }
        addRow(dwRow, static_cast<double>(age), scale * m_xBefore(i), scale * rowGap(i, age),
               postAge, postGap, eBefore, dOut);
    }
}

void PastUpdate::updateSpikingColumns(RowMatrix& dW, double scale) {
    // Row after row so dW streams through memory once (a column at a time strides d_out
    // apart on every element); rows that spiked were done whole above.
    m_columns.clear();
    for (Eigen::Index j : m_traces.activePost()) {
        const std::int64_t age = m_now - m_postTime[static_cast<std::size_t>(j)];
        const double gap = age <= m_maxAge ? m_eAfter(j) / m_preDecay(age) - m_eBefore(j) : 0.0;
        m_columns.push_back({j, static_cast<double>(age), gap, m_eBefore(j)});
    }
    const Eigen::Index dIn = m_xAfter.size();
    for (Eigen::Index i = 0; i < dIn; ++i) {
        if (m_xAfter(i) == 0.0 || m_traces.isPreActive(i)) // an input that never spiked adds 0
            continue;
        if (i + kPrefetchRows < dIn) {
            const double* ahead = dW.row(i + kPrefetchRows).data();
            for (const Column& c : m_columns)
                __builtin_prefetch(ahead + c.index, 1, 1);
        }
        double* dwRow = dW.row(i).data();
        const std::int64_t age = m_now - m_preTime[static_cast<std::size_t>(i)];
        if (age > m_maxAge) {
            for (const Column& c : m_columns)
                dwRow[c.index] += scale * (lastProduct(i, c.index) - m_xBefore(i) * c.eBefore);
            continue;
        }
        const double a = static_cast<double>(age);
        const double xBefore = scale * m_xBefore(i), gap = scale * rowGap(i, age);
        for (const Column& c : m_columns)
            dwRow[c.index] += pick(a >= c.age, xBefore * c.gap, gap * c.eBefore);
    }
}

void PastUpdate::addExactRow(double* dwRow, Eigen::Index i, double scale) const {
    for (Eigen::Index j = 0; j < m_eAfter.size(); ++j)
        dwRow[j] += scale * (lastProduct(i, j) - m_xBefore(i) * m_eBefore(j));
}

void PastUpdate::flush(RowMatrix& dW, double gain) const {
    // Each synapse's sum from its last event on: Σ_{k≥0} u·d^k = gs·u. With a kα change
    // pending, the steps so far sum at the old decay and the rest at the new one.
    const double gs = m_traces.params().geometricSum();
    const Eigen::ArrayXd& xHat = m_traces.xHat();
    const Eigen::ArrayXd& eHat = m_traces.eHat();
    for (Eigen::Index i = 0; i < dW.rows(); ++i)
        for (Eigen::Index j = 0; j < dW.cols(); ++j) {
            const double u = lastProduct(i, j);
            dW(i, j) += gain * (m_settlePending ? m_settleGeometricSum * (u - xHat(i) * eHat(j)) +
                                                      gs * xHat(i) * eHat(j)
                                                : gs * u);
        }
}

} // namespace sdlab
