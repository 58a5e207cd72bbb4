// nianbao_bench [--runs N] FILE... : checks each file repeatedly and prints ms per
// check and MB/s. Built natively and with Emscripten (run under node), so scripts/bench compares
// the two.
//   output   FILE<TAB>bytes<TAB>ms<TAB>MB/s  (ms: the mean over >= 0.5 s of checks, at most 1000,
//            each including the JSON output, after one warm-up check)
//   --runs N exactly N timed checks per file (--runs 1 under callgrind: instructions of the
//            warm-up check plus one check, apart from loading)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "nianbao/check.hpp"

int main(int argc, char** argv) {
  int fixed_runs = 0;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runs" && i + 1 < argc) fixed_runs = std::atoi(argv[++i]);
    else files.push_back(a);
  }
  nianbao::Error e{};
  auto checker = nianbao::Checker::create(&e);
  if (!checker) { std::fprintf(stderr, "ICU: %s\n", e.message.c_str()); return 2; }
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    nianbao::Options opts;
    opts.file = file;
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
    } while (fixed_runs > 0 ? runs < fixed_runs : elapsed < 0.5 && runs < 1000);
    const double ms = elapsed * 1000 / runs;
    const double mbs = text.size() / (1024.0 * 1024.0) / (elapsed / runs);
    const std::string name = file.substr(file.find_last_of('/') + 1);
    std::printf("%s\t%zu\t%.3f\t%.1f\n", name.c_str(), text.size(), ms, mbs);
  }
  return 0;
}
