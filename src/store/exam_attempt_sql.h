#pragma once
// SQL of the exam repositories (store/exam_paper_repository.cpp, store/exam_attempt_repository.cpp).

#include <string_view>

namespace rc::store::sql {

// --- exam_papers -----------------------------------------------------------------------------------
inline constexpr std::string_view kInsertExamPaper =
    "INSERT INTO exam_papers (sitting_id, registration_id, attempt_kind, paper_json, seed, seal, choice_counts,"
    " created_at) VALUES (:sitting_id, :registration_id, :attempt_kind, :paper_json, :seed, :seal, :choice_counts,"
    " :created_at) RETURNING id";
#define RC_EXAM_PAPER_COLUMNS \
  "id, sitting_id, registration_id, attempt_kind, paper_json, seed, seal, choice_counts, created_at"
inline constexpr std::string_view kSelectExamPaperById =
    "SELECT " RC_EXAM_PAPER_COLUMNS " FROM exam_papers WHERE id = :id";
inline constexpr std::string_view kSelectExamPaperBySittingRegistration =
    "SELECT " RC_EXAM_PAPER_COLUMNS " FROM exam_papers WHERE sitting_id = :sitting_id"
    " AND registration_id = :registration_id";
#undef RC_EXAM_PAPER_COLUMNS
inline constexpr std::string_view kSelectExamPaperOwner =
    "SELECT p.id, p.sitting_id, p.registration_id, r.candidate_id, r.policy_id, p.choice_counts,"
    " s.theory_starts_at FROM exam_papers p JOIN registrations r ON r.id = p.registration_id"
    " JOIN sittings s ON s.id = p.sitting_id WHERE p.id = :id";
inline constexpr std::string_view kSelectExamPapersOfCandidate =
    "SELECT p.id, p.sitting_id, s.held_on, s.theory_starts_at, a.id, a.status"
    " FROM exam_papers p JOIN registrations r ON r.id = p.registration_id"
    " JOIN sittings s ON s.id = p.sitting_id LEFT JOIN exam_attempts a ON a.paper_id = p.id"
    " WHERE r.candidate_id = :candidate_id ORDER BY s.held_on DESC, p.id DESC";
inline constexpr std::string_view kCountExamPapersOfSitting =
    "SELECT COUNT(*) FROM exam_papers WHERE sitting_id = :sitting_id";

// --- exam_attempts ---------------------------------------------------------------------------------
inline constexpr std::string_view kInsertExamAttempt =
    "INSERT INTO exam_attempts (paper_id, started_at, deadline_at, status) VALUES (:paper_id, :started_at,"
    " :deadline_at, :status) RETURNING id";
#define RC_EXAM_ATTEMPT_COLUMNS                                                                         \
  "id, paper_id, started_at, deadline_at, status, submitted_at, correct_count, score_milli, marked_at," \
  " result_attempt_id"
inline constexpr std::string_view kSelectExamAttemptById =
    "SELECT " RC_EXAM_ATTEMPT_COLUMNS " FROM exam_attempts WHERE id = :id";
inline constexpr std::string_view kSelectExamAttemptByPaper =
    "SELECT " RC_EXAM_ATTEMPT_COLUMNS " FROM exam_attempts WHERE paper_id = :paper_id";
#undef RC_EXAM_ATTEMPT_COLUMNS
// Guarded by the expected state: a second close (two submits racing) changes nothing.
inline constexpr std::string_view kCloseExamAttempt =
    "UPDATE exam_attempts SET status = :status, submitted_at = :submitted_at WHERE id = :id"
    " AND status = 'in_progress'";
inline constexpr std::string_view kMarkExamAttempt =
    "UPDATE exam_attempts SET correct_count = :correct_count, score_milli = :score_milli, marked_at = :marked_at,"
    " result_attempt_id = :result_attempt_id WHERE id = :id AND marked_at IS NULL AND status <> 'in_progress'";
inline constexpr std::string_view kSelectOverdueExamAttempts =
    "SELECT id FROM exam_attempts WHERE status = 'in_progress' AND deadline_at <= :now ORDER BY deadline_at, id"
    " LIMIT :limit";

// --- exam_answers ----------------------------------------------------------------------------------
// Idempotent: the same (attempt, question, sequence) again stores nothing.
inline constexpr std::string_view kInsertExamAnswer =
    "INSERT INTO exam_answers (attempt_id, question_no, sequence, choice, saved_at) VALUES (:attempt_id,"
    " :question_no, :sequence, :choice, :saved_at) ON CONFLICT (attempt_id, question_no, sequence) DO NOTHING";
// Many steps at once (the answer journal's batch): the head, then "(:a0, :q0, :s0, :c0, :t0), ..."
// built from fixed text per row (every value is bound), then the tail; RETURNING names the
// steps that were new.
inline constexpr std::string_view kInsertExamAnswersHead =
    "INSERT INTO exam_answers (attempt_id, question_no, sequence, choice, saved_at) VALUES ";
inline constexpr std::string_view kInsertExamAnswersTail =
    " ON CONFLICT (attempt_id, question_no, sequence) DO NOTHING RETURNING attempt_id, question_no, sequence";
inline constexpr std::string_view kSelectExamAnswerChoice =
    "SELECT choice FROM exam_answers WHERE attempt_id = :attempt_id AND question_no = :question_no"
    " AND sequence = :sequence";
// The answer per question: its step with the highest sequence.
inline constexpr std::string_view kSelectLatestExamAnswers =
    "SELECT a.attempt_id, a.question_no, a.sequence, a.choice, a.saved_at FROM exam_answers a"
    " WHERE a.attempt_id = :attempt_id AND a.sequence = (SELECT MAX(b.sequence) FROM exam_answers b"
    " WHERE b.attempt_id = a.attempt_id AND b.question_no = a.question_no) ORDER BY a.question_no";
inline constexpr std::string_view kSelectAllExamAnswers =
    "SELECT attempt_id, question_no, sequence, choice, saved_at FROM exam_answers WHERE attempt_id = :attempt_id"
    " ORDER BY question_no, sequence";
inline constexpr std::string_view kSelectMaxExamAnswerSequence =
    "SELECT COALESCE(MAX(sequence), 0) FROM exam_answers WHERE attempt_id = :attempt_id";

}  // namespace rc::store::sql
