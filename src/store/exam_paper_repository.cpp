#include "store/exam_paper_repository.h"

#include "store/exam_attempt_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_paper(Statement& st, ExamPaper& p) {
  st.into(p.id).into(p.sitting_id).into(p.registration_id).into(p.attempt_kind).into(p.paper_json).into(p.seed);
  st.into(p.seal).into(p.choice_counts).into(p.created_at);
}

}  // namespace

Result<Id> ExamPaperRepository::insert(const ExamPaper& p) {
  return guarded("保存试卷", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertExamPaper);
    st.bind(p.sitting_id).bind(p.registration_id).bind(p.attempt_kind).bind(p.paper_json).bind(p.seed);
    st.bind(p.seal).bind(p.choice_counts).bind(p.created_at).into(id);
    st.execute();
    return id;
  });
}

Result<ExamPaper> ExamPaperRepository::find(Id id) {
  return guarded("读取试卷", [&]() -> Result<ExamPaper> {
    ExamPaper row;
    Statement st(tx_, sql::kSelectExamPaperById);
    st.bind(id);
    into_paper(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("试卷", id));
  });
}

Result<std::optional<ExamPaper>> ExamPaperRepository::find_for(Id sitting_id, Id registration_id) {
  return guarded("读取试卷", [&]() -> Result<std::optional<ExamPaper>> {
    ExamPaper row;
    Statement st(tx_, sql::kSelectExamPaperBySittingRegistration);
    st.bind(sitting_id).bind(registration_id);
    into_paper(st, row);
    return first(st, row);
  });
}

Result<ExamPaperOwner> ExamPaperRepository::owner(Id paper_id) {
  return guarded("读取试卷", [&]() -> Result<ExamPaperOwner> {
    ExamPaperOwner row;
    Statement st(tx_, sql::kSelectExamPaperOwner);
    st.bind(paper_id);
    st.into(row.paper_id).into(row.sitting_id).into(row.registration_id).into(row.candidate_id);
    st.into(row.policy_id).into(row.choice_counts).into(row.theory_starts_at);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("试卷", paper_id));
  });
}

Result<std::vector<CandidateExamPaper>> ExamPaperRepository::list_for_candidate(Id candidate_id) {
  return guarded("读取考生试卷", [&]() -> Result<std::vector<CandidateExamPaper>> {
    CandidateExamPaper row;
    Statement st(tx_, sql::kSelectExamPapersOfCandidate);
    st.bind(candidate_id);
    st.into(row.paper_id).into(row.sitting_id).into(row.held_on).into(row.theory_starts_at);
    st.into(row.attempt_id).into(row.attempt_status);
    return collect(st, row);
  });
}

Result<std::int64_t> ExamPaperRepository::count_for_sitting(Id sitting_id) {
  return guarded("统计试卷", [&]() -> Result<std::int64_t> {
    std::int64_t n = 0;
    Statement st(tx_, sql::kCountExamPapersOfSitting);
    st.bind(sitting_id).into(n);
    st.execute();
    return n;
  });
}

}  // namespace rc::store
