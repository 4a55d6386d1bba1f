#pragma once

#include "encoders/delta_modulation_encoder.h"
#include "encoders/latency_encoder.h"
#include "neurons/reset_mechanism.h"
#include "neurons/surrogate_gradient.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdlab {

// Which neuron every layer of a LIF network uses (spec §10).
enum class LifNeuronKind {
    Leaky,    // U_t = β·U_{t−1} + I_t − R_t·θ
    Lapicque, // snnTorch's Lapicque from β alone: decay 1 − ln(1/β), input gain ln(1/β)
    Synaptic, // I^syn_t = α·I^syn_{t−1} + I_t, U_t = β·U_{t−1} + I^syn_t − R_t·θ
    // snnTorch's RLeaky, all-to-all: Leaky with I_t + V·S_{t−1}, V a learned n × n matrix
    // (U(±1/√n), as nn.Linear; its bias is the layer's own, counted once); a zero reset
    // clears the whole new membrane.
    RecurrentLeaky,
};
// How an image becomes the network's input over the T steps (snnTorch spikegen).
enum class InputCoding {
    Direct,  // the same real vector every step
    Rate,    // Bernoulli spike with probability x ∈ [0, 1] each step (clipped)
    Latency, // one spike per pixel at step 1 + floor(τ·ln(x/(x − θ))), τ 5, θ 0.01
    // Delta modulation of the image held from step 1 on (spikegen.delta of the image
    // repeated T times, reference 0 before, ON spikes only as its off_spike=False): a
    // static image fires once, at step 1, where x exceeds the threshold.
    Delta,
};
// How the output layer's T steps become a class (snnTorch paper §III-B).
enum class SpikeDecoding {
    Rate,    // argmax of Σ_t S_t (first on ties)
    Latency, // the first output to spike; never spiking counts as the last step; ties to the larger
             // U
    Membrane, // argmax of max_t U_t
};
// The losses of snnTorch.functional (paper §III-C), and tutorial 5's membrane CE.
enum class SpikeLoss {
    CeMembrane, // Σ_t CE(U_t, y)  (snnTorch tutorial 5)
    CeRate,     // (1/T)·Σ_t CE(S_t, y)
    CeCount,    // CE(Σ_t S_t, y)
    MseCount, // mean_c (Σ_t S_t − target_c)² / T, targets ⌊T·correct⌋, ⌊T·incorrect⌋
    CeMaxMembrane, // CE(max_t U_t, y)
    MseMembrane,   // (1/T)·Σ_t mean_c (U_t − onehot_c)²
    CeTemporal,    // CE(−f, y), f the first-spike step (0-based, none = T − 1)
};
enum class LifOptimizer { Sgd, Adam }; // Adam: β₁ 0.9, β₂ 0.999, ε 1e-8
// How the weight gradient is found (snnTorch paper §IV-V):
enum class LifMethod {
    Bptt,  // backpropagation through time: exact for the unrolled graph
    Rtrl,  // eligibility traces carried forward (eqs 10-13): exact for one layer
    Eprop, // traces per layer with the output error sent down each step: drops the
           // upper layers' temporal terms (exact when they have β = 0)
};

// Everything a LIF network trained through time needs (spec §10).
struct LifNetworkSettings {
    std::vector<int> sizes{784, 1000, 10}; // inputs, hidden..., classes
    LifNeuronKind neuron = LifNeuronKind::Leaky;
    double beta = 0.95; // membrane decay per step, [0, 1]; Lapicque: (0, 1]
    double alpha = 0.9; // synaptic current decay, [0, 1]
    double threshold = 1.0;
    ResetMechanism reset = ResetMechanism::Subtract;
    bool resetAttached = false;  // let the gradient flow through R_t (snnTorch: detached)
    bool learnBeta = false;      // β of each layer learned with the weights (learn_beta)
    bool learnThreshold = false; // θ of each layer learned too (learn_threshold)
    SurrogateGradient surrogate;
    int steps = 25;
    InputCoding input = InputCoding::Direct;
    LatencyRounding latencyRounding = LatencyRounding::Floor; // latency input (latency_encoder.h)
    double deltaThreshold = 0.1; // delta input (delta_modulation_encoder.h), snnTorch's default
    DeltaReference deltaReference = DeltaReference::LastSpike;
    SpikeDecoding decoding = SpikeDecoding::Rate;
    SpikeLoss loss = SpikeLoss::CeMembrane;
    double correctRate = 1.0; // mse-count targets, as fractions of T
    double incorrectRate = 0.0;
    double ratePenalty = 0.0; // λ·Σ spikes of every layer per sample (l1 rate sparsity)
    // Rate bounds per layer (activity_regulariser.h, eqs 41-42): off at penalty 0.
    double upperRate = 0.0, upperPenalty = 0.0; // r_U in [0, 1] spikes per unit per step
    double lowerRate = 0.0, lowerPenalty = 0.0; // r_L in [0, 1]
    LifOptimizer optimizer = LifOptimizer::Adam;
    LifMethod method = LifMethod::Bptt;
    double learningRate = 5e-4;
    int batch = 128;
    std::uint64_t seed = 1;
    // Training samples the dead fraction and spikes per sample look back over (0: the
    // last minibatch).
    int activityWindow = 0;
    // Gradient checks only: spikes are smoothStep(U − θ) of a sigmoid surrogate in the
    // forward pass too, so the whole network is differentiable.
    bool smoothSpikes = false;
};

std::optional<LifNeuronKind> parseLifNeuronKind(std::string_view name);
const char* lifNeuronKindName(LifNeuronKind kind);
std::optional<InputCoding> parseInputCoding(std::string_view name);
const char* inputCodingName(InputCoding coding);
std::optional<SpikeDecoding> parseSpikeDecoding(std::string_view name);
const char* spikeDecodingName(SpikeDecoding decoding);
std::optional<SpikeLoss> parseSpikeLoss(std::string_view name);
const char* spikeLossName(SpikeLoss loss);
std::optional<LifMethod> parseLifMethod(std::string_view name); // "bptt" "rtrl" "eprop"
const char* lifMethodName(LifMethod method);
std::optional<LifOptimizer> parseLifOptimizer(std::string_view name);
const char* lifOptimizerName(LifOptimizer optimizer);

// Whether the loss reads the output membranes (else the output spikes).
bool lossReadsMembrane(SpikeLoss loss);

// One sentence naming the problem (a parameter out of range, a loss the decoding or the
// input coding cannot use), or empty.
std::string validationError(const LifNetworkSettings& settings);

} // namespace sdlab
