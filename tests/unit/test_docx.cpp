// The DOCX reader: renditions of the fixtures made by tests/tools/make-docx.mjs (exact text),
// hostile containers (errors with a clear message, never a crash), and a T3/T4 report read
// end to end through the text pipeline.
#include <doctest/doctest.h>
#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "read/docx_numbering.hpp"
#include "helpers.hpp"
#include "read/docx_reader.hpp"
#include "tables/matcher.hpp"
#include "read/normalize.hpp"
#include "read/reader.hpp"

using nianbao::ErrorCode;

namespace {

std::string fixture(const std::string& name) {
  const std::string path = std::string(NIANBAO_DOCX_FIXTURES_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "fixture not readable: " << path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string render(const std::string& bytes, const nianbao::Limits& limits = {}) {
  nianbao::Error e{ErrorCode::io_error, "", 0};
  const auto r = nianbao::docx_to_text(bytes, limits, &e);
  REQUIRE_MESSAGE(r.has_value(), "unexpected error: " << e.message);
  return *r;
}

nianbao::Error failure(const std::string& bytes, const nianbao::Limits& limits = {}) {
  nianbao::Error e{ErrorCode::io_error, "", 0};
  const auto r = nianbao::docx_to_text(bytes, limits, &e);
  CHECK_MESSAGE(!r.has_value(), "expected an error, got: " << (r ? r->substr(0, 200) : ""));
  CHECK(!e.message.empty());
  return e;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// ---- a small ZIP writer for hostile containers built in memory ----------------------------

void put16(std::string& s, std::uint16_t v) {
  s += static_cast<char>(v & 0xFF);
  s += static_cast<char>(v >> 8);
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, static_cast<std::uint16_t>(v & 0xFFFF));
  put16(s, static_cast<std::uint16_t>(v >> 16));
}
void put64(std::string& s, std::uint64_t v) {
  put32(s, static_cast<std::uint32_t>(v & 0xFFFFFFFF));
  put32(s, static_cast<std::uint32_t>(v >> 32));
}
void set32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
void set16(std::string& s, std::size_t at, std::uint16_t v) {
  s[at] = static_cast<char>(v & 0xFF);
  s[at + 1] = static_cast<char>(v >> 8);
}

std::string deflate_raw(const std::string& data) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::uint32_t crc(const std::string& s) {
  return static_cast<std::uint32_t>(
      crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(s.data()), static_cast<uInt>(s.size())));
}

struct ZipEntry {
  std::string name;
  std::string data;
  bool deflated = true;
};

/// A ZIP; `zip64` writes ZIP64 central records (saturated 32-bit fields + extra field) and the
/// ZIP64 end records.
std::string make_zip(const std::vector<ZipEntry>& entries, bool zip64 = false) {
  std::string body, dir;
  for (const ZipEntry& e : entries) {
    const std::string payload = e.deflated ? deflate_raw(e.data) : e.data;
    const std::uint16_t method = e.deflated ? 8 : 0;
    const auto offset = static_cast<std::uint32_t>(body.size());
    put32(body, 0x04034b50);
    put16(body, 20);
    put16(body, 0);
    put16(body, method);
    put32(body, 0);
    put32(body, crc(e.data));
    put32(body, static_cast<std::uint32_t>(payload.size()));
    put32(body, static_cast<std::uint32_t>(e.data.size()));
    put16(body, static_cast<std::uint16_t>(e.name.size()));
    put16(body, 0);
    body += e.name + payload;
    put32(dir, 0x02014b50);
    put16(dir, 45);
    put16(dir, 45);
    put16(dir, 0);
    put16(dir, method);
    put32(dir, 0);
    put32(dir, crc(e.data));
    put32(dir, zip64 ? 0xFFFFFFFF : static_cast<std::uint32_t>(payload.size()));
    put32(dir, zip64 ? 0xFFFFFFFF : static_cast<std::uint32_t>(e.data.size()));
    put16(dir, static_cast<std::uint16_t>(e.name.size()));
    put16(dir, zip64 ? 28 : 0);
    put16(dir, 0);
    put16(dir, 0);
    put16(dir, 0);
    put32(dir, 0);
    put32(dir, zip64 ? 0xFFFFFFFF : offset);
    dir += e.name;
    if (zip64) {
      put16(dir, 1);
      put16(dir, 24);
      put64(dir, e.data.size());
      put64(dir, payload.size());
      put64(dir, offset);
    }
  }
  std::string out = body + dir;
  if (zip64) {
    const std::size_t rec = out.size();
    put32(out, 0x06064b50);
    put64(out, 44);
    put16(out, 45);
    put16(out, 45);
    put32(out, 0);
    put32(out, 0);
    put64(out, entries.size());
    put64(out, entries.size());
    put64(out, dir.size());
    put64(out, body.size());
    put32(out, 0x07064b50);
    put32(out, 0);
    put64(out, rec);
    put32(out, 1);
  }
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, zip64 ? 0xFFFF : static_cast<std::uint16_t>(entries.size()));
  put16(out, zip64 ? 0xFFFF : static_cast<std::uint16_t>(entries.size()));
  put32(out, zip64 ? 0xFFFFFFFF : static_cast<std::uint32_t>(dir.size()));
  put32(out, zip64 ? 0xFFFFFFFF : static_cast<std::uint32_t>(body.size()));
  put16(out, 0);
  return out;
}

const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string document(const std::string& body_xml) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"") + kW + "\"><w:body>" +
         body_xml + "</w:body></w:document>";
}

std::string docx(const std::string& document_xml, bool deflated = true) {
  return make_zip({{"word/document.xml", document_xml, deflated}});
}

/// Offset of the central directory record of `name` in a ZIP made by make-docx.mjs / make_zip.
std::size_t central_record(const std::string& zip, const std::string& name) {
  for (std::size_t at = zip.rfind("PK\x01\x02"); at != std::string::npos && at > 0;
       at = zip.rfind("PK\x01\x02", at - 1)) {
    const std::size_t n = static_cast<unsigned char>(zip[at + 28]) | (static_cast<unsigned char>(zip[at + 29]) << 8);
    if (zip.compare(at + 46, n, name) == 0) return at;
  }
  FAIL("no central record for " << name);
  return 0;
}

}  // namespace

// ---- renditions ----------------------------------------------------------------------------

TEST_CASE("docx without tables: one line per paragraph; tabs, breaks, fields, links, controls") {
  CHECK(render(fixture("paragraphs.docx")) ==
        "2021年度政府信息公开工作年度报告\n"
        "本报告 依据\n"
        "第二行\n"
        "页码3，域2022年1月5日\n"
        "中国政府网 与 控件文字结束\n"
        "多个 空格\n"
        "a|b\n");
}

TEST_CASE("docx tracked changes: insertions kept, deletions and deleted rows dropped") {
  CHECK(render(fixture("tracked.docx")) ==
        "本年共收到申请21件\n"
        "| 项目 | 数量 |\n"
        "| 新收 | 9 |\n"
        "\n");
}

TEST_CASE("docx tables: gridSpan once, vMerge continuation emits nothing, layout tables dissolve") {
  CHECK(render(fixture("tables.docx")) ==
        "| 指标 | 数量 |\n"
        "| 本年 | 上年 |\n"
        "| 收到¦申请 | 3 | 4 |\n"
        "| 多段 文字 |  | 5 |\n"
        "| 第一段 第二段 | 1 | 2 |\n"
        "\n"
        "左侧说明\n"
        "| a | b |\n"
        "| 1 | 2 |\n"
        "\n"
        "表后文字\n"
        "右侧\n"
        "结尾\n");
}

TEST_CASE("docx automatic numbering: direct, through a style, nested levels, bullets dropped") {
  CHECK(render(fixture("numbering.docx")) ==
        "一、总体情况\n"
        "（一）主动公开\n"
        "1. 规章\n"
        "2. 规范性文件\n"
        "（二）依申请公开\n"
        "要点\n"
        "二、主动公开政府信息情况\n"
        "| 属于国家秘密 | 1 |\n"
        "\n"
        "三、第三节\n");
}

TEST_CASE("docx hostile numbering: absurd labels are dropped, counters stay bounded") {
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
      "Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" "
      "Target=\"numbering.xml\"/></Relationships>";
  std::string long_text;
  for (int i = 0; i < 1000; ++i) long_text += "%1";
  const std::string numbering = std::string("<w:numbering xmlns:w=\"") + kW +
                                "\"><w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start "
                                "w:val=\"100000000\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%1)\"/>"
                                "</w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"" +
                                long_text +
                                "\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/>"
                                "</w:num></w:numbering>";
  std::string body;
  for (int i = 0; i < 3; ++i)
    body += "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(i % 2) +
            "\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>项</w:t></w:r></w:p>";
  const std::string z = make_zip({{"word/document.xml", document(body)},
                                  {"word/_rels/document.xml.rels", rels},
                                  {"word/numbering.xml", numbering}});
  CHECK(render(z) == "100000000) 项\n项\n100000001) 项\n");
}

TEST_CASE("docx number formats") {
  using nianbao::docx::format_number;
  CHECK(format_number(1, "chineseCounting") == "一");
  CHECK(format_number(10, "chineseCounting") == "十");
  CHECK(format_number(11, "chineseCounting") == "十一");
  CHECK(format_number(20, "chineseCountingThousand") == "二十");
  CHECK(format_number(105, "chineseCounting") == "一百零五");
  CHECK(format_number(110, "chineseCounting") == "一百一十");
  CHECK(format_number(2021, "chineseCounting") == "二千零二十一");
  CHECK(format_number(3, "chineseLegalSimplified") == "叁");
  CHECK(format_number(2021, "ideographDigital") == "二〇二一");
  CHECK(format_number(2, "ideographTraditional") == "乙");
  CHECK(format_number(3, "decimalEnclosedCircle") == "③");
  CHECK(format_number(12, "decimalFullWidth") == "１２");
  CHECK(format_number(4, "upperRoman") == "IV");
  CHECK(format_number(28, "lowerLetter") == "bb");
  CHECK(format_number(7, "decimalZero") == "07");
  CHECK(format_number(7, "none").empty());
  CHECK(format_number(7, "somethingNew") == "7");
}

TEST_CASE("docx XML variants: stored entries, default namespace, UTF-16, ZIP64, text boxes once") {
  CHECK(render(docx(document("<w:p><w:r><w:t>未压缩</w:t></w:r></w:p>"), false)) == "未压缩\n");
  CHECK(render(docx(std::string("<document xmlns=\"") + kW +
                    "\"><body><p><r><t>默认命名空间</t></r></p></body></document>")) == "默认命名空间\n");
  {
    // UTF-16LE with a BOM: "<?xml ...?>" declared UTF-16, text 中文.
    const std::u16string x =
        u"<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:document "
        u"xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>中文</w:t></"
        u"w:r></w:p></w:body></w:document>";
    std::string bytes = "\xFF\xFE";
    for (char16_t c : x) put16(bytes, static_cast<std::uint16_t>(c));
    CHECK(render(docx(bytes)) == "中文\n");
  }
  CHECK(render(make_zip({{"word/document.xml", document("<w:p><w:r><w:t>ZIP64</w:t></w:r></w:p>")}}, true)) ==
        "ZIP64\n");
  const std::string mc =
      std::string("<w:document xmlns:w=\"") + kW +
      "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>"
      "<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><x:txbx "
      "xmlns:x=\"urn:x\"><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></x:txbx>"
      "</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p>"
      "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p></w:body></w:document>";
  CHECK(render(docx(mc)) == "正文\n文本框\n");
  // Moderate nesting (50 wrappers) is fine.
  std::string deep;
  for (int i = 0; i < 50; ++i) deep += "<w:customXml w:element=\"x\">";
  deep += "<w:p><w:r><w:t>深</w:t></w:r></w:p>";
  for (int i = 0; i < 50; ++i) deep += "</w:customXml>";
  CHECK(render(docx(document(deep))) == "深\n");
  // An empty body renders as nothing (the pipeline then reports empty input).
  CHECK(render(docx(document(""))).empty());
}

// ---- hostile input -------------------------------------------------------------------------

TEST_CASE("docx errors: not a zip, truncated, no document, other file types") {
  auto e = failure(fixture("not-a-zip.docx"));
  CHECK(e.code == ErrorCode::bad_docx);
  CHECK(contains(e.message, "不是 ZIP 格式"));

  e = failure(fixture("truncated.docx"));
  CHECK(e.code == ErrorCode::bad_docx);
  CHECK(contains(e.message, "截断"));

  e = failure(fixture("no-document.docx"));
  CHECK(e.code == ErrorCode::bad_docx);
  CHECK(contains(e.message, "没有 Word 正文"));

  e = failure(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'));
  CHECK(contains(e.message, ".doc"));
  e = failure("%PDF-1.7\n...");
  CHECK(contains(e.message, "PDF"));
  e = failure(make_zip({{"xl/workbook.xml", "<workbook/>"}}));
  CHECK(contains(e.message, "Excel"));
  e = failure("");
  CHECK(e.code == ErrorCode::empty_input);
}

TEST_CASE("docx errors: zip bombs") {
  auto e = failure(fixture("bomb.docx"));
  CHECK(e.code == ErrorCode::bad_docx);
  CHECK(contains(e.message, "压缩炸弹"));
  e = failure(fixture("bomb-lie.docx"));
  CHECK(e.code == ErrorCode::bad_docx);
  CHECK(contains(e.message, "压缩炸弹"));

  // Declared far beyond the 64 MiB budget: refused before inflating anything.
  std::string z = fixture("paragraphs.docx");
  set32(z, central_record(z, "word/document.xml") + 24, 0xFFFFFFF0u);
  e = failure(z);
  CHECK(e.code == ErrorCode::too_large);
  CHECK(contains(e.message, "超过上限"));
  z = fixture("paragraphs.docx");
  set32(z, central_record(z, "word/document.xml") + 24, 65u << 20);
  CHECK(failure(z).code == ErrorCode::too_large);

  // Many entries pointing at the same data, with the same name: refused.
  std::vector<ZipEntry> same(3, ZipEntry{"word/document.xml", document("<w:p/>")});
  e = failure(make_zip(same));
  CHECK(contains(e.message, "不止一次"));
  // Too many entries.
  std::vector<ZipEntry> many;
  for (int i = 0; i <= 10000; ++i) many.push_back({"f" + std::to_string(i), "", false});
  many.push_back({"word/document.xml", document("<w:p/>")});
  e = failure(make_zip(many));
  CHECK(e.code == ErrorCode::too_large);
  CHECK(contains(e.message, "10000"));
}

TEST_CASE("docx errors: bad CRC, encryption, broken headers, bad XML, deep nesting, size limit") {
  const std::string good = fixture("paragraphs.docx");
  const std::size_t rec = central_record(good, "word/document.xml");

  std::string z = good;
  set32(z, rec + 16, 0x12345678);
  auto e = failure(z);
  CHECK(e.code == ErrorCode::bad_docx);
  CHECK(contains(e.message, "CRC"));
  CHECK(e.position == rec);

  z = good;
  set16(z, rec + 8, 0x0001);
  CHECK(contains(failure(z).message, "加密"));

  z = good;
  set16(z, rec + 10, 14);  // LZMA
  CHECK(contains(failure(z).message, "压缩方式"));

  z = good;
  set32(z, rec + 42, 0x7FFFFFF0);  // local header far outside the file
  CHECK(failure(z).code == ErrorCode::bad_docx);

  z = good;
  set32(z, z.size() - 6, 0x7FFFFFF0);  // central directory offset outside the file
  CHECK(contains(failure(z).message, "超出文件范围"));

  e = failure(docx(document("<w:p><w:r><w:t>未闭合</w:r></w:p>")));
  CHECK(contains(e.message, "不是格式正确的 XML"));
  e = failure(make_zip({{"word/document.xml", "<html><body>不是 Word</body></html>"}}));
  CHECK(contains(e.message, "不是 Word 正文"));

  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<w:sdt><w:sdtContent>";
  for (int i = 0; i < 100000; ++i) deep += "</w:sdtContent></w:sdt>";
  e = failure(docx(document(deep), false));
  CHECK(contains(e.message, "嵌套"));

  nianbao::Limits small;
  small.max_input_bytes = 20;
  e = failure(good, small);
  CHECK(e.code == ErrorCode::too_large);
}

TEST_CASE("docx XML entities are never expanded (billion laughs)") {
  std::string dtd = "<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\">";
  const char* names = "abcdefghij";
  for (int i = 1; i < 10; ++i) {
    dtd += std::string("<!ENTITY ") + names[i] + " \"";
    for (int k = 0; k < 10; ++k) dtd += std::string("&") + names[i - 1] + ";";
    dtd += "\">";
  }
  dtd += "]>";
  const std::string xml = std::string("<?xml version=\"1.0\"?>") + dtd + "<w:document xmlns:w=\"" + kW +
                          "\"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>";
  nianbao::Error e{ErrorCode::io_error, "", 0};
  const auto r = nianbao::docx_to_text(docx(xml), {}, &e);
  if (r) CHECK(r->size() < 100);  // "&j;" left as written
}

TEST_CASE("docx every truncation and many corruptions fail cleanly") {
  const std::string good = fixture("t3-2021.docx");
  std::size_t ok = 0;
  for (std::size_t n = 0; n < good.size(); ++n) {
    nianbao::Error e{ErrorCode::io_error, "", 0};
    const auto r = nianbao::docx_to_text(std::string_view(good).substr(0, n), {}, &e);
    if (r)
      ++ok;
    else
      CHECK(!e.message.empty());
  }
  CHECK(ok == 0);
  std::size_t failed = 0;
  for (std::size_t i = 0; i < good.size(); i += 3) {
    std::string z = good;
    z[i] = static_cast<char>(z[i] ^ 0x5A);
    nianbao::Error e{ErrorCode::io_error, "", 0};
    const auto r = nianbao::docx_to_text(z, {}, &e);
    if (!r) {
      ++failed;
      CHECK(!e.message.empty());
    }
  }
  CHECK(failed > 0);
  // Trailing bytes after the end record are tolerated.
  CHECK(!render(good + std::string(100, '\0')).empty());
}

// ---- end to end ----------------------------------------------------------------------------

TEST_CASE("docx T3/T4 in Word's layout read through the text pipeline: cells right, no findings") {
  const std::string text = render(fixture("t3-2021.docx"));
  CHECK(text.rfind("三、收到和处理政府信息公开申请情况\n"
                   "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |\n"
                   "| 自然人 | 法人或其他组织 | 总计 |\n"
                   "| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
                   "| 一、本年新收政府信息公开申请数量 | 200 | 10 | 1 | 0 | 3 | 3 | 217 |\n",
                   0) == 0);
  CHECK(contains(text,
                 "\n| 三、本年度办理结果 | （一）予以公开 | 100 | 5 | 1 | 0 | 1 | 1 | 108 |\n"
                 "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 20 | 1 | 0 | 0 | 0 | 0 | 21 |\n"
                 "| （三）不予公开 | 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
                 "| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"));
  CHECK(contains(text,
                 "\n| 四、结转下年度继续办理 | 15 | 1 | 0 | 0 | 1 | 1 | 18 |\n\n"
                 "四、政府信息公开行政复议、行政诉讼情况\n"
                 "| 行政复议 | 行政诉讼 |\n"
                 "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n"));
  CHECK(contains(text,
                 "\n| 2 | 1 | 3 | 1 | 7 | 0 | 0 | 0 | 0 | 0 | 13 | 2 | 4 | 0 | 19 |\n\n"
                 "五、存在的主要问题及改进情况\n"));

  testing::expect_consistent_2021_tables(text);

  const nianbao::Report r = testing::check_ok(text);
  CHECK(r.meta.format == nianbao::Format::f2021);
  CHECK(testing::table_findings(r).empty());
  for (const auto* f : testing::table_findings(r)) MESSAGE(nianbao::rule_id(f->rule) << ": " << f->message);
}
