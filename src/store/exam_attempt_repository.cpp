#include "store/exam_attempt_repository.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

#include "store/exam_attempt_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_attempt(Statement& st, ExamAttempt& a) {
  st.into(a.id).into(a.paper_id).into(a.started_at).into(a.deadline_at).into(a.status).into(a.submitted_at);
  st.into(a.correct_count).into(a.score_milli).into(a.marked_at).into(a.result_attempt_id);
}

void into_answer(Statement& st, ExamAnswer& a) {
  st.into(a.attempt_id).into(a.question_no).into(a.sequence).into(a.choice).into(a.saved_at);
}

std::vector<ExamAnswer> answers(Transaction& tx, std::string_view sql, Id attempt_id) {
  ExamAnswer row;
  Statement st(tx, sql);
  st.bind(attempt_id);
  into_answer(st, row);
  return collect(st, row);
}

}  // namespace

Result<Id> ExamAttemptRepository::insert(const ExamAttempt& a) {
  return guarded("开始考试", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertExamAttempt);
    st.bind(a.paper_id).bind(a.started_at).bind(a.deadline_at).bind(a.status).into(id);
    st.execute();
    return id;
  });
}

Result<ExamAttempt> ExamAttemptRepository::find(Id id) {
  return guarded("读取考试作答", [&]() -> Result<ExamAttempt> {
    ExamAttempt row;
    Statement st(tx_, sql::kSelectExamAttemptById);
    st.bind(id);
    into_attempt(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("考试作答", id));
  });
}

Result<std::optional<ExamAttempt>> ExamAttemptRepository::find_by_paper(Id paper_id) {
  return guarded("读取考试作答", [&]() -> Result<std::optional<ExamAttempt>> {
    ExamAttempt row;
    Statement st(tx_, sql::kSelectExamAttemptByPaper);
    st.bind(paper_id);
    into_attempt(st, row);
    return first(st, row);
  });
}

Result<bool> ExamAttemptRepository::close(Id id, ExamAttemptStatus to, Timestamp at) {
  return guarded("交卷", [&]() -> Result<bool> {
    Statement st(tx_, sql::kCloseExamAttempt);
    st.bind(to).bind(at).bind(id);
    st.execute();
    return st.affected_rows() == 1;
  });
}

Result<void> ExamAttemptRepository::mark(Id id, const ExamMark& m) {
  return guarded("记录考试成绩", [&]() -> Result<void> {
    Statement st(tx_, sql::kMarkExamAttempt);
    st.bind(m.correct_count).bind(m.score_milli).bind(m.marked_at).bind(m.result_attempt_id).bind(id);
    st.execute();
    if (st.affected_rows() == 1) return ok();
    return fail(stale_state("考试作答", id));
  });
}

Result<std::vector<Id>> ExamAttemptRepository::overdue(Timestamp now, int limit) {
  return guarded("读取超时的考试作答", [&]() -> Result<std::vector<Id>> {
    Id id = 0;
    Statement st(tx_, sql::kSelectOverdueExamAttempts);
    st.bind(now).bind(limit).into(id);
    return collect(st, id);
  });
}

Result<AnswerAppend> ExamAttemptRepository::append_answer(const ExamAnswer& a) {
  return guarded("保存答案", [&]() -> Result<AnswerAppend> {
    Statement st(tx_, sql::kInsertExamAnswer);
    st.bind(a.attempt_id).bind(a.question_no).bind(a.sequence).bind(a.choice).bind(a.saved_at);
    st.execute();
    if (st.affected_rows() == 1) return AnswerAppend::kStored;
    int stored = -1;
    Statement probe(tx_, sql::kSelectExamAnswerChoice);
    probe.bind(a.attempt_id).bind(a.question_no).bind(a.sequence).into(stored);
    probe.execute();
    return stored == a.choice ? AnswerAppend::kAlreadyStored : AnswerAppend::kDifferentChoice;
  });
}

Result<std::vector<AnswerAppend>> ExamAttemptRepository::append_answers(const std::vector<ExamAnswer>& rows,
                                                                        AppendMethod method) {
  if (method == AppendMethod::kAuto)
    method = tx_.backend() == Backend::kPostgresql ? AppendMethod::kMultiRow : AppendMethod::kOneByOne;
  if (method == AppendMethod::kOneByOne) {
    std::vector<AnswerAppend> out;
    out.reserve(rows.size());
    for (const auto& row : rows) {
      auto r = append_answer(row);
      if (!r) return fail(r.error());
      out.push_back(*r);
    }
    return out;
  }
  return guarded("保存答案", [&]() -> Result<std::vector<AnswerAppend>> {
    std::vector<AnswerAppend> out(rows.size(), AnswerAppend::kStored);
    // A key twice in the batch: the later one is judged against the first (an INSERT must not
    // name one key twice), as the one-by-one loop would.
    using Key = std::tuple<Id, int, std::int64_t>;
    std::map<Key, std::size_t> first_of;
    std::vector<std::size_t> firsts;
    std::vector<std::pair<std::size_t, std::size_t>> repeats;  // (row, its first)
    for (std::size_t i = 0; i < rows.size(); ++i) {
      auto [it, fresh] = first_of.emplace(Key{rows[i].attempt_id, rows[i].question_no, rows[i].sequence}, i);
      if (fresh) firsts.push_back(i);
      else repeats.emplace_back(i, it->second);
    }
    std::set<Key> inserted;
    constexpr std::size_t kChunk = 1000;  // 5,000 parameters: under SQLite's and PostgreSQL's limits
    for (std::size_t from = 0; from < firsts.size(); from += kChunk) {
      const std::size_t to = std::min(firsts.size(), from + kChunk);
      std::string text(sql::kInsertExamAnswersHead);
      for (std::size_t k = from; k < to; ++k) {
        const auto n = std::to_string(k - from);
        text += (k == from ? "(:a" : ", (:a") + n + ", :q" + n + ", :s" + n + ", :c" + n + ", :t" + n + ")";
      }
      text += sql::kInsertExamAnswersTail;
      Statement st(tx_, text);
      for (std::size_t k = from; k < to; ++k) {
        const auto& a = rows[firsts[k]];
        st.bind(a.attempt_id).bind(a.question_no).bind(a.sequence).bind(a.choice).bind(a.saved_at);
      }
      Id attempt = 0;
      int question = 0;
      std::int64_t sequence = 0;
      st.into(attempt).into(question).into(sequence);
      for (bool got = st.execute(); got; got = st.fetch()) inserted.insert(Key{attempt, question, sequence});
    }
    // The keys that were stored before (retries: rare): the same choice or another one.
    std::map<std::size_t, int> stored_choice;  // per first row: the choice now stored under its key
    for (std::size_t i : firsts) {
      const auto& a = rows[i];
      stored_choice[i] = a.choice;
      if (inserted.contains(Key{a.attempt_id, a.question_no, a.sequence})) continue;
      int stored = -1;
      Statement probe(tx_, sql::kSelectExamAnswerChoice);
      probe.bind(a.attempt_id).bind(a.question_no).bind(a.sequence).into(stored);
      probe.execute();
      stored_choice[i] = stored;
      out[i] = stored == a.choice ? AnswerAppend::kAlreadyStored : AnswerAppend::kDifferentChoice;
    }
    for (auto [i, first] : repeats)
      out[i] = rows[i].choice == stored_choice[first] ? AnswerAppend::kAlreadyStored : AnswerAppend::kDifferentChoice;
    return out;
  });
}

Result<std::vector<ExamAnswer>> ExamAttemptRepository::latest_answers(Id attempt_id) {
  return guarded("读取答案", [&]() { return Result<std::vector<ExamAnswer>>(answers(tx_, sql::kSelectLatestExamAnswers, attempt_id)); });
}

Result<std::vector<ExamAnswer>> ExamAttemptRepository::all_answers(Id attempt_id) {
  return guarded("读取答案", [&]() { return Result<std::vector<ExamAnswer>>(answers(tx_, sql::kSelectAllExamAnswers, attempt_id)); });
}

Result<std::int64_t> ExamAttemptRepository::max_sequence(Id attempt_id) {
  return guarded("读取答案", [&]() -> Result<std::int64_t> {
    std::int64_t n = 0;
    Statement st(tx_, sql::kSelectMaxExamAnswerSequence);
    st.bind(attempt_id).into(n);
    st.execute();
    return n;
  });
}

}  // namespace rc::store
