#include "app/exam/prepare_exam_papers.h"

#include <map>
#include <optional>
#include <utility>

#include "app/exam/exam_bank.h"
#include "app/exam/exam_paper_document.h"
#include "app/registration/actor.h"
#include "store/bank_item_repository.h"
#include "store/exam_paper_repository.h"
#include "store/registration_repository.h"
#include "store/sitting_repository.h"

namespace rc::app {
namespace {

Result<std::pair<store::ExamPaper, exam::Paper>> draw_paper(const exam::QuestionBank& bank, const exam::Blueprint& blueprint,
                                    RandomSource& random, store::Id sitting_id, const PaperAssignment& a,
                                    store::Timestamp now) {
  exam::PaperRequest request{std::to_string(sitting_id), std::to_string(a.registration_id), random.next_u64()};
  auto paper = exam::generate_paper(bank, blueprint, request);
  if (!paper) return fail(paper.error());
  store::ExamPaper row;
  row.sitting_id = sitting_id;
  row.registration_id = a.registration_id;
  row.attempt_kind = a.kind;
  row.paper_json = paper_to_json_text(*paper);
  row.seed = std::to_string(request.seed);
  row.seal = paper->seal;
  row.choice_counts = choice_counts(*paper);
  row.created_at = now;
  return std::pair{std::move(row), std::move(*paper)};
}

// Which item versions the paper uses (V009 exam_paper_items): they are locked from now on.
std::vector<store::PaperItemUse> uses_of(const exam::Paper& paper) {
  std::vector<store::PaperItemUse> out;
  out.reserve(paper.questions.size());
  int position = 0;
  for (const auto& q : paper.questions) out.push_back({++position, q.item_id, q.item_version, q.item_digest});
  return out;
}

// The reviewed items of the store; a store without any item gets the shipped demo bank first
// (a store made before V009, or one never initialised through `rescuecert init`).
Result<exam::QuestionBank> bank_for_papers(store::Transaction& tx, store::Timestamp now) {
  if (auto loaded = load_shipped_bank(tx, now); !loaded) return fail(loaded.error());
  return stored_exam_bank(tx);
}

}  // namespace

Result<PreparedPapers> prepare_exam_papers(store::Database& db, const Clock& clock, const PolicyCatalog& policies,
                                           RandomSource& random, store::Id sitting_id,
                                           const std::vector<PaperAssignment>& assignments) {
  const auto now = to_timestamp(clock.now());
  return db.transaction([&](store::Transaction& tx) -> Result<PreparedPapers> {
    auto sitting = store::SittingRepository(tx).find(sitting_id);
    if (!sitting) return fail(sitting.error());
    if (!sitting->theory_starts_at)
      return fail(ErrorCode::kWrongState, "sitting", "该场次没有理论考试，无需生成试卷");
    store::RegistrationRepository registrations(tx);
    store::ExamPaperRepository papers(tx);
    std::optional<exam::QuestionBank> bank;  // read when a paper is first needed
    std::map<std::string, exam::Blueprint> blueprints;  // per policy id (D18)
    PreparedPapers out;
    for (const auto& a : assignments) {
      if (a.kind == store::AttemptKind::kOnsiteRetake)
        return fail(ErrorCode::kInvalidValue, "kind", "现场补考只适用于技能考核，不生成理论试卷");
      auto reg = registrations.find(a.registration_id);
      if (!reg) return fail(reg.error());
      if (reg->status != store::RegistrationStatus::kApproved)
        return fail(ErrorCode::kWrongState, "registration",
                    "报名（编号 " + std::to_string(reg->id) + "）尚未审核通过，不能生成试卷");
      auto existing = papers.find_for(sitting_id, reg->id);
      if (!existing) return fail(existing.error());
      if (*existing) {
        ++out.kept;
        continue;
      }
      auto bp = blueprints.find(reg->policy_id);
      if (bp == blueprints.end()) {
        auto policy = policies.by_id(reg->policy_id);
        if (!policy) return fail(policy.error());
        auto derived = exam_blueprint(**policy);
        if (!derived) return fail(derived.error());
        if (!bank) {
          auto stored = bank_for_papers(tx, now);
          if (!stored) return fail(stored.error());
          bank.emplace(std::move(*stored));
        }
        // F9: a short bank is refused before any paper of the sitting is written.
        if (auto supply = check_exam_bank_supply(*bank, *derived); !supply) return fail(supply.error());
        bp = blueprints.emplace(reg->policy_id, std::move(*derived)).first;
      }
      auto row = draw_paper(*bank, bp->second, random, sitting_id, a, now);
      if (!row) return fail(row.error());
      auto id = papers.insert(row->first);
      if (!id) return fail(id.error());
      if (auto used = store::BankItemRepository(tx).record_paper_items(*id, uses_of(row->second)); !used)
        return fail(used.error());
      ++out.created;
    }
    return out;
  });
}

}  // namespace rc::app
