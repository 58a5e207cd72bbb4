// nianbao_bench [--runs N] FILE... : checks each file repeatedly and prints ms per
// check and MB/s. Built natively and with Emscripten (run under node), so scripts/bench compares
// the two.
//   output   FILE<TAB>bytes<TAB>ms<TAB>MB/s  (ms: the median check, each timed on its own and
//            including the JSON output, of at least 5 checks and 0.5 s, at most 1000, after one
//            warm-up check; the median, not the mean: a check the machine interrupted (another
//            process, a noisy neighbour) does not move it)
//   allocator: glibc keeps freed memory between checks, as in the CLI (core/cli/allocator.hpp)
//   --runs N exactly N timed checks per file (--runs 1 under callgrind: instructions of the
//            warm-up check plus one check, apart from loading)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "../../core/cli/allocator.hpp"
#include "nianbao/check.hpp"

int main(int argc, char** argv) {
  nianbao::cli::keep_freed_memory();  // as the CLI does
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
    std::vector<double> times;  // seconds, one per check
    double elapsed = 0;
    do {
      const auto t0 = clock::now();
      auto out = checker->check(text, opts);
      if (auto* r = std::get_if<nianbao::Report>(&out)) (void)nianbao::to_json(*r);
      times.push_back(std::chrono::duration<double>(clock::now() - t0).count());
      elapsed += times.back();
    } while (fixed_runs > 0 ? static_cast<int>(times.size()) < fixed_runs
                            : (elapsed < 0.5 || times.size() < 5) && times.size() < 1000);
    std::sort(times.begin(), times.end());
    const std::size_t n = times.size();
    const double median = n % 2 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
    const double ms = median * 1000;
    const double mbs = text.size() / (1024.0 * 1024.0) / median;
    const std::string name = file.substr(file.find_last_of('/') + 1);
    std::printf("%s\t%zu\t%.3f\t%.1f\n", name.c_str(), text.size(), ms, mbs);
  }
  return 0;
}
