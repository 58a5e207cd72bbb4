// The words every paragraph is screened for (internal): page chrome (narrative.cpp) and the
// integrity words (content.cpp: spam, typos, address words). They are looked for together, in
// one pass over each paragraph (Prose::screen_words()), since nearly no paragraph has any.
#pragma once
#include <array>
#include <cstdint>
#include <string_view>
#include <utility>

#include "text/phrases.hpp"

namespace nianbao {

namespace screening {

using namespace std::string_view_literals;

/// Site chrome: page furniture of government portals around the report.
constexpr std::array kChrome = {"【打印内容】"sv, "【关闭窗口】"sv, "【打印本页】"sv, "【关闭】"sv, "浏览次数"sv, "字号:"sv, "【大 中 小】"sv,
                                "ICP备"sv, "公网安备"sv, "网站标识码"sv, "主办:"sv, "承办:"sv, "站点地图"sv, "网站支持IPv6"sv,
                                "索引号:"sv, "发布机构:"sv, "信息来源:"sv, "版权所有"sv, "技术支持:"sv, "当前位置:"sv,
                                "您现在的位置"sv, "分享到:"sv, "扫一扫在手机打开"sv};

/// Words of injected spam pages (seed 003's "365体育投注"); none has a use in a government report.
/// "投注站" (a lottery outlet) is allowed.
struct Spam {
  std::string_view word, kind;
};
constexpr std::array kTampering = {
    Spam{"投注", "博彩"}, Spam{"百家乐", "博彩"}, Spam{"娱乐城", "博彩"}, Spam{"葡京", "博彩"}, Spam{"老虎机", "博彩"},
    Spam{"六合彩", "博彩"}, Spam{"时时彩", "博彩"}, Spam{"真人视讯", "博彩"}, Spam{"开户送", "博彩"}, Spam{"彩金", "博彩"},
    Spam{"北京赛车", "博彩"}, Spam{"皇冠体育", "博彩"}, Spam{"亚博体育", "博彩"},
    Spam{"电子游艺", "博彩"}, Spam{"裸聊", "色情"}, Spam{"一夜情", "色情"}, Spam{"约炮", "色情"}, Spam{"成人影片", "色情"},
    Spam{"成人视频", "色情"}};

/// Corruptions of the domain's fixed terms: {wrong, right, characters after `wrong` that make it
/// a legitimate word}.
struct Typo {
  std::string_view wrong, right, legit_next;
};
constexpr std::array kTypos = {
    Typo{"政府信息开"sv, "政府信息公开"sv, "展放发始通"sv},
    Typo{"行政法复议"sv, "行政复议"sv, ""sv},
    Typo{"行政复以"sv, "行政复议"sv, ""sv},
    Typo{"行政复义"sv, "行政复议"sv, ""sv},
    Typo{"行政诉公"sv, "行政诉讼"sv, ""sv},
    Typo{"依申请开公"sv, "依申请公开"sv, ""sv},
    Typo{"信息开公"sv, "信息公开"sv, ""sv},
    Typo{"公开条列"sv, "公开条例"sv, ""sv},
    Typo{"规范行文件"sv, "规范性文件"sv, ""sv},
    Typo{"政务公公开"sv, "政务公开"sv, ""sv},
};

/// Words of a home address (pii).
constexpr std::array kAddressWords = {"家庭住址"sv, "家住"sv, "现住址"sv, "户籍地址"sv, "住址:"sv};
constexpr PhraseSet kAddressSet = [] {
  PhraseSet s;
  for (std::string_view w : kAddressWords) s.add(w);
  return s;
}();

/// The anchors of the words below whose first two characters are common in reports (网站, 信息,
/// 行政, 公开, 电子, 视频…): two characters of each (six bytes) that are not.
constexpr std::array kAnchors = {
    std::pair{"网站标识码"sv, "标识"sv}, std::pair{"网站支持IPv6"sv, "持IPv"sv}, std::pair{"发布机构:"sv, "布机"sv},
    std::pair{"信息来源:"sv, "息来"sv},   std::pair{"技术支持:"sv, "术支"sv},     std::pair{"当前位置:"sv, "前位"sv},
    std::pair{"分享到:"sv, "享到"sv},     std::pair{"娱乐城"sv, "乐城"sv},         std::pair{"六合彩"sv, "合彩"sv},
    std::pair{"时时彩"sv, "时彩"sv},       std::pair{"真人视讯"sv, "视讯"sv},       std::pair{"开户送"sv, "户送"sv},
    std::pair{"北京赛车"sv, "赛车"sv},     std::pair{"电子游艺"sv, "游艺"sv},       std::pair{"一夜情"sv, "夜情"sv},
    std::pair{"成人影片"sv, "影片"sv},     std::pair{"成人视频"sv, "人视"sv},       std::pair{"政府信息开"sv, "息开"sv},
    std::pair{"行政法复议"sv, "法复"sv},   std::pair{"行政复以"sv, "复以"sv},       std::pair{"行政复义"sv, "复义"sv},
    std::pair{"行政诉公"sv, "诉公"sv},     std::pair{"依申请开公"sv, "开公"sv},     std::pair{"信息开公"sv, "开公"sv},
    std::pair{"公开条列"sv, "条列"sv},     std::pair{"规范行文件"sv, "范行"sv},     std::pair{"政务公公开"sv, "公公"sv},
    std::pair{"家庭住址"sv, "住址"sv},     std::pair{"现住址"sv, "住址"sv},         std::pair{"户籍地址"sv, "籍地"sv},
    std::pair{"住址:"sv, "住址"sv}};
constexpr std::string_view anchor_of(std::string_view word) {
  for (const auto& [w, a] : kAnchors)
    if (w == word) return a;
  return {};
}

/// All of them together, in this order: one pass over a paragraph finds which it has.
constexpr AnchoredPhraseSet kWords = [] {
  AnchoredPhraseSet s;
  auto add = [&](std::string_view w) { s.add(w, anchor_of(w)); };
  for (std::string_view c : kChrome) add(c);
  for (const Spam& x : kTampering) add(x.word);
  for (const Typo& x : kTypos) add(x.wrong);
  for (std::string_view w : kAddressWords) add(w);
  return s;
}();
/// Where each list starts in kWords.which(), and its bits there.
constexpr std::size_t kTamperingFirst = kChrome.size(), kTypoFirst = kTamperingFirst + kTampering.size(),
                      kAddressFirst = kTypoFirst + kTypos.size();
constexpr std::uint64_t bits(std::size_t first, std::size_t count) { return ((std::uint64_t{1} << count) - 1) << first; }
constexpr std::uint64_t kChromeBits = bits(0, kChrome.size()), kTamperingBits = bits(kTamperingFirst, kTampering.size()),
                        kTypoBits = bits(kTypoFirst, kTypos.size()), kAddressBits = bits(kAddressFirst, kAddressWords.size());
static_assert(kAddressFirst + kAddressWords.size() <= 64 && kWords.size() == kAddressFirst + kAddressWords.size());
static_assert(!kAddressSet.overflowed() && !kWords.bad());
static_assert([] {  // every anchor is one of the words
  for (const auto& [w, a] : kAnchors) {
    bool known = false;
    for (std::size_t i = 0; i < kWords.size(); ++i) known = known || kWords[i] == w;
    if (!known) return false;
  }
  return true;
}());

}  // namespace screening

}  // namespace nianbao
