#include "app/exam/sitting_item_analysis.h"

#include <cmath>
#include <cstdio>

#include "app/exam/exam_bank.h"
#include "app/exam/exam_paper_document.h"
#include "app/exam/finish_exam_attempt.h"
#include "exam/marking.h"
#include "sheet/xlsx_writer.h"
#include "store/sitting_repository.h"
#include "store/statement.h"
#include "store/storage_error.h"

namespace rc::app {
namespace {

// The marked attempts of a sitting with their papers and the policy each was marked under.
constexpr std::string_view kMarkedAttempts =
    "SELECT a.id, p.paper_json, r.policy_id FROM exam_attempts a JOIN exam_papers p ON p.id = a.paper_id"
    " JOIN registrations r ON r.id = p.registration_id WHERE p.sitting_id = :sitting_id AND a.marked_at IS NOT NULL"
    " ORDER BY a.id";

struct MarkedAttempt {
  store::Id attempt_id = 0;
  std::string paper_json;
  std::string policy_id;
};

Result<exam::CandidateResponses> responses(store::Transaction& tx, const PolicyCatalog& policies,
                                           const MarkedAttempt& m, const exam::Paper& paper) {
  auto policy = policies.by_id(m.policy_id);
  if (!policy) return fail(policy.error());
  auto mark = mark_stored_answers(tx, paper, m.attempt_id, (*policy)->theory);
  if (!mark) return fail(mark.error());
  return exam::responses_of(paper, *mark);
}

std::string fixed(std::optional<double> v, int digits = 3) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, *v);
  return buf;
}

}  // namespace

exam::AnalysisBounds analysis_bounds(const Config& config) {
  exam::AnalysisBounds b;
  b.min_facility = config.exam.analysis_min_facility_percent / 100.0;
  b.max_facility = config.exam.analysis_max_facility_percent / 100.0;
  b.min_discrimination = config.exam.analysis_min_discrimination_percent / 100.0;
  return b;
}

Result<SittingItemAnalysis> sitting_item_analysis(store::Database& db, const PolicyCatalog& policies,
                                                  const Actor& actor, store::Id sitting_id,
                                                  const exam::AnalysisBounds& bounds) {
  if (actor.role != store::Role::kStation && actor.role != store::Role::kAdministrator)
    return fail(ErrorCode::kForbidden, "role", "只有鉴定站和管理员可以查看试题分析");
  return db.read([&](store::Transaction& tx) -> Result<SittingItemAnalysis> {
    auto sitting = store::SittingRepository(tx).find(sitting_id);
    if (!sitting) return fail(sitting.error());
    if (actor.role == store::Role::kStation)
      if (auto own = require_station(actor, sitting->station_id); !own) return fail(own.error());
    std::vector<MarkedAttempt> marked;
    auto read = store::guarded("读取已评分的作答", [&]() -> Result<void> {
      MarkedAttempt row;
      store::Statement st(tx, kMarkedAttempts);
      st.bind(sitting_id).into(row.attempt_id).into(row.paper_json).into(row.policy_id);
      for (bool more = st.execute(); more; more = st.fetch()) marked.push_back(row);
      return ok();
    });
    if (!read) return fail(read.error());
    SittingItemAnalysis out;
    out.sitting = *sitting;
    out.bounds = bounds;
    std::vector<exam::CandidateResponses> all;
    all.reserve(marked.size());
    for (const auto& m : marked) {
      auto paper = paper_from_json_text(m.paper_json);
      if (!paper) return fail(paper.error());
      auto r = responses(tx, policies, m, *paper);
      if (!r) return fail(r.error());
      all.push_back(std::move(*r));
      for (const auto& q : paper->questions) {
        const auto key = std::pair{q.item_id, q.item_version};
        if (out.items.contains(key)) continue;
        auto item = paper_item(tx, paper->bank_id, q);
        if (!item) return fail(item.error());
        out.items.emplace(key, AnalysedItemInfo{(*item)->stem, (*item)->area});
      }
    }
    auto analysis = exam::analyse_items(all, bounds);
    if (!analysis) return fail(analysis.error());
    out.analysis = std::move(*analysis);
    return out;
  });
}

Result<std::string> item_analysis_workbook(const SittingItemAnalysis& a) {
  sheet::WorkbookSpec spec;
  spec.sheet_name = "试题分析";
  for (const char* title : {"题目编号", "版本", "题型", "知识领域", "作答人数", "答对人数", "难度系数(通过率)",
                            "区分度(校正题总相关)", "A/正确", "B/错误", "C", "D", "未答", "标记"})
    spec.columns.push_back({title, 12, true, {}});
  spec.columns[7].width = 20;
  spec.columns[13].width = 40;
  for (const auto& s : a.analysis.items) {
    auto info = a.items.find({s.item_id, s.item_version});
    std::vector<std::string> row{s.item_id,
                                 std::to_string(s.item_version),
                                 std::string(exam::kind_name_zh(s.kind)),
                                 info == a.items.end() ? "" : std::string(exam::area_name_zh(info->second.area)),
                                 std::to_string(s.candidates),
                                 std::to_string(s.correct),
                                 fixed(s.facility),
                                 s.discrimination ? fixed(s.discrimination) : "无法计算"};
    for (std::size_t o = 0; o < 4; ++o) {
      if (o < s.options.size()) {
        const auto& opt = s.options[o];
        row.push_back(std::to_string(opt.count) + (opt.key ? "（答案）" : "") + " 高分组 " + std::to_string(opt.upper) +
                      " 低分组 " + std::to_string(opt.lower));
      } else {
        row.emplace_back();
      }
    }
    row.push_back(std::to_string(s.omitted.count));
    std::string flags;
    for (auto f : s.flags) flags += (flags.empty() ? "" : "；") + std::string(exam::flag_name_zh(f));
    row.push_back(flags);
    spec.rows.push_back(std::move(row));
  }
  const auto& an = a.analysis;
  spec.instructions_sheet_name = "说明";
  spec.instructions = {
      "场次编号 " + std::to_string(a.sitting.id) + "（" + a.sitting.held_on.to_string() + "）理论考试试题分析",
      "已评分考生 " + std::to_string(an.candidates) + " 人；平均答对 " + fixed(an.mean_score, 2) + " 题；方差 " +
          fixed(an.score_variance, 2),
      "KR-20 信度：" + (an.kr20 ? fixed(an.kr20) : std::string("无法计算")) +
          (an.kr20_exact ? "" : "（各考生试卷不同，为随机组卷估计值）"),
      "高分组 " + std::to_string(an.upper_group) + " 人，低分组 " + std::to_string(an.lower_group) + " 人（各约 27%）",
      "标记界限：难度系数 " + fixed(a.bounds.min_facility, 2) + "～" + fixed(a.bounds.max_facility, 2) + "，区分度不低于 " +
          fixed(a.bounds.min_discrimination, 2)};
  return sheet::write_xlsx(spec);
}

}  // namespace rc::app
