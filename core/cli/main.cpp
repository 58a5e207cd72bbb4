// nianbao — command-line checker, one report or a batch:
//   nianbao check [--format json|text] [--pretty] [--input …] [--summary] [--jobs N] PATH...
// A PATH that is a directory is read recursively (report files by extension, in sorted order).
// Output keeps the order of the inputs whatever --jobs is; after the reports, the same body's
// consecutive years are compared (one cross_year object), and --summary adds a table per body.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "allocator.hpp"
#include "pdf.hpp"
#include "nianbao/check.hpp"
#include "nianbao/cross_year.hpp"
#include "nianbao/draft.hpp"
#include "nianbao/options.hpp"
#include "nianbao/summary.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* kUsage =
    "用法 usage: nianbao check [--format json|text] [--pretty] [--input auto|text|html|docx|pdf]\n"
    "                     [--summary] [--jobs N] [--cells FILE] PATH...\n"
    "       PATH 为文件、目录（递归读取 .txt .text .md .html .htm .docx .pdf .runs，按路径排序）或 -（标准输入）\n"
    "       --input 默认 auto：按内容判断；pdf 指 PDF 文件或 pdf.js 提取的文字块数据 nianbao-runs/1（docs/contracts.md）\n"
    "       PDF 文件由 node 运行 pdf.js 提取文字（与网页版相同，docs/pdf.md）：需要 node 与 npm 包 pdfjs-dist\n"
    "       --summary  最后输出按机关、年度汇总的表格（json 格式为一行 summary 对象）\n"
    "       --jobs N   同时检查 N 份（默认 1）；输出顺序不变\n"
    "       --cells FILE  先按 FILE 更正单元格再检查：JSON 数组 [{\"table\":\"T3\",\"row\":…,\"col\":…,\"value\":数值或 null}]，\n"
    "                  即输出中 tables[].cells 的写法加上 table；更正的单元格在输出中带 \"corrected\": true\n"
    "       两份以上报告时，同一机关相邻年度的报告互相核对（json 格式为一行 cross_year 对象）\n"
    "       nianbao rules [--pretty]   所有规则（编号、类别、级别、名称、说明）的 JSON\n"
    "       nianbao draft form          2021 年格式的编制表单（表格的正式版式、各部分及其应写内容）的 JSON\n"
    "       nianbao draft render FILE   编制稿（JSON，docs/contracts.md）写成的报告全文（markdown），可再用 check 检查\n"
    "       nianbao draft start PATH    由上一年度报告开始编制：结转、现行有效件数带入的编制稿 JSON\n"
    "       nianbao --version\n"
    "退出码 exit: 0 无错误, 1 有错误级别的发现, 2 用法错误或输入无法读取\n";

constexpr const char* kReportExtensions[] = {".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf", ".runs"};

bool report_file(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(std::begin(kReportExtensions), std::end(kReportExtensions), ext) != std::end(kReportExtensions);
}

/// The inputs: files as given; directories expanded to their report files in sorted order.
bool expand(const std::vector<std::string>& paths, std::vector<std::string>& out) {
  bool ok = true;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec) && report_file(it->path())) found.push_back(it->path().string());
      if (ec) { std::cerr << "nianbao: " << p << ": 无法读取目录（" << ec.message() << "）\n"; ok = false; }
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else {
      out.push_back(p);
    }
  }
  return ok;
}

bool read_all(const std::string& path, std::string& out, std::string& why) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) { why = "无法打开文件"; return false; }
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) { why = "读取失败"; return false; }
  return true;
}

/// One input's outcome: a report, the core's error, or a file that could not be read.
struct Result {
  std::optional<nianbao::Report> report;
  std::optional<nianbao::Error> error;
  std::string unreadable;  ///< why the file could not be read or checked
  bool done = false;
};

struct Settings {
  std::string format = "json", input_format = "auto";
  bool pretty = false, summary = false;
  unsigned jobs = 1;
  std::vector<nianbao::CellCorrection> cells;  ///< --cells FILE: corrections for every report checked
};

/// Reads and checks one input. A PDF file is checked as the page checks it: its text runs,
/// extracted by the page's own code (pdf.js + web/pdf-runs.js, core/cli/pdf.hpp), with format "pdf".
void check_one(nianbao::Checker& checker, const std::string& path, const Settings& s, Result& r) {
  std::string input;
  if (!read_all(path, input, r.unreadable)) return;
  nianbao::Options opts;
  opts.file = path;
  opts.format = s.input_format;
  opts.cells = s.cells;
  if ((s.input_format == "auto" || s.input_format == "pdf") && nianbao::cli::is_pdf(input)) {
    std::string runs;
    if (!nianbao::cli::pdf_to_runs(input, runs, r.unreadable)) return;
    input = std::move(runs);
    opts.format = "pdf";
  }
  try {
    nianbao::Outcome out = checker.check(input, opts);
    if (auto* e = std::get_if<nianbao::Error>(&out)) r.error = std::move(*e);
    else r.report = std::move(std::get<nianbao::Report>(out));
  } catch (const std::exception& e) {
    // A defect of the core, not of the input (the fuzz targets look for these): say so,
    // and go on with the other inputs of a batch.
    r.unreadable = std::string("内部错误，未能检查此文件（请把它报告给 nianbao 的开发者）：") + e.what();
  }
}

/// Checks `paths` on `jobs` threads (one Checker each) and hands every result to `emit` in the
/// order of `paths`, as soon as it and all before it are done.
template <class Emit>
bool check_all(const std::vector<std::string>& paths, const Settings& s, std::vector<Result>& results, Emit emit) {
  results.assign(paths.size(), Result{});
  std::mutex m;
  std::condition_variable cv;
  std::atomic<std::size_t> next{0};
  std::string init_message;
  auto work = [&] {
    nianbao::Error init{};
    auto checker = nianbao::Checker::create(&init);
    if (!checker) {
      std::lock_guard<std::mutex> lock(m);
      init_message = init.message;
    }
    for (std::size_t i; (i = next++) < paths.size();) {
      Result r;
      if (!checker) r.unreadable = init.message;
      else check_one(*checker, paths[i], s, r);
      r.done = true;
      {
        std::lock_guard<std::mutex> lock(m);
        results[i] = std::move(r);
      }
      cv.notify_all();
    }
  };
  const unsigned n = std::max(1u, std::min<unsigned>(s.jobs, static_cast<unsigned>(std::max<std::size_t>(paths.size(), 1))));
  std::vector<std::thread> threads;
  for (unsigned k = 1; k < n; ++k) threads.emplace_back(work);
  std::thread emitter([&] {
    for (std::size_t i = 0; i < paths.size(); ++i) {
      std::unique_lock<std::mutex> lock(m);
      cv.wait(lock, [&] { return results[i].done; });
      lock.unlock();
      emit(paths[i], results[i]);
    }
  });
  work();
  for (std::thread& t : threads) t.join();
  emitter.join();
  if (!init_message.empty()) {
    std::cerr << "nianbao: " << init_message << "\n";
    return false;
  }
  return true;
}

/// nianbao draft form | render FILE | start PATH (编制, draft.hpp).
int draft_command(const std::vector<std::string>& args) {
  const std::string sub = args.size() > 1 ? args[1] : "";
  if (sub == "form" && args.size() == 2) {
    std::cout << nianbao::form_json() << "\n";
    return 0;
  }
  if (sub == "render" && args.size() == 3) {
    std::string text, why;
    if (!read_all(args[2], text, why)) {
      std::cerr << "nianbao: " << args[2] << "：" << why << "\n";
      return 2;
    }
    auto draft = nianbao::draft_from_json(text);
    if (auto* e = std::get_if<nianbao::Error>(&draft)) {
      std::cerr << "nianbao: " << args[2] << "：" << e->message << "\n";
      return 2;
    }
    std::cout << nianbao::render_markdown(std::get<nianbao::Draft>(draft));
    return 0;
  }
  if (sub == "start" && args.size() == 3) {
    nianbao::Error init{};
    auto checker = nianbao::Checker::create(&init);
    if (!checker) {
      std::cerr << "nianbao: " << init.message << "\n";
      return 2;
    }
    Result r;
    check_one(*checker, args[2], Settings{}, r);
    if (!r.unreadable.empty() || r.error) {
      std::cerr << "nianbao: " << args[2] << "：" << (r.error ? r.error->message : r.unreadable) << "\n";
      return 2;
    }
    std::cout << nianbao::to_json(nianbao::start_from(*r.report)) << "\n";
    return 0;
  }
  std::cerr << "nianbao: draft 需要 form、render FILE 或 start PATH\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  nianbao::cli::keep_freed_memory();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && (args[0] == "--version" || args[0] == "-V")) {
    std::cout << "nianbao " << nianbao::version() << "\n";
    return 0;
  }
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "rules") {  // the rule registry as JSON (docs/rules.md is made from it)
    std::cout << nianbao::rules_json(args.size() > 1 && args[1] == "--pretty" ? 2 : 0) << "\n";
    return 0;
  }
  if (args[0] == "draft") return draft_command(args);
  if (args[0] != "check") {
    std::cerr << "nianbao: 未知命令 '" << args[0] << "'\n" << kUsage;
    return 2;
  }
  Settings s;
  std::vector<std::string> given;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--format" && i + 1 < args.size()) {
      s.format = args[++i];
    } else if (a.rfind("--format=", 0) == 0) {
      s.format = a.substr(9);
    } else if (a == "--cells" && i + 1 < args.size()) {
      const std::string file = args[++i];
      std::string text, why;
      if (!read_all(file, text, why)) {
        std::cerr << "nianbao: --cells " << file << "：" << why << "\n";
        return 2;
      }
      auto cells = nianbao::cells_from_json(text);
      if (!cells) {
        std::cerr << "nianbao: --cells " << file << " 不是单元格更正的 JSON 数组（[{\"table\",\"row\",\"col\",\"value\"}, …]）\n";
        return 2;
      }
      s.cells = std::move(*cells);
    } else if (a == "--input" && i + 1 < args.size()) {
      s.input_format = args[++i];
      if (s.input_format != "auto" && s.input_format != "text" && s.input_format != "html" && s.input_format != "docx" &&
          s.input_format != "pdf") {
        std::cerr << "nianbao: --input 只能是 auto、text、html、docx 或 pdf\n";
        return 2;
      }
    } else if (a == "--jobs" || a == "-j" || a.rfind("--jobs=", 0) == 0) {
      const std::string v = a.rfind("--jobs=", 0) == 0 ? a.substr(7) : i + 1 < args.size() ? args[++i] : "";
      if (v.empty() || v.size() > 3 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }) || std::stoi(v) < 1) {
        std::cerr << "nianbao: --jobs 需要 1 到 999 的整数\n";
        return 2;
      }
      s.jobs = static_cast<unsigned>(std::stoi(v));
    } else if (a == "--summary") {
      s.summary = true;
    } else if (a == "--pretty") {
      s.pretty = true;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::cerr << "nianbao: 未知选项 '" << a << "'\n" << kUsage;
      return 2;
    } else {
      given.push_back(a);
    }
  }
  if (s.format != "json" && s.format != "text") {
    std::cerr << "nianbao: --format 只能是 json 或 text\n";
    return 2;
  }
  if (given.empty()) {
    std::cerr << "nianbao: 没有指定要检查的文件\n" << kUsage;
    return 2;
  }
  std::vector<std::string> paths;
  int exit_code = expand(given, paths) ? 0 : 2;
  const int indent = s.pretty ? 2 : 0;
  std::vector<nianbao::SummaryRow> rows;
  std::vector<Result> results;
  const bool ok = check_all(paths, s, results, [&](const std::string& path, Result& r) {
    if (!r.unreadable.empty()) {
      std::cerr << "nianbao: " << path << ": " << r.unreadable << "\n";
      exit_code = 2;
      rows.push_back(nianbao::summary_row(nianbao::Error{nianbao::ErrorCode::io_error, r.unreadable, 0}, path));
      return;
    }
    if (r.error) {
      std::cerr << "nianbao: " << path << ": " << r.error->message << "（位置 " << r.error->position << "）\n";
      if (s.format == "json") std::cout << nianbao::to_json(*r.error, path, indent) << "\n";
      exit_code = 2;
      rows.push_back(nianbao::summary_row(*r.error, path));
      return;
    }
    const nianbao::Report& report = *r.report;
    if (s.format == "json") std::cout << nianbao::to_json(report, indent) << "\n";
    else std::cout << nianbao::to_text(report);
    std::cout.flush();
    if (exit_code == 0 && report.count(nianbao::Severity::error) > 0) exit_code = 1;
    rows.push_back(nianbao::summary_row(report));
  });
  if (!ok) return 2;

  // The same body's consecutive years.
  std::vector<const nianbao::Report*> reports;
  for (const Result& r : results)
    if (r.report) reports.push_back(&*r.report);
  if (reports.size() > 1) {
    const std::vector<nianbao::CrossYear> pairs = nianbao::cross_year(reports);
    if (!pairs.empty()) {
      if (s.format == "json") {
        std::cout << nianbao::to_json(pairs, indent) << "\n";
      } else {
        for (const nianbao::CrossYear& p : pairs) {
          std::cout << p.file << ": 与 " << p.previous_file << "（" << p.agency << " " << p.year - 1 << "→" << p.year << "年）跨年度核对："
                    << p.findings.size() << " 项；与上一年度相同的句子 " << p.repeated << "/" << p.sentences << "\n";
          for (const nianbao::Finding& f : p.findings)
            std::cout << p.file << ":" << f.span.line << ": "
                      << (f.severity == nianbao::Severity::error ? "错误" : f.severity == nianbao::Severity::warning ? "警告" : "提示")
                      << " [" << nianbao::rule_id(f.rule) << "] " << f.message << "\n";
        }
      }
    }
  }
  if (s.summary) {
    const std::vector<nianbao::SummaryRow> table = nianbao::ordered(std::move(rows));
    if (s.format == "json") std::cout << nianbao::summary_json(table, indent) << "\n";
    else std::cout << nianbao::summary_text(table);
  }
  return exit_code;
}
