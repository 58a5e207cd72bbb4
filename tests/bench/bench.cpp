// nianbao_bench FILE... : checks each file repeatedly and prints ms per check and MB/s.
// Built natively and with Emscripten (run under node), so scripts/bench compares the two.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "nianbao/check.hpp"

int main(int argc, char** argv) {
  nianbao::Error e{};
  auto checker = nianbao::Checker::create(&e);
  if (!checker) { std::fprintf(stderr, "ICU: %s\n", e.message.c_str()); return 2; }
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    nianbao::Options opts;
    opts.file = argv[i];
    (void)checker->check(text, opts);  // warm-up
    using clock = std::chrono::steady_clock;
    int runs = 0;
    const auto t0 = clock::now();
    double elapsed = 0;
    do {
      auto out = checker->check(text, opts);
      if (auto* r = std::get_if<nianbao::Report>(&out)) (void)nianbao::to_json(*r);
      ++runs;
      elapsed = std::chrono::duration<double>(clock::now() - t0).count();
    } while (elapsed < 0.5 && runs < 1000);
    const double ms = elapsed * 1000 / runs;
    const double mbs = text.size() / (1024.0 * 1024.0) / (elapsed / runs);
    const std::string name = argv[i];
    std::printf("%s\t%zu\t%.3f\t%.1f\n", name.substr(name.find_last_of('/') + 1).c_str(), text.size(), ms, mbs);
  }
  return 0;
}
