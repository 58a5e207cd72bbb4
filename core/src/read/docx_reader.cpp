// The DOCX reader: ZIP container (zip_reader) -> word/document.xml (pugixml DOM) -> the
// plain-text rendition of docs/contracts.md (docx_render.cpp). Here: finding the parts, the
// limits, and the errors. See docs/docx.md for the rules and the limits.
#include "read/docx_reader.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <utility>
#include <vector>

#include "read/docx_numbering.hpp"
#include "read/docx_render.hpp"
#include "read/docx_xml.hpp"
#include "read/zip_reader.hpp"
#include "util/strings.hpp"

namespace nianbao {

namespace {

using pugi::xml_node;

// ---- the parts ----------------------------------------------------------------------

/// Resolves a relationship target against the directory of its source part ("" = root).
std::string resolve(std::string_view base_dir, std::string_view target) {
  std::vector<std::string> parts;
  auto push = [&](std::string_view path) {
    std::size_t from = 0;
    while (from <= path.size()) {
      std::size_t slash = path.find('/', from);
      if (slash == std::string_view::npos) slash = path.size();
      const std::string_view seg = path.substr(from, slash - from);
      if (seg == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!seg.empty() && seg != ".") {
        parts.emplace_back(seg);
      }
      from = slash + 1;
    }
  };
  if (!starts_with(target, "/")) push(base_dir);
  push(target);
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string dir_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash));
}

/// Targets of the relationships (in a .rels part) whose type ends in "/`type`".
std::vector<std::string> targets(std::string_view rels_xml, std::string_view type) {
  std::vector<std::string> out;
  pugi::xml_document doc;
  if (!doc.load_buffer(rels_xml.data(), rels_xml.size(), docx::kParseOptions)) return out;
  for (xml_node r : doc.document_element().children()) {
    if (docx::local_name(r.name()) != "Relationship") continue;
    if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
    const std::string_view t = r.attribute("Type").value();
    if (t.size() > type.size() && ends_with(t, type) && t[t.size() - type.size() - 1] == '/')
      out.emplace_back(r.attribute("Target").value());
  }
  return out;
}

// ---- the entry point ------------------------------------------------------------------

bool set_error(Error* e, ErrorCode code, std::initializer_list<std::string_view> parts, std::size_t position = 0) {
  if (e) {
    e->code = code;
    e->message.clear();
    for (std::string_view p : parts) e->message += p;
    e->position = position;
  }
  return false;
}
bool set_error(Error* e, ErrorCode code, std::string_view message, std::size_t position = 0) {
  return set_error(e, code, {message}, position);
}

std::string mib(std::size_t bytes) {
  return bytes % (1u << 20) == 0 ? std::to_string(bytes >> 20) + " MiB" : std::to_string(bytes) + " 字节";
}

/// Recognisable files that are not .docx.
std::optional<std::string> not_docx(std::string_view b) {
  if (starts_with(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return "这是旧版 Word 文档（.doc）或设了密码的 Office 文档，不是 .docx：请在 Word 或 WPS 中"
           "另存为 .docx（不设密码）后再检查";
  if (starts_with(b, "%PDF-")) return "这是 PDF 文件，不是 .docx";
  if (starts_with(b, "{\\rtf")) return "这是 RTF 文件，不是 .docx：请在 Word 或 WPS 中另存为 .docx 后再检查";
  return std::nullopt;
}

std::size_t count_markup(std::string_view xml) {
  return static_cast<std::size_t>(std::count_if(xml.begin(), xml.end(), [](char c) { return c == '<' || c == '='; }));
}

}  // namespace

std::optional<std::string> docx_to_text(std::string_view bytes, const Limits& limits, Error* error) {
  const std::size_t cap = std::max(docx_limits::kMinBytes, limits.max_input_bytes);
  if (bytes.empty()) {
    set_error(error, ErrorCode::empty_input, "文件是空的（0 字节）");
    return std::nullopt;
  }
  if (bytes.size() > cap) {
    set_error(error, ErrorCode::too_large,
              {"DOCX 文件有 ", std::to_string(bytes.size()), " 字节，超过上限 ", mib(cap)});
    return std::nullopt;
  }
  if (auto m = not_docx(bytes)) {
    set_error(error, ErrorCode::bad_docx, *m);
    return std::nullopt;
  }
  zip::Failure f;
  auto fail = [&](const zip::Failure& x) {
    set_error(error, x.too_large ? ErrorCode::too_large : ErrorCode::bad_docx, x.message, x.position);
    return std::nullopt;
  };
  const std::optional<zip::Archive> archive = zip::read_archive(bytes, docx_limits::kMaxEntries, &f);
  if (!archive) return fail(f);

  std::size_t budget = cap;  // bytes still allowed to be inflated
  auto aux = [&](const std::string& name) -> std::string {
    const zip::Entry* e = archive->find(name);
    if (!e || e->size > docx_limits::kMaxAuxiliaryPart || e->size > budget) return {};
    zip::Failure ignored;
    auto data =
        zip::extract(bytes, *archive, *e,
                     {docx_limits::kMaxAuxiliaryPart, docx_limits::kRatioFloor, docx_limits::kMaxRatio}, &ignored);
    if (!data) return {};
    budget -= data->size();
    return std::move(*data);
  };

  // The main part: the package relationship of type officeDocument, else the usual name.
  std::string main_part;
  for (const std::string& t : targets(aux("_rels/.rels"), "officeDocument")) {
    const std::string p = resolve("", t);
    if (archive->find(p)) {
      main_part = p;
      break;
    }
  }
  if (main_part.empty()) main_part = "word/document.xml";
  bool duplicate = false;
  const zip::Entry* entry = archive->find(main_part, &duplicate);
  if (!entry) {
    std::string what = "ZIP 文件中没有 Word 正文（word/document.xml），不是 .docx 文件";
    if (archive->find("xl/workbook.xml"))
      what = "这是 Excel 文件（.xlsx），不是 .docx";
    else if (archive->find("ppt/presentation.xml"))
      what = "这是 PowerPoint 文件（.pptx），不是 .docx";
    else if (archive->find("content.xml") && archive->find("mimetype"))
      what = "这是 OpenDocument 文件（如 .odt），不是 .docx：请在 Word 或 WPS 中另存为 .docx 后再检查";
    set_error(error, ErrorCode::bad_docx, what);
    return std::nullopt;
  }
  if (duplicate) {
    set_error(error, ErrorCode::bad_docx, {"DOCX 文件已损坏：部件 ", main_part, " 出现了不止一次"},
              entry->central_offset);
    return std::nullopt;
  }
  if (entry->size > budget) {
    set_error(error, ErrorCode::too_large,
              {"DOCX 正文 ", main_part, " 解压后有 ", std::to_string(entry->size), " 字节，超过上限 ", mib(cap)},
              entry->central_offset);
    return std::nullopt;
  }
  std::optional<std::string> xml =
      zip::extract(bytes, *archive, *entry, {budget, docx_limits::kRatioFloor, docx_limits::kMaxRatio}, &f);
  if (!xml) return fail(f);
  budget -= xml->size();
  if (count_markup(*xml) > docx_limits::kMaxMarkup) {
    set_error(error, ErrorCode::bad_docx,
              {"DOCX 正文 ", main_part, " 的 XML 标记超过 ", std::to_string(docx_limits::kMaxMarkup), " 个，不予处理"},
              entry->central_offset);
    return std::nullopt;
  }

  // Numbering definitions and paragraph styles, through the main part's relationships.
  std::string numbering_xml, styles_xml;
  {
    const std::string dir = dir_of(main_part);
    const std::string rels_name =
        (dir.empty() ? "" : dir + "/") + "_rels/" + main_part.substr(main_part.rfind('/') + 1) + ".rels";
    const std::string rels = aux(rels_name);
    for (const std::string& t : targets(rels, "numbering"))
      if (numbering_xml.empty()) numbering_xml = aux(resolve(dir, t));
    if (!numbering_xml.empty())
      for (const std::string& t : targets(rels, "styles"))
        if (styles_xml.empty()) styles_xml = aux(resolve(dir, t));
    if (count_markup(numbering_xml) > docx_limits::kMaxMarkup) numbering_xml.clear();
    if (count_markup(styles_xml) > docx_limits::kMaxMarkup) styles_xml.clear();
  }

  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer_inplace(xml->data(), xml->size(), docx::kParseOptions, pugi::encoding_auto);
  if (!parsed) {
    if (parsed.status == pugi::status_out_of_memory)
      set_error(error, ErrorCode::too_large, "DOCX 正文太大，内存不足", entry->central_offset);
    else
      set_error(error, ErrorCode::bad_docx,
                {"DOCX 文件已损坏：", main_part, " 不是格式正确的 XML（在其第 ", std::to_string(parsed.offset),
                 " 字节附近）"},
                entry->central_offset);
    return std::nullopt;
  }
  const xml_node root = doc.document_element();
  const std::optional<std::string> w = docx::word_prefix(root);
  if (!w || docx::local_name(root.name()) != "document") {
    set_error(error, ErrorCode::bad_docx, {"DOCX 的主文档 ", main_part, " 不是 Word 正文（WordprocessingML）"},
              entry->central_offset);
    return std::nullopt;
  }
  std::string mc = docx::prefix_for(root, docx::kMcNs).value_or("mc:");
  docx::Numbering numbering = docx::Numbering::load(numbering_xml, styles_xml);
  numbering_xml.clear();
  styles_xml.clear();
  docx::Rendition r = docx::render(root, *w, std::move(mc), std::move(numbering), limits.max_input_bytes);
  if (r.too_deep) {
    set_error(error, ErrorCode::bad_docx,
              {"DOCX 正文的嵌套层次超过 ", std::to_string(docx_limits::kMaxDepth), " 层，不予处理"},
              entry->central_offset);
    return std::nullopt;
  }
  if (r.too_long) {
    set_error(error, ErrorCode::too_large, {"DOCX 正文的文字超过上限 ", mib(limits.max_input_bytes)});
    return std::nullopt;
  }
  return std::move(r.text);
}

}  // namespace nianbao
