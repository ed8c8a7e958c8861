#pragma once
// The theory exam's JSON API for the candidate (F10), their own attempts only (others: 403):
//   POST /api/v1/exam/attempts                   {"paper": id}  -> 201 (started) | 200 (running)
//        with the state below; 422 before the session or after its end.
//   GET  /api/v1/exam/attempts/:id               the state: status, remaining_seconds (server
//        clock), every acknowledged answer, next_sequence; past the deadline the attempt is
//        timed out first (lazily) and the state says so.
//   POST /api/v1/exam/attempts/:id/answers       {"question": 1-100, "sequence": n >= 1,
//        "choice": 0-3}  -> 200 {"attempt", "question", "sequence", "saved": true, "repeated"}
//        ONLY after the commit (group commit, app/exam/answer_journal.h); the same step again is
//        acknowledged again and stored once. 422 bad JSON/values (input.*), exam.time_over
//        after the deadline, exam.closed once submitted or timed out; 409
//        exam.sequence_conflict for the same sequence with another choice; 429 queue full; 500
//        not stored (retry).
//   POST /api/v1/exam/attempts/:id/submit        -> 200 {"status", "status_label", "marked"}
//        once closed AND marked (marking runs on the journal's marker thread); 422 exam.closed
//        when it was closed before.
// State-changing calls need the X-CSRF-Token header. The score is never in these answers before
// publication (R8, D17).

#include <memory>

#include "app/exam/answer_journal.h"
#include "app/platform.h"
#include "web/routes.h"

namespace rc::web {
// REQUIRES: journal outlives the server's threads (Routes::keep it, see exam_routes.cpp).
void add_exam_attempt_api(Routes& routes, app::Platform& platform, app::AnswerJournal& journal);
}
