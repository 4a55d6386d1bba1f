// Per-pixel PD + sigma-delta encode and reconstruction of a 640×480 grey frame, side by
// side in one run (issue 7's bar: ≤ 2 ms per frame on one core):
//   - PdPixelEncoder (ours: float arrays, Eigen passes),
//   - a naive loop: one core scalar PdEncoder + SigmaDeltaQuantizer + PdDecoder object
//     per pixel, in double,
//   - the memory-bandwidth bound: copying the bytes the encoder must touch per frame
//     (read x, x_prev, φ, y; write x_prev, φ, y, events, reconstruction: 9 × 4 B/pixel).
// Frames come from the synthetic scene (moving shape), 16 of them cycled.
// Run: build/tests/bench/sdlab_video_bench
#include "coding/pd_decoder.h"
#include "coding/pd_encoder.h"
#include "coding/sigma_delta_quantizer.h"
#include "ratio_reporter.h"
#include "video/pixel_encoders.h"
#include "video/synthetic_scene.h"

#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace {

constexpr int kWidth = 640, kHeight = 480, kFrames = 16;
const sdlab::PdParams kGains{0.1, 2.0};

const std::vector<Eigen::ArrayXf>& frames() {
    static const std::vector<Eigen::ArrayXf> list = [] {
        sdlab::SyntheticSceneSettings s;
        s.width = kWidth;
        s.height = kHeight;
        const sdlab::SyntheticScene scene(s);
        std::vector<Eigen::ArrayXf> out;
        sdlab::VideoFrame frame;
        for (int k = 0; k < kFrames; ++k) {
            scene.render(k, frame);
            out.push_back(frame.pixels);
        }
        return out;
    }();
    return list;
}

void BM_PdPixelEncoder(benchmark::State& state) {
    sdlab::PdPixelEncoder encoder(kGains);
    sdlab::EncodedFrame out;
    std::size_t k = 0;
    for (auto _ : state) {
        encoder.encode(frames()[k++ % kFrames], out);
        benchmark::DoNotOptimize(out.eventsOn);
    }
}

void BM_NaivePerPixel(benchmark::State& state) {
    const std::size_t n = static_cast<std::size_t>(kWidth) * kHeight;
    std::vector<sdlab::PdEncoder> encoders(n, sdlab::PdEncoder(kGains));
    std::vector<sdlab::SigmaDeltaQuantizer> quantizers(n);
    std::vector<sdlab::PdDecoder> decoders(n, sdlab::PdDecoder(kGains));
    std::vector<double> events(n), reconstruction(n);
    std::size_t k = 0;
    for (auto _ : state) {
        const Eigen::ArrayXf& x = frames()[k++ % kFrames];
        long on = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double s = quantizers[i].step(encoders[i].step(x(static_cast<Eigen::Index>(i))));
            events[i] = s;
            reconstruction[i] = decoders[i].step(s);
            on += s > 0.0 ? static_cast<long>(s) : 0;
        }
        benchmark::DoNotOptimize(on);
        benchmark::DoNotOptimize(reconstruction.data());
    }
}

void BM_BandwidthBound(benchmark::State& state) {
    const std::size_t bytes =
        static_cast<std::size_t>(kWidth) * kHeight * 4 * 9 / 2; // copy = read + write
    std::vector<char> from(bytes, 1), to(bytes);
    for (auto _ : state) {
        std::memcpy(to.data(), from.data(), bytes);
        benchmark::DoNotOptimize(to.data());
        benchmark::ClobberMemory();
    }
}

} // namespace

BENCHMARK(BM_PdPixelEncoder)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_NaivePerPixel)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_BandwidthBound)->Unit(benchmark::kMicrosecond);

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    frames();
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    auto& t = reporter.times; // microseconds
    const double ours = t["BM_PdPixelEncoder"], naive = t["BM_NaivePerPixel"],
                 bound = t["BM_BandwidthBound"];
    std::printf("\n640x480 PD encode + reconstruction per frame: ours %.3f ms, naive per-pixel "
                "loop %.3f ms (%.1fx slower), bandwidth bound %.3f ms (ours at %.1fx the bound)\n",
                ours / 1e3, naive / 1e3, ours > 0 ? naive / ours : 0.0, bound / 1e3,
                bound > 0 ? ours / bound : 0.0);
    return 0;
}
