#pragma once
// The candidate's theory exam pages (F10):
//   GET  /me/exam                      the candidate's papers (sittings) with 开始作答 / 继续作答
//   POST /me/exam/papers/:id/start     starts (or resumes) the attempt, then 303 to its page
//   GET  /me/exam/:id                  the attempt: questions of the sealed paper rendered on the
//                                      server with the acknowledged answers checked and the
//                                      server's remaining time; web/static/exam_attempt.js saves
//                                      each click through the JSON API (exam_attempt_api.h).
// Candidates only, their own attempts only.

#include <memory>

#include "app/exam/answer_journal.h"
#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
// REQUIRES: journal outlives the server's threads.
void add_exam_pages(Routes& routes, app::Platform& platform, const Views& views, app::AnswerJournal& journal);
}
