#include "tables/matcher.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "tables/label.hpp"
#include "tables/matcher_rows.hpp"
#include "tables/runtogether.hpp"

namespace nianbao {

using namespace matching;

namespace {

Format vote(const Document& doc, const TemplateIndex& index, CellKeys& keys) {
  std::map<Format, int> votes;
  const std::vector<LabelKey>& fps = index.fingerprints();
  for (const Block& b : doc.blocks) {
    if (b.kind != Block::Kind::table) continue;
    for (const Row& r : b.table.rows)
      for (const Cell& c : r.cells) {
        if (c.text.size() > 400) continue;
        // A cell of ASCII only (numbers) holds no fingerprint: they are Chinese words.
        if (index.fingerprints_have_han() && std::all_of(c.text.begin(), c.text.end(), [](char x) { return static_cast<unsigned char>(x) < 0x80; }))
          continue;
        const LabelKey& k = keys.of(c.text);
        // (A fingerprint with a character the cell lacks is not in it: its bits tell first.)
        const std::uint64_t bits = char_bits(k.core);
        for (std::size_t i = 0; i < fps.size(); ++i)
          if ((index.fingerprint_bits()[i] & ~bits) == 0 && k.core.find(fps[i].core) != std::u32string::npos)
            ++votes[format_fingerprints()[i].format];
      }
  }
  Format best = Format::unknown;
  int best_votes = 0;
  bool tie = false;
  for (auto [f, n] : votes) {
    if (n > best_votes) { best = f; best_votes = n; tie = false; }
    else if (n == best_votes) tie = true;
  }
  return tie ? Format::unknown : best;
}

/// Fingerprints in running text (crawled tables have their header labels in paragraphs).
Format vote_paragraphs(const Document& doc, const TemplateIndex& index) {
  std::map<Format, int> votes;
  // Each paragraph's key is made when a fingerprint first looks at it.
  std::vector<std::optional<std::u32string>> cores(doc.blocks.size());
  const auto fps = format_fingerprints();
  for (std::size_t i = 0; i < fps.size(); ++i) {
    const std::u32string& core = index.fingerprints()[i].core;
    for (std::size_t k = 0; k < doc.blocks.size(); ++k) {
      const Block& b = doc.blocks[k];
      if (b.kind != Block::Kind::paragraph || b.paragraph.text.size() >= 100000) continue;
      if (!cores[k]) cores[k] = label_key(b.paragraph.text).core;
      if (cores[k]->find(core) != std::u32string::npos) {
        ++votes[fps[i].format];
        break;
      }
    }
  }
  Format best = Format::unknown;
  int n = 0;
  for (auto [f, v] : votes)
    if (v > n) { best = f; n = v; } else if (v == n) best = Format::unknown;
  return best;
}

/// `glued`: the document's glued rows of `format`, when already found.
MatchResult run(const Document& doc, Format format, const TemplateIndex& index, const NumberRuns& runs, CellKeys& keys,
                const std::vector<GluedRow>* glued = nullptr) {
  MatchResult out;
  out.format = format;
  Matcher m(format, index, keys, out);
  std::vector<const Paragraph*> before;  // the paragraphs right before the block (the last few)
  for (const Block& b : doc.blocks) {
    if (b.kind == Block::Kind::table) {
      m.caption(before);
      for (std::size_t i = 0; i < b.table.rows.size(); ++i) m.row(b.table.rows, i);
      before.clear();
    } else {
      if (before.size() > Matcher::kCaptionLines) before.erase(before.begin());
      before.push_back(&b.paragraph);
    }
  }
  m.loose_rows();
  m.glued(doc, glued ? *glued : find_glued_rows(doc, format, index, runs));
  out.tables = m.take_tables();
  return out;
}

std::size_t cell_count(const MatchResult& r) {
  std::size_t n = 0;
  for (const ReportTable& t : r.tables) n += t.cells.size();
  return n;
}

}  // namespace

MatchResult match_tables(const Document& doc, std::optional<int> year) {
  const TemplateIndex index;
  return match_tables(doc, year, index);
}

MatchResult match_tables(const Document& doc, std::optional<int> year, const TemplateIndex& index) {
  const NumberRuns runs = number_runs(doc);
  CellKeys keys;
  const bool has_tables = std::any_of(doc.blocks.begin(), doc.blocks.end(),
                                      [](const Block& b) { return b.kind == Block::Kind::table; });
  if (!has_tables) {
    // Perhaps crawled text with the cells run together: the format whose labels are found
    // followed by digits most often.
    Format best = Format::unknown;
    std::size_t best_rows = 0;
    bool tie = false;
    std::array<std::vector<GluedRow>, 3> found;  // per format of the loop (kept for the one chosen)
    constexpr std::array<Format, 3> kFormats{Format::f2021, Format::f2019, Format::legacy};
    for (std::size_t k = 0; k < kFormats.size(); ++k) {
      found[k] = find_glued_rows(doc, kFormats[k], index, runs);
      const std::size_t n = found[k].size();
      if (n > best_rows) { best = kFormats[k]; best_rows = n; tie = false; }
      else if (n == best_rows && n > 0) tie = true;
    }
    if (best == Format::unknown) return {};
    if (tie && best != Format::legacy) best = year && *year >= 2019 && *year <= 2020 ? Format::f2019 : year && *year >= 2021 ? Format::f2021 : best;
    const std::size_t chosen = static_cast<std::size_t>(std::find(kFormats.begin(), kFormats.end(), best) - kFormats.begin());
    MatchResult r = run(doc, best, index, runs, keys, &found[chosen]);
    if (const Format voted = vote_paragraphs(doc, index); voted != Format::unknown) r.format = voted;
    return r;
  }
  const Format voted = vote(doc, index, keys);
  if (voted != Format::unknown) return run(doc, voted, index, runs, keys);
  // No fingerprint: the layout that places more cells wins; on a tie the report year decides.
  MatchResult a = run(doc, Format::f2021, index, runs, keys), b = run(doc, Format::f2019, index, runs, keys),
              l = run(doc, Format::legacy, index, runs, keys);
  const std::size_t na = cell_count(a), nb = cell_count(b), nl = cell_count(l);
  if (na == 0 && nb == 0 && nl == 0) return {};
  if (nl > na && nl > nb) return l;
  if (na > nb) return a;
  if (nb > na) return b;
  if (year && *year >= 2019 && *year <= 2020) return b;
  if (year && *year >= 2021) return a;
  a.format = Format::unknown;  // same cells either way; the layout year is not known
  return a;
}

}  // namespace nianbao
