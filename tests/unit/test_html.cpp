// The HTML reader: rendition rules (docs/contracts.md, docs/html.md), messy and hostile input,
// and one run of a government-site HTML T3/T4 through the text pipeline.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "helpers.hpp"
#include "read/html_reader.hpp"
#include "tables/matcher.hpp"
#include "read/normalize.hpp"
#include "read/reader.hpp"
#include "tables/relations.hpp"

namespace {

std::string render(const std::string& html, nianbao::Limits limits = {}) {
  nianbao::Error e{};
  const auto out = nianbao::html_to_text(html, limits, &e);
  REQUIRE_MESSAGE(out.has_value(), "html_to_text failed: " << e.message);
  return *out;
}

nianbao::Error render_error(const std::string& html, nianbao::Limits limits = {}) {
  nianbao::Error e{};
  const auto out = nianbao::html_to_text(html, limits, &e);
  REQUIRE_MESSAGE(!out.has_value(), "expected an error, got: " << *out);
  return e;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string fixture(const std::string& name) {
  const std::string path = std::string(NIANBAO_HTML_FIXTURES_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "fixture not readable: " << path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

// ---- tables ---------------------------------------------------------------------------------

TEST_CASE("clipboard HTML of a T3 header: merged cells once, empty header cells kept, rows exact") {
  // What a browser puts on the clipboard for a selected table (text/html flavour).
  const std::string html =
      "<meta charset='utf-8'><table border=\"1\" style=\"border-collapse:collapse\"><tbody>"
      "<tr><td colspan=\"3\" rowspan=\"3\"></td><td colspan=\"7\"><p align=center>申请人情况</p></td></tr>\n"
      "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>\n"
      "<tr><th>商业<br>企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr>\n"
      "<tr><td colspan=\"3\">一、本年新收政府信息公开申请数量</td><td>200</td><td>10</td><td>1</td><td>0</td>"
      "<td>3</td><td>3</td><td>217</td></tr>\n"
      "<tr><td rowspan=\"22\">三、本年度办理结果</td><td colspan=\"2\">（一）予以公开</td><td>100</td><td>5</td>"
      "<td>1</td><td>0</td><td>1</td><td>1</td><td>108</td></tr>\n"
      "<tr><td rowspan=\"8\">（三）不予公开</td><td>1.属于国家秘密</td><td>1</td><td></td><td>&nbsp;</td>"
      "<td>0</td><td>0</td><td>0</td><td>1</td></tr>\n"
      "<tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>\n"
      "</tbody></table>";
  CHECK(render(html) ==
        "|  | 申请人情况 |\n"
        "| 自然人 | 法人或其他组织 | 总计 |\n"
        "| 商业 企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
        "| 一、本年新收政府信息公开申请数量 | 200 | 10 | 1 | 0 | 3 | 3 | 217 |\n"
        "| 三、本年度办理结果 | （一）予以公开 | 100 | 5 | 1 | 0 | 1 | 1 | 108 |\n"
        "| （三）不予公开 | 1.属于国家秘密 | 1 |  |  | 0 | 0 | 0 | 1 |\n"
        "| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "\n");
}

TEST_CASE("cell text: spans joined, &nbsp; is white space, paragraphs and <br> give one space, | becomes ¦") {
  const std::string html =
      "<p>共&nbsp;&nbsp;<b>217</b>&nbsp;件</p>"
      "<table><tr><td><span>2</span><span>17</span></td><td><p>本年新收</p>\n<p>申请数量</p></td>"
      "<td>  a \n\t b  </td><td>x|y</td><td><font><span lang=EN-US>1</span></font><span>0</span>8</td></tr>"
      "<tr><td>&nbsp;</td><td></td><td>&#160;&#x3000;</td><td>　</td><td></td></tr>"  // all blank: dropped
      "<tr><td>行政</td><td>复议</td></tr></table>";
  CHECK(render(html) ==
        "共 217 件\n"
        "| 217 | 本年新收 申请数量 | a b | x¦y | 108 |\n"
        "| 行政 | 复议 |\n"
        "\n");
}

TEST_CASE("caption before the table; thead/tbody/tfoot transparent; th like td; stray text before") {
  const std::string html =
      "<table><caption>表3 收到和处理申请情况</caption>"
      "<thead><tr><th>项目</th><th>数量</th></tr></thead>"
      "<tbody><tr><td>予以公开</td><td>5</td></tr></tbody>"
      "<tfoot><tr><td>合计</td><td>5</td></tr></tfoot>说明文字</table><p>表后</p>";
  CHECK(render(html) ==
        "说明文字\n"
        "表3 收到和处理申请情况\n"
        "| 项目 | 数量 |\n"
        "| 予以公开 | 5 |\n"
        "| 合计 | 5 |\n"
        "\n"
        "表后\n");
}

TEST_CASE("a table inside a table cell: the outer one is layout, its cells become blocks") {
  const std::string html =
      "<table width=1000><tr>"
      "<td><a href=/>首页</a> | <a href=/zw>政务公开</a></td>"
      "<td><h2>一、总体情况</h2><p>正文第一段。</p>"
      "<table border=1><tr><td>行政复议</td><td>行政诉讼</td></tr><tr><td>1</td><td>2</td></tr></table>"
      "<p>正文第二段。</p>"
      "<table><tr><td><table><tr><td>甲</td><td>乙</td></tr></table></td></tr></table>"
      "</td></tr>"
      "<tr><td colspan=2>版权所有</td></tr></table>";
  CHECK(render(html) ==
        "首页 | 政务公开\n"
        "一、总体情况\n"
        "正文第一段。\n"
        "| 行政复议 | 行政诉讼 |\n"
        "| 1 | 2 |\n"
        "\n"
        "正文第二段。\n"
        "| 甲 | 乙 |\n"
        "\n"
        "版权所有\n");
}

TEST_CASE("a one-column table frames running text: its cells are blocks, not rows") {
  const std::string html =
      "<table width=100%><tr><td><p>一、总体情况</p><p>本年度……</p></td></tr>"
      "<tr><td>二、主动公开政府信息情况</td></tr></table>";
  CHECK(render(html) == "一、总体情况\n本年度……\n二、主动公开政府信息情况\n");
}

// ---- text -----------------------------------------------------------------------------------

TEST_CASE("blocks are lines, inline elements join without spaces, white space collapses") {
  const std::string html =
      "<div>第一段<span>紧接</span><b>加粗</b><a href=#>链接</a></div>"
      "<p>  多个   空格\t和\r\n换行 text  </p><p></p><div> </div>"
      "<ul><li>甲</li><li>乙</li></ul>"
      "<p>前<br>后<br><br>再后</p>"
      "<h3>标题</h3>正文<hr>尾";
  CHECK(render(html) ==
        "第一段紧接加粗链接\n"
        "多个 空格 和换行 text\n"
        "甲\n乙\n"
        "前\n后\n再后\n"
        "标题\n正文\n尾\n");
}

TEST_CASE("a source line break between two Chinese characters disappears (Word wraps its HTML)") {
  CHECK(render("<p>全部在法定期限内\n答复。</p>") == "全部在法定期限内答复。\n");
  CHECK(render("<p>共收到\n12\n件</p>") == "共收到 12 件\n");
  CHECK(render("<p>甲&nbsp;\n乙</p>") == "甲 乙\n");  // a non-breaking space is kept as a space
  CHECK(render("<p>甲 乙</p>") == "甲 乙\n");         // so is a space without a line break
}

TEST_CASE("<pre> keeps its line breaks") {
  CHECK(render("<pre>第一行\n  第二行\n\n第三行</pre>") == "第一行\n第二行\n第三行\n");
}

TEST_CASE("script, style, noscript, template, head, comments and hidden elements emit nothing") {
  const std::string html =
      "<html><head><title>标题不出现</title><style>p{}</style><script>var a='<p>x</p>';</script></head>"
      "<body><!-- 注释 --><p>可见</p><script type=text/javascript>document.write('<td>');</script>"
      "<noscript>请启用脚本</noscript><template><p>模板</p></template>"
      "<div hidden>隐藏一</div><div style=\"color:red; DISPLAY : none !important\">隐藏二</div>"
      "<span style='visibility:hidden'>隐藏三</span><select><option>选项</option></select>"
      "<iframe src=x>框架</iframe><svg><text>图</text></svg>"
      "<p>也可见<span style=\"display:inline\">。</span></p></body></html>";
  CHECK(render(html) == "可见\n也可见。\n");
}

TEST_CASE("Word's HTML: conditional blocks, <o:p>, <st1:chsdate>, mso list numbers") {
  const std::string text = render(fixture("word_export.html"));
  CHECK(text ==
        "某某市交通运输局2021年政府信息公开工作年度报告\n"
        "本年度共收到政府信息公开申请12件，全部在法定期限内答复。\n"
        "1. 属于国家秘密\n"
        "2022年1月20日\n");
}

TEST_CASE("processing instructions, XML islands and text after </html>") {
  CHECK(render("<p>正文<?xml:namespace prefix = o ns = \"urn:schemas-microsoft-com:office:office\" />"
               "<o:p></o:p>继续</p><p>x <? 不是指令 ?> y</p><p>a <![CDATA[ b ]]> c</p></body></html>"
               "<p>尾部</p><script>1</script>文字") ==
        "正文继续\nx y\na c\n尾部\n文字\n");
}

TEST_CASE("entities and character references") {
  CHECK(render("<p>a &lt; b &amp;&amp; c &gt; d &#21512;&#x8ba1; &copy; &unknown; &#160</p>") ==
        "a < b && c > d 合计 © &unknown;\n");
  // Without ";" a browser still decodes the longest entity name at the start.
  CHECK(render("<td>&nbsp217&nbsp;件 &amp 甲&ampx &copyright &foo</td>") == "217 件 & 甲&x ©right &foo\n");
  CHECK(render("<p>&amp;nbsp; 双重转义</p>") == "&nbsp; 双重转义\n");
  CHECK(render("<p>a&#38</p><p>b&#38<b>c</b>&#38nbsp;&#38nbsp</p>") == "a&\nb&c&nbsp;&nbsp\n");
}

// ---- recovery -------------------------------------------------------------------------------

TEST_CASE("unclosed and mis-nested tags are recovered, not rejected") {
  const std::string html =
      "<p>一段<p>二段<b>粗<i>斜</b>体</i>尾"
      "<table><tr><td>a<td>b</td></td></td><td><p>c<p>d</tr><tr><td>e<td>f"
      "</table></table></div></span>"
      "<p>表后<div>块中<p>段中</div>后";
  CHECK(render(html) ==
        "一段\n"
        "二段粗斜体尾\n"
        "| a | b | c d |\n"
        "| e | f |\n"
        "\n"
        "表后\n块中\n段中\n后\n");
  // A table that never ends, a cell left open at the end of the input.
  CHECK(render("<table><tr><td>1<td>2") == "| 1 | 2 |\n\n");
  // <td> outside any table.
  CHECK(render("<td>孤立</td>单元") == "孤立\n单元\n");
}

TEST_CASE("a full saved page: site chrome stays as text, the article and its table come through") {
  const std::string text = render(fixture("saved_page.html"));
  CHECK(text ==
        "首页\n政务公开\n互动交流\n"
        "信息公开目录\n机构职能\n政策文件\n"
        "当前位置：首页 > 政务公开 > 年度报告\n"
        "某某县档案局2021年政府信息公开工作年度报告\n"
        "信息来源：某某县档案局 发布时间：2022-01-20 浏览次数：128 【打印】【关闭】\n"
        "本报告根据《中华人民共和国政府信息公开条例》编制。\n"
        "一、总体情况\n"
        "2021年，某某县档案局共收到政府信息公开申请217件。\n"
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "| 行政复议 | 行政诉讼 |\n"
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n"
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n"
        "| 2 | 1 | 3 | 1 | 7 | 0 | 0 | 0 | 0 | 0 | 13 | 2 | 4 | 0 | 19 |\n"
        "\n"
        "五、存在的主要问题及改进情况\n"
        "一是主动公开的深度还不够。\n"
        "主办：某某县人民政府办公室 承办：某某县大数据中心\n"
        "网站标识码：1234000001 辽ICP备12345678号\n");
  // The page declares gb2312, but the reader is given UTF-8 and must not re-decode it.
  CHECK(contains(text, "某某县档案局"));
}

TEST_CASE("a declared legacy charset never re-decodes the UTF-8 input") {
  for (const char* meta : {"<meta charset=\"gbk\">", "<meta http-equiv=Content-Type content=\"text/html; charset=GB2312\">",
                           "<?xml version=\"1.0\" encoding=\"gb18030\"?>", "<meta charset=\"big5\">"}) {
    CHECK(render(std::string(meta) + "<p>政府信息公开</p>") == "政府信息公开\n");
  }
  // A UTF-8 byte order mark is skipped.
  CHECK(render("\xEF\xBB\xBF<p>年报</p>") == "年报\n");
}

// ---- hostile input --------------------------------------------------------------------------

TEST_CASE("pathological input finishes quickly and without a crash") {
  const auto t0 = std::chrono::steady_clock::now();
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "深处";
  for (int i = 0; i < 100000; ++i) deep += "</div>";
  CHECK(render(deep) == "深处\n");

  std::string unclosed;  // never closed, with text on every level
  for (int i = 0; i < 100000; ++i) unclosed += "<span><b>字";
  CHECK(render(unclosed).size() == 100000 * 3 + 1);

  std::string tables;  // 20 000 tables, each in a cell of the previous one
  for (int i = 0; i < 20000; ++i) tables += "<table><tr><td>";
  tables += "中心<td>右";
  CHECK(render(tables) == "| 中心 | 右 |\n\n");

  std::string cells;
  for (int i = 0; i < 100000; ++i) cells += "<td>1";
  CHECK(render("<table><tr>" + cells).size() == 2 + 100000 * 4 + 1);

  const std::string big = "<p>" + std::string(1 << 20, 'x') + "</p>";  // one 1 MiB text node
  CHECK(render(big).size() == (1u << 20) + 1);
  std::string wide;  // 1 MB of Chinese, source-wrapped every 40 characters
  for (int i = 0; i < 8000; ++i) wide += std::string("政府信息公开年度报告政府信息公开年度报告政府信息公开年度报告政府信息公开年度报告\n");
  CHECK(render("<p>" + wide + "</p>").size() == 8000 * 120 + 1);

  std::string fonts;  // an old page that never closes its <font> tags: nothing is cut off
  for (int i = 0; i < 3000; ++i) fonts += "<p><font size=3 color=red>第" + std::to_string(i) + "段\n";
  const std::string font_text = render("<body>" + fonts + "<table><tr><td>末尾<td>表格</table>");
  CHECK(font_text.rfind("第0段\n第1段\n", 0) == 0);
  CHECK(contains(font_text, "\n第2999段\n| 末尾 | 表格 |\n\n"));

  // Stray end tags under 100 000 unclosed elements would make libxml2 search its stack of open
  // elements 100 000 times (minutes): the parse stops with an error instead.
  std::string tangled;
  for (int i = 0; i < 100000; ++i) tangled += "<span>";
  for (int i = 0; i < 100000; ++i) tangled += "</x>";
  const auto t1 = std::chrono::steady_clock::now();
  const auto tangled_error = render_error(tangled);
  CHECK(tangled_error.code == nianbao::ErrorCode::bad_html);
  CHECK(tangled_error.position > 600000);
  CHECK(seconds_since(t1) < 5.0);

  CHECK(render("<p title=\"" + std::string(2 << 20, 'a') + "\">属性后</p>") == "属性后\n");
  CHECK(render("<!--" + std::string(2 << 20, '-') + "<p>未闭合注释</p>").find("未闭合") == std::string::npos);
  CHECK(seconds_since(t0) < 20.0);
}

TEST_CASE("empty input, only white space or only invisible content: empty rendition") {
  CHECK(render("").empty());
  CHECK(render(" \n\t ").empty());
  CHECK(render("<html><head><title>x</title></head><body><script>1</script></body></html>").empty());
  CHECK(render("<table><tr><td></td></tr></table>").empty());
}

TEST_CASE("errors: too large, binary; invalid bytes in text are replaced") {
  nianbao::Limits small;
  small.max_input_bytes = 100;
  const auto big = render_error("<p>" + std::string(200, 'a') + "</p>", small);
  CHECK(big.code == nianbao::ErrorCode::too_large);
  CHECK(contains(big.message, "上限"));
  CHECK(render(std::string(100, 'a'), small) == std::string(100, 'a') + "\n");

  const auto nul = render_error(std::string("<p>a\0b</p>", 10));
  CHECK(nul.code == nianbao::ErrorCode::not_text);
  CHECK(nul.position == 4);
  std::string binary;
  for (int i = 0; i < 1000; ++i) binary += static_cast<char>(0x80 + (i * 7) % 0x40);
  CHECK(render_error(binary).code == nianbao::ErrorCode::not_text);

  // One stray byte (and a control character) in otherwise good UTF-8.
  CHECK(render("<p>年\xFF报\x01</p>") == "年\xEF\xBF\xBD报\n");
  CHECK(nianbao::html_to_text("<p>x</p>", {}, nullptr) == std::optional<std::string>("x\n"));
}

// ---- end to end -----------------------------------------------------------------------------

namespace {

/// The consistent 2021 T3 and T4 of helpers.hpp as a government site publishes them: merged
/// header cells, rowspan on 三、本年度办理结果 and the （三）–（六） groups, colspan on the
/// single-label rows, Word's <p><span> wrapping, &nbsp; in the corner, a number split over spans.
std::string government_t3_t4_html() {
  const std::map<std::string, std::string> attrs = {
      {"一、本年新收政府信息公开申请数量", " colspan=\"3\""},
      {"二、上年结转政府信息公开申请数量", " colspan=\"3\""},
      {"三、本年度办理结果", " rowspan=\"22\""},
      {"（一）予以公开", " colspan=\"2\""},
      {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", " colspan=\"2\""},
      {"（三）不予公开", " rowspan=\"8\""},
      {"（四）无法提供", " rowspan=\"3\""},
      {"（五）不予处理", " rowspan=\"5\""},
      {"（六）其他处理", " rowspan=\"3\""},
      {"（七）总计", " colspan=\"2\""},
      {"四、结转下年度继续办理", " colspan=\"3\""},
  };
  auto cell = [](const std::string& a, const std::string& text) {
    return "<td" + a + " valign=\"center\"><p class=\"MsoNormal\" align=\"center\"><span style=\"font-family:仿宋\">" +
           text + "</span></p></td>";
  };
  std::string h =
      "<html><head><meta charset=\"utf-8\"><title>2021年政府信息公开工作年度报告</title></head><body>\n"
      "<div class=\"header\"><a href=\"/\">首页</a> &gt; <a href=\"/xxgk\">信息公开</a></div>\n"
      "<div class=\"article\">\n<h1>某某市统计局2021年度政府信息公开工作年度报告</h1>\n"
      "<p>三、收到和处理政府信息公开申请情况</p>\n"
      "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"600\"><tbody>\n"
      "<tr><td colspan=\"3\" rowspan=\"3\"><p>（本列数据的勾稽关系为：第一项加第二项之和，\n"
      "等于第三项加第四项之和）</p></td><td colspan=\"7\"><p>申请人情况</p></td></tr>\n"
      "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>\n"
      "<tr><td>商业<br>企业</td><td>科研<br/>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>\n";
  for (const testing::T3Row& r : testing::t3_2021_rows()) {
    h += "<tr>";
    for (const std::string& label : r.labels) {
      const auto it = attrs.find(label);
      h += cell(it == attrs.end() ? "" : it->second, label);
    }
    for (const std::string& v : r.values)
      h += cell("", v.size() == 3 ? "<span lang=\"EN-US\">" + v.substr(0, 1) + "</span><span lang=\"EN-US\">" +
                                        v.substr(1) + "<o:p></o:p></span>"
                                  : v);
    h += "</tr>\n";
  }
  h += "</tbody></table>\n<p>四、政府信息公开行政复议、行政诉讼情况</p>\n"
       "<table border=\"1\"><tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>\n"
       "<tr><td rowspan=\"2\">结果<br>维持</td><td rowspan=\"2\">结果<br>纠正</td><td rowspan=\"2\">其他<br>结果</td>"
       "<td rowspan=\"2\">尚未<br>审结</td><td rowspan=\"2\">总计</td><td colspan=\"5\">未经复议直接起诉</td>"
       "<td colspan=\"5\">复议后起诉</td></tr>\n<tr>";
  for (int g = 0; g < 2; ++g)
    for (const char* c : {"结果<br>维持", "结果<br>纠正", "其他<br>结果", "尚未<br>审结", "总计"}) h += cell("", c);
  h += "</tr>\n<tr>";
  for (const std::string& v : testing::t4_values()) h += cell("", v);
  h += "</tr></table>\n<p>五、存在的主要问题及改进情况</p>\n</div>\n"
       "<div class=\"footer\">主办：某某市人民政府办公室 ICP备05001234号</div></body></html>\n";
  return h;
}

}  // namespace

TEST_CASE("HTML T3/T4 as a government site publishes them read through the text pipeline: cells right") {
  const std::string text = render(government_t3_t4_html());
  CHECK(contains(text,
                 "三、收到和处理政府信息公开申请情况\n"
                 "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |\n"
                 "| 自然人 | 法人或其他组织 | 总计 |\n"
                 "| 商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
                 "| 一、本年新收政府信息公开申请数量 | 200 | 10 | 1 | 0 | 3 | 3 | 217 |\n"));
  CHECK(contains(text, "\n| 三、本年度办理结果 | （一）予以公开 | 100 | 5 | 1 | 0 | 1 | 1 | 108 |\n"
                       "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 20 | 1 | 0 | 0 | 0 | 0 | 21 |\n"
                       "| （三）不予公开 | 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
                       "| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"));
  CHECK(contains(text, "\n| 四、结转下年度继续办理 | 15 | 1 | 0 | 0 | 1 | 1 | 18 |\n\n"
                       "四、政府信息公开行政复议、行政诉讼情况\n"
                       "| 行政复议 | 行政诉讼 |\n"
                       "| 结果 维持 | 结果 纠正 | 其他 结果 | 尚未 审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |\n"));
  CHECK(contains(text, "\n| 2 | 1 | 3 | 1 | 7 | 0 | 0 | 0 | 0 | 0 | 13 | 2 | 4 | 0 | 19 |\n\n"
                       "五、存在的主要问题及改进情况\n"));

  testing::expect_consistent_2021_tables(text);
}
