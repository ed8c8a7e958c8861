#include "web/pages/exam_pages.h"

#include <map>

#include "app/exam/exam_attempt_state.h"
#include "app/exam/start_exam_attempt.h"
#include "store/exam_paper_repository.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;
const Access kCandidate = only({store::Role::kCandidate});

std::string clock_text(std::optional<store::Timestamp> t) {
  if (!t) return "";
  const auto local = std::chrono::sys_time<std::chrono::milliseconds>(t->time_since_epoch()) + kChinaUtcOffset;
  const auto minutes = std::chrono::floor<std::chrono::minutes>(local - std::chrono::floor<std::chrono::days>(local));
  const int h = static_cast<int>(minutes.count() / 60), m = static_cast<int>(minutes.count() % 60);
  return (h < 10 ? "0" : "") + std::to_string(h) + ":" + (m < 10 ? "0" : "") + std::to_string(m);
}

Reply exam_home(app::Platform& platform, const Views& views, const RequestContext& ctx) {
  const auto actor = actor_of(ctx);
  auto papers = platform.database().read([&](store::Transaction& tx) {
    return store::ExamPaperRepository(tx).list_for_candidate(actor.entity_id);
  });
  if (!papers) return html_error(views, ctx, papers.error());
  json rows = json::array();
  for (const auto& p : *papers) {
    json row{{"paper", p.paper_id},
             {"held_on", p.held_on.to_string()},
             {"starts_at", clock_text(p.theory_starts_at)},
             {"started", p.attempt_id.has_value()}};
    if (p.attempt_id) {
      row["attempt"] = *p.attempt_id;
      row["in_progress"] = p.attempt_status == store::ExamAttemptStatus::kInProgress;
      row["status_label"] = std::string(app::attempt_status_label(*p.attempt_status));
    }
    rows.push_back(std::move(row));
  }
  return html_page(views, ctx, "exam_home", "理论考试", {{"papers", rows}, {"none", rows.empty()}});
}

Reply start(app::Platform& platform, const Views& views, const RequestContext& ctx) {
  auto id = id_param(ctx);
  if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "paper", "试卷不存在"));
  auto started = app::start_exam_attempt(platform.database(), platform.clock(), platform.policies(), actor_of(ctx), *id);
  if (!started) return html_error(views, ctx, started.error());
  return redirect("/me/exam/" + std::to_string(started->attempt.id));
}

// The questions with the stored answers checked, so the page works (and shows the truth) before
// its script runs.
json page_data(const app::ExamAttemptState& s) {
  std::map<int, int> chosen;
  for (const auto& a : s.answers) chosen[a.question_no] = a.choice;
  json questions = s.questions;
  for (auto& q : questions) {
    auto it = chosen.find(q["no"].get<int>());
    if (it != chosen.end()) {
      q["answered"] = true;
      for (auto& c : q["choices"]) c["checked"] = c["value"].get<int>() == it->second;
    }
  }
  const bool open = s.facts.attempt.status == store::ExamAttemptStatus::kInProgress && !s.overdue;
  return {{"attempt", s.facts.attempt.id},
          {"questions", std::move(questions)},
          {"open", open},
          {"status_label", std::string(app::attempt_status_label(s.facts.attempt.status))},
          {"remaining_seconds", s.remaining_seconds},
          {"next_sequence", s.max_sequence + 1},
          {"answered_count", s.answers.size()},
          {"question_count", s.facts.owner.choice_counts.size()}};
}

}  // namespace

void add_exam_pages(Routes& routes, app::Platform& platform, const Views& views, app::AnswerJournal& journal) {
  routes.get("/me/exam", kCandidate, [&platform, &views](RequestContext& ctx) { return exam_home(platform, views, ctx); });
  routes.post("/me/exam/papers/:id(\\d{1,18})/start", kCandidate,
              [&platform, &views](RequestContext& ctx) { return start(platform, views, ctx); });
  routes.get("/me/exam/:id(\\d{1,18})", kCandidate, [&platform, &views, &journal](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "attempt", "考试作答记录不存在"));
    const auto actor = actor_of(ctx);
    auto read = [&] {
      return app::exam_attempt_state(platform.database(), platform.clock(), platform.policies(), actor, *id, true);
    };
    auto s = read();
    if (s && s->overdue) {
      // Rare (a page opened after the deadline): waiting for the writer here is acceptable.
      (void)journal.finish_and_wait(app::system_actor(), *id, store::ExamAttemptStatus::kTimedOut);
      s = read();
    }
    if (!s) return html_error(views, ctx, s.error());
    return html_page(views, ctx, "exam_attempt", "理论考试作答", page_data(*s));
  });
}

}  // namespace rc::web
