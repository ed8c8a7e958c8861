#pragma once
// Everything of the theory exam on the web: one AnswerJournal (the attempts' group-committing
// writer, app/exam/answer_journal.h) shared by the JSON API and the pages, kept as long as the
// server runs.

#include "app/platform.h"
#include "web/routes.h"
#include "web/views.h"

namespace rc::web {
void add_exam_routes(Routes& routes, app::Platform& platform, const Views& views);
}
