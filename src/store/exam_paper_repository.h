#pragma once
// ExamPaperRepository: the sealed per-candidate papers of a sitting (F9). A paper is written
// once, before the sitting, and never changed (the database refuses UPDATE and DELETE), so the
// seal recorded with it keeps proving what the candidate was shown.
//
// Thread safety: as its Transaction (one thread at a time).

#include <optional>
#include <vector>

#include "domain/common/result.h"
#include "store/database.h"
#include "store/exam_records.h"

namespace rc::store {

// A candidate's paper with its sitting and attempt, for the candidate's exam list.
struct CandidateExamPaper {
  Id paper_id = 0;
  Id sitting_id = 0;
  CivilDate held_on;
  std::optional<Timestamp> theory_starts_at;
  std::optional<Id> attempt_id;
  std::optional<ExamAttemptStatus> attempt_status;
};

class ExamPaperRepository {
 public:
  explicit ExamPaperRepository(Transaction& tx) : tx_(tx) {}

  // The new id. kConflict when the registration already has a paper for this sitting or a
  // reference is missing; kInvalidValue for empty texts.
  [[nodiscard]] Result<Id> insert(const ExamPaper& paper);
  [[nodiscard]] Result<ExamPaper> find(Id id);
  [[nodiscard]] Result<std::optional<ExamPaper>> find_for(Id sitting_id, Id registration_id);
  // Whose paper it is (through its registration), without the paper's text. kNotFound.
  [[nodiscard]] Result<ExamPaperOwner> owner(Id paper_id);
  // Newest sitting first.
  [[nodiscard]] Result<std::vector<CandidateExamPaper>> list_for_candidate(Id candidate_id);
  [[nodiscard]] Result<std::int64_t> count_for_sitting(Id sitting_id);

 private:
  Transaction& tx_;
};

}  // namespace rc::store
