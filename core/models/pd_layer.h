#pragma once

#include "coding/pd_auto_tuner.h"
#include "coding/pd_decoder.h"
#include "coding/pd_encoder.h"
#include "coding/sigma_delta_quantizer.h"
#include "cost/op_counter.h"
#include "learning/future_update.h"
#include "learning/past_update.h"
#include "learning/recon_update.h"
#include "learning/stdp_online_update.h"
#include "models/dense_layer.h"

#include <variant>

namespace sdlab {

// How one PD-network layer codes its two directions and learns (ICLR'18 §2.4-2.6).
struct PdLayerSettings {
    PdParams forward{0.1, 1.0};  // kp, kd of the forward (activation) coding
    PdParams backward{0.1, 1.0}; // kp, kd of the backward (error) coding
    UpdateRule rule = UpdateRule::Recon;
    bool autoTune = false; // App. E.2: kβ follows the signal's L1 size, kα fixed
    PdAutoTunerSettings tuner{};
};

// One layer of a PD network (ICLR'18 eq. 11-12). Forward:
//   s = Q(enc(h)),  z = dec(Wᵀs) + b          (Wᵀs: Σ|s|·d_out additions)
// backward, with e = ∂L/∂z:
//   ē = Q(enc_b(e)),  message = dec_b(W ē)     (Σ|ē|·d_in additions)
// and W −= η·ΔW from the spikes s, ē by the chosen form (recon, past, future, STDP):
// the four give the same total (spec §3). Decoding after the product is exact for a
// fixed W (dec is linear); while W learns, the decoder mixes old and new weights —
// the "nonstationary" error of ICLR'18 Fig. 10. Time is the sample index: coding state
// carries over from one sample to the next, which is what makes similar consecutive
// samples cheap (§3.1).
class PdLayer {
  public:
    PdLayer(DenseLayer parameters, const PdLayerSettings& settings);

    const Eigen::VectorXd& forward(const Eigen::VectorXd& h, OpCounter& ops);
    // Learns from error e and returns dec_b(W ē), the error message for the layer below
    // (ignored for the first layer: pass propagate = false to skip it).
    const Eigen::VectorXd& backward(const Eigen::VectorXd& e, double learningRate, bool propagate,
                                    OpCounter& ops);
    // Applies what the updates would still add over silent steps after the last one
    // (past: its pending areas; recon: its decaying tail), so the four forms end equal.
    void flush(double learningRate);
    void setKAlpha(double kAlpha);

    const Eigen::ArrayXd& forwardSpikes() const { return m_spikes; }
    const Eigen::ArrayXd& errorSpikes() const { return m_errorSpikes; }
    PdParams forwardGains() const { return m_encoder.params(); }
    PdParams backwardGains() const { return m_errorEncoder.params(); }
    const DenseLayer& parameters() const { return m_layer; }
    // Only before the first sample (loading a saved network): the layer's running sum
    // Wᵀs is kept for the weights it has, and is zero then.
    DenseLayer& parametersBeforeTraining() { return m_layer; }

    // Everything forward() changes that outlives a sample: saved before an evaluation
    // and restored after it, so evaluating never changes what training does next.
    struct ForwardState {
        PdEncoderArray encoder;
        SigmaDeltaQuantizerArray quantizer;
        PdDecoderArray decoder;
        PdAutoTuner tuner;
        Eigen::ArrayXd spikes;
    };
    ForwardState forwardState() const {
        return {m_encoder, m_quantizer, m_decoder, m_forwardTuner, m_spikes};
    }
    void restoreForwardState(const ForwardState& state);

  private:
    void setForwardGains(const PdParams& gains);
    void setBackwardGains(const PdParams& gains);

    DenseLayer m_layer;
    PdLayerSettings m_settings;
    PdEncoderArray m_encoder;
    SigmaDeltaQuantizerArray m_quantizer;
    PdDecoderArray m_decoder;
    PdEncoderArray m_errorEncoder;
    SigmaDeltaQuantizerArray m_errorQuantizer;
    PdDecoderArray m_errorDecoder;
    PdAutoTuner m_forwardTuner;
    PdAutoTuner m_backwardTuner;
    std::variant<ReconUpdate, PastUpdate, FutureUpdate, StdpOnlineUpdate> m_update;

    Eigen::ArrayXd m_spikes;      // s of the last forward step
    Eigen::ArrayXd m_errorSpikes; // ē of the last backward step
    Eigen::VectorXd m_sum;        // Wᵀs or W ē before decoding
    Eigen::VectorXd m_z;
    Eigen::VectorXd m_message;
};

} // namespace sdlab
