// nianbao — command-line checker.  nianbao check [--format json|text] [--pretty] FILE...
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "nianbao/check.hpp"

namespace {

constexpr const char* kUsage =
    "用法 usage: nianbao check [--format json|text] [--pretty] [--input auto|text|html|docx|pdf] FILE...\n"
    "       (FILE 为 - 时读标准输入；--input 默认 auto：按内容判断；pdf 指 pdf.js 提取的文字块数据\n"
    "        nianbao-runs/1，见 docs/contracts.md）\n"
    "       nianbao --version\n"
    "退出码 exit: 0 无错误, 1 有错误级别的发现, 2 用法错误或输入无法读取\n";

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

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && (args[0] == "--version" || args[0] == "-V")) {
    std::cout << "nianbao " << nianbao::version() << "\n";
    return 0;
  }
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] != "check") {
    std::cerr << "nianbao: 未知命令 '" << args[0] << "'\n" << kUsage;
    return 2;
  }
  std::string format = "json";
  std::string input_format = "auto";
  bool pretty = false;
  std::vector<std::string> files;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--format" && i + 1 < args.size()) {
      format = args[++i];
    } else if (a.rfind("--format=", 0) == 0) {
      format = a.substr(9);
    } else if (a == "--input" && i + 1 < args.size()) {
      input_format = args[++i];
      if (input_format != "auto" && input_format != "text" && input_format != "html" && input_format != "docx" &&
          input_format != "pdf") {
        std::cerr << "nianbao: --input 只能是 auto、text、html、docx 或 pdf\n";
        return 2;
      }
    } else if (a == "--pretty") {
      pretty = true;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::cerr << "nianbao: 未知选项 '" << a << "'\n" << kUsage;
      return 2;
    } else {
      files.push_back(a);
    }
  }
  if (format != "json" && format != "text") {
    std::cerr << "nianbao: --format 只能是 json 或 text\n";
    return 2;
  }
  if (files.empty()) {
    std::cerr << "nianbao: 没有指定要检查的文件\n" << kUsage;
    return 2;
  }
  nianbao::Error init_error{};
  auto checker = nianbao::Checker::create(&init_error);
  if (!checker) {
    std::cerr << "nianbao: " << init_error.message << "\n";
    return 2;
  }
  int exit_code = 0;
  for (const std::string& path : files) {
    std::string input, why;
    if (!read_all(path, input, why)) {
      std::cerr << "nianbao: " << path << ": " << why << "\n";
      exit_code = 2;
      continue;
    }
    nianbao::Options opts;
    opts.file = path;
    opts.format = input_format;
    nianbao::Outcome out = checker->check(input, opts);
    if (auto* err = std::get_if<nianbao::Error>(&out)) {
      std::cerr << "nianbao: " << path << ": " << err->message << "（位置 " << err->position << "）\n";
      if (format == "json") std::cout << nianbao::to_json(*err, path, pretty ? 2 : 0) << "\n";
      exit_code = 2;
      continue;
    }
    const auto& report = std::get<nianbao::Report>(out);
    if (format == "json") std::cout << nianbao::to_json(report, pretty ? 2 : 0) << "\n";
    else std::cout << nianbao::to_text(report);
    if (exit_code == 0 && report.count(nianbao::Severity::error) > 0) exit_code = 1;
  }
  return exit_code;
}
