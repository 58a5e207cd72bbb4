#include "nianbao/summary.hpp"

#include <algorithm>
#include <tuple>

#include "output/json_writer.hpp"
#include "nianbao/cross_year.hpp"

namespace nianbao {

SummaryRow summary_row(const Report& r) {
  SummaryRow row;
  row.file = r.file;
  row.agency = r.meta.agency;
  row.year = r.meta.year;
  row.format = r.meta.format;
  row.errors = r.count(Severity::error);
  row.warnings = r.count(Severity::warning);
  row.infos = r.count(Severity::info);
  return row;
}

SummaryRow summary_row(const Error& e, std::string_view file) {
  SummaryRow row;
  row.file = std::string(file);
  row.error_code = std::string(error_code_name(e.code));
  return row;
}

std::vector<SummaryRow> ordered(std::vector<SummaryRow> rows) {
  auto key = [](const SummaryRow& r) {
    return std::make_tuple(!r.agency.has_value(), r.agency ? body_key(*r.agency) : std::string(), r.year.value_or(0), r.file);
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const SummaryRow& a, const SummaryRow& b) { return key(a) < key(b); });
  return rows;
}

namespace {

struct Totals {
  std::size_t reports = 0, with_errors = 0, unreadable = 0;
};

Totals totals(const std::vector<SummaryRow>& rows) {
  Totals t;
  for (const SummaryRow& r : rows) {
    ++t.reports;
    t.with_errors += r.errors > 0;
    t.unreadable += !r.error_code.empty();
  }
  return t;
}

}  // namespace

std::string summary_json(const std::vector<SummaryRow>& rows, int indent) {
  const Totals t = totals(rows);
  JsonWriter w(indent);
  w.begin_object().key("schema").string("nianbao/1").key("summary").begin_object();
  w.key("reports").number(static_cast<long long>(t.reports)).key("with_errors").number(static_cast<long long>(t.with_errors));
  w.key("unreadable").number(static_cast<long long>(t.unreadable)).key("rows").begin_array();
  for (const SummaryRow& r : rows) {
    w.begin_object(true).key("agency");
    if (r.agency) w.string(*r.agency); else w.null();
    w.key("year");
    if (r.year) w.number(*r.year); else w.null();
    w.key("file").string(r.file).key("format").string(format_name(r.format));
    w.key("errors").number(static_cast<long long>(r.errors)).key("warnings").number(static_cast<long long>(r.warnings));
    w.key("infos").number(static_cast<long long>(r.infos));
    if (!r.error_code.empty()) w.key("error").string(r.error_code);
    w.end_object();
  }
  w.end_array().end_object().end_object();
  return w.take();
}

std::string summary_text(const std::vector<SummaryRow>& rows) {
  std::string out = "机关\t年度\t文件\t错误\t警告\t提示\n";
  std::string last_body = "\x01";
  for (const SummaryRow& r : rows) {
    const std::string body = r.agency ? *r.agency : "（未识别机关）";
    // A table per body: its name once, on its first row.
    out += (body == last_body ? std::string() : body) + "\t" + (r.year ? std::to_string(*r.year) : "—") + "\t" + r.file + "\t";
    if (!r.error_code.empty()) out += "无法检查（" + r.error_code + "）\t\t\n";
    else out += std::to_string(r.errors) + "\t" + std::to_string(r.warnings) + "\t" + std::to_string(r.infos) + "\n";
    last_body = body;
  }
  const Totals t = totals(rows);
  out += "合计：" + std::to_string(t.reports) + " 份报告，" + std::to_string(t.with_errors) + " 份有错误，" +
         std::to_string(t.unreadable) + " 份无法检查\n";
  return out;
}

}  // namespace nianbao
