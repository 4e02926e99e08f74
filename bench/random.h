// The deterministic random sequence of the benchmark corpus generators: the
// same seed gives the same corpus on every machine.

#ifndef BENCH_RANDOM_H_
#define BENCH_RANDOM_H_

#include <array>
#include <cstddef>
#include <cstdint>

namespace crosscheck::bench {

// SplitMix64: a small, portable, well-mixed sequence.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n), n > 0.
  int Below(int n) {
    return static_cast<int>(Next() % static_cast<uint64_t>(n));
  }
  // True with probability 1/n.
  bool OneIn(int n) { return Below(n) == 0; }
  // One of `items`, uniformly.
  template <typename T, size_t N>
  const T& Pick(const std::array<T, N>& items) {
    return items[Below(static_cast<int>(N))];
  }

 private:
  uint64_t state_;
};

}  // namespace crosscheck::bench

#endif  // BENCH_RANDOM_H_
