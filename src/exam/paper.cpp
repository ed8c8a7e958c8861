#include "exam/paper.h"

#include <algorithm>
#include <numeric>
#include <set>
#include <utility>

#include "exam/sm3.h"

namespace rc::exam {
namespace {

// Fisher-Yates over the first `take` positions: a uniform sample of `take` of v, in random order.
template <class T>
void partial_shuffle(std::vector<T>& v, std::size_t take, RandomSource& rng) {
  for (std::size_t i = 0; i < take && i + 1 < v.size(); ++i) {
    const auto j = i + static_cast<std::size_t>(rng.uniform(v.size() - i));
    std::swap(v[i], v[j]);
  }
}

PaperQuestion question_for(const QuestionBank& bank, std::uint32_t index, int points, RandomSource& rng) {
  const Item& item = bank.items()[index];
  PaperQuestion q;
  q.item_id = item.id;
  q.item_version = item.version;
  q.kind = item.kind;
  q.area = item.area;
  q.points = points;
  q.item_digest = bank.digest(index);
  if (item.kind == ItemKind::kSingleChoice) {
    std::vector<std::uint8_t> order{0, 1, 2, 3};
    partial_shuffle(order, order.size(), rng);
    std::copy(order.begin(), order.end(), q.order.begin());
  } else {
    q.order = {0, 1, 2, 3};  // 正确 / 错误 keep their places: shuffling them would only confuse
  }
  for (std::uint8_t d = 0; d < choice_count(item.kind); ++d)
    if (q.order[d] == item.key) q.key = d;
  return q;
}

// One section (one kind): the blueprint's count drawn per area, then the section shuffled.
std::vector<std::uint32_t> draw_section(const QuestionBank& bank, const Blueprint& bp, ItemKind kind,
                                        RandomSource& rng) {
  std::vector<std::uint32_t> chosen;
  chosen.reserve(static_cast<std::size_t>(bp.total(kind)));
  std::vector<std::uint32_t> pool;
  for (KnowledgeArea area : all_areas()) {
    const auto take = static_cast<std::size_t>(bp.count(kind, area));
    const auto reviewed = bank.reviewed(kind, area);
    pool.assign(reviewed.begin(), reviewed.end());
    partial_shuffle(pool, take, rng);
    chosen.insert(chosen.end(), pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(take));
  }
  partial_shuffle(chosen, chosen.size(), rng);
  return chosen;
}

Error broken(std::string field, std::string message) {
  return make_error(ErrorCode::kConflict, std::move(field), std::move(message));
}

}  // namespace

bool valid_reference(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-' || c == ':';
  });
}

Result<Paper> generate_paper(const QuestionBank& bank, const Blueprint& blueprint, const PaperRequest& request) {
  if (!valid_reference(request.sitting_id))
    return fail(ErrorCode::kInvalidValue, "sitting_id", "场次编号应为 1 到 64 个字母、数字或“.”“_”“-”“:”");
  if (!valid_reference(request.candidate_id))
    return fail(ErrorCode::kInvalidValue, "candidate_id", "考生编号应为 1 到 64 个字母、数字或“.”“_”“-”“:”");
  if (auto r = check_bank_supply(bank, blueprint); !r) return fail(r.error());
  SeededRandom rng(request.seed);
  Paper paper;
  paper.request = request;
  paper.bank_id = bank.id();
  paper.blueprint_id = blueprint.id;
  paper.questions.reserve(static_cast<std::size_t>(blueprint.total(ItemKind::kSingleChoice) +
                                                   blueprint.total(ItemKind::kTrueFalse)));
  for (ItemKind kind : {ItemKind::kSingleChoice, ItemKind::kTrueFalse}) {
    const int points = kind == ItemKind::kSingleChoice ? blueprint.single_choice_points : blueprint.true_false_points;
    for (std::uint32_t index : draw_section(bank, blueprint, kind, rng))
      paper.questions.push_back(question_for(bank, index, points, rng));
  }
  paper.seal = compute_seal(paper);
  return paper;
}

Result<std::vector<Paper>> generate_sitting_papers(const QuestionBank& bank, const Blueprint& blueprint,
                                                   std::string_view sitting_id,
                                                   const std::vector<CandidateSeed>& candidates) {
  if (auto r = check_bank_supply(bank, blueprint); !r) return fail(r.error());
  std::set<std::string_view> seen;
  std::vector<Paper> papers;
  papers.reserve(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string field = "candidates[" + std::to_string(i) + "]";
    if (!seen.insert(candidates[i].candidate_id).second)
      return fail(ErrorCode::kConflict, field, "考生 " + candidates[i].candidate_id + " 在本场次重复出现：每名考生只生成一份试卷");
    auto paper = generate_paper(bank, blueprint, PaperRequest{std::string(sitting_id), candidates[i].candidate_id, candidates[i].seed});
    if (!paper) {
      Error e = paper.error();
      if (e.field == "candidate_id") e.field = field + ".candidate_id";
      return fail(std::move(e));
    }
    papers.push_back(std::move(*paper));
  }
  return papers;
}

std::string canonical_paper_text(const Paper& p) {
  // Ids are restricted to characters that cannot contain the separators ('|', newline); digests
  // are hex. So the text parses back uniquely, and equal texts mean equal papers.
  std::string s;
  s.reserve(200 + p.questions.size() * 120);
  s += "rc-exam-paper/1\nsitting|" + p.request.sitting_id + "\ncandidate|" + p.request.candidate_id + "\nseed|" +
       std::to_string(p.request.seed) + "\nbank|" + p.bank_id + "\nblueprint|" + p.blueprint_id + "\nquestions|" +
       std::to_string(p.questions.size()) + "\n";
  for (std::size_t i = 0; i < p.questions.size(); ++i) {
    const PaperQuestion& q = p.questions[i];
    s += std::to_string(i + 1);
    s += '|';
    s += q.item_id;
    s += '|';
    s += std::to_string(q.item_version);
    s += '|';
    s += kind_code(q.kind);
    s += '|';
    s += area_code(q.area);
    s += '|';
    for (std::size_t d = 0; d < choice_count(q.kind); ++d) s += static_cast<char>('0' + q.order[d] % 10);
    s += '|';
    s += std::to_string(q.key);
    s += '|';
    s += std::to_string(q.points);
    s += '|';
    s += q.item_digest;
    s += '\n';
  }
  return s;
}

std::string compute_seal(const Paper& paper) { return sm3_hex(canonical_paper_text(paper)); }

Result<void> verify_seal(const Paper& paper) {
  if (compute_seal(paper) != paper.seal)
    return fail(broken("seal", "试卷封存校验失败：试卷内容与封存时记录的摘要不一致"));
  return ok();
}

Result<void> verify_paper_against_bank(const Paper& paper, const QuestionBank& bank) {
  if (auto r = verify_seal(paper); !r) return r;
  for (std::size_t i = 0; i < paper.questions.size(); ++i) {
    const PaperQuestion& q = paper.questions[i];
    const std::string f = "questions[" + std::to_string(i) + "]";
    const Item* item = bank.find(q.item_id, q.item_version);
    if (item == nullptr)
      return fail(broken(f, "题库中没有题目 " + q.item_id + " 的版本 " + std::to_string(q.item_version)));
    if (bank.digest(bank.index_of(item)) != q.item_digest || item->kind != q.kind)
      return fail(broken(f, "题目 " + q.item_id + " 的内容在封存后被改动"));
    std::array<std::uint8_t, kOptionCount> sorted = q.order;
    const std::size_t n = choice_count(q.kind);
    std::sort(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(n));
    for (std::size_t d = 0; d < n; ++d)
      if (sorted[d] != d) return fail(broken(f, "选项顺序无效"));
    if (q.key >= n || q.order[q.key] != item->key) return fail(broken(f, "答案与题库不一致"));
  }
  return ok();
}

std::array<std::string_view, kOptionCount> displayed_options(const Item& item, const PaperQuestion& q) {
  std::array<std::string_view, kOptionCount> out{};
  if (item.kind != ItemKind::kSingleChoice) return out;
  for (std::size_t d = 0; d < kOptionCount; ++d) out[d] = item.options[q.order[d] % kOptionCount];
  return out;
}

}  // namespace rc::exam
