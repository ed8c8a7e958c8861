#include "web/endpoints/exam_attempt_api.h"

#include <algorithm>

#include "app/exam/exam_attempt_state.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;

// A JSON object body whose listed fields are all integers, nothing else in it.
Result<json> integer_object(const RequestContext& ctx, std::initializer_list<const char*> fields) {
  auto body = json::parse(ctx.req->body(), nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return fail(ErrorCode::kMalformedJson, "body", "请求内容不是有效的 JSON 对象");
  for (const char* f : fields) {
    if (!body.contains(f)) return fail(ErrorCode::kMissingField, f, std::string("缺少字段 ") + f);
    if (!body[f].is_number_integer()) return fail(ErrorCode::kWrongType, f, std::string("字段 ") + f + " 应为整数");
  }
  for (const auto& [key, value] : body.items()) {
    if (std::find_if(fields.begin(), fields.end(), [&](const char* f) { return key == f; }) == fields.end())
      return fail(ErrorCode::kInvalidValue, key, "不认识的字段 " + key);
  }
  return body;
}

Result<app::AnswerSave> parse_answer(const RequestContext& ctx, store::Id attempt_id) {
  auto body = integer_object(ctx, {"question", "sequence", "choice"});
  if (!body) return fail(body.error());
  const auto q = (*body)["question"].get<std::int64_t>();
  const auto c = (*body)["choice"].get<std::int64_t>();
  if (q < 1 || q > 1000) return fail(ErrorCode::kInvalidValue, "question", "题号超出范围");
  if (c < 0 || c > 3) return fail(ErrorCode::kInvalidValue, "choice", "选项超出范围（0-3 对应 A-D）");
  return app::AnswerSave{attempt_id, static_cast<int>(q), (*body)["sequence"].get<std::int64_t>(), static_cast<int>(c)};
}

// What the start answers (the page then loads the full state): no read needed.
json started_json(app::Platform& platform, const store::ExamAttempt& a) {
  const auto now = platform.clock().now();
  const auto deadline = std::chrono::system_clock::time_point(a.deadline_at.time_since_epoch());
  const auto left = std::max<std::int64_t>(
      0, std::chrono::duration_cast<std::chrono::seconds>(deadline - now).count());
  return {{"attempt", a.id},
          {"paper", a.paper_id},
          {"status", std::string(store::to_text(a.status))},
          {"status_label", std::string(app::attempt_status_label(a.status))},
          {"deadline_at", a.deadline_at.time_since_epoch().count()},
          {"remaining_seconds", a.status == store::ExamAttemptStatus::kInProgress ? left : 0}};
}

Reply state_reply(int status, const app::ExamAttemptState& s) { return json_reply(status, app::attempt_state_json(s)); }

// The state; an attempt found past its deadline is timed out through the journal first (so it
// is ordered after any answer still queued) and read again.
void respond_with_state(app::Platform& platform, app::AnswerJournal& journal, const app::Actor& actor,
                        store::Id attempt_id, Respond respond) {
  auto read = [&platform, actor, attempt_id] {
    return app::exam_attempt_state(platform.database(), platform.clock(), platform.policies(), actor, attempt_id, false);
  };
  auto s = read();
  if (!s) return respond(error_reply(s.error()));
  if (!s->overdue) return respond(state_reply(200, *s));
  journal.finish(app::system_actor(), attempt_id, store::ExamAttemptStatus::kTimedOut,
                 [read, respond](Result<app::FinishOutcome> f) {
                   if (!f) return respond(error_reply(f.error()));
                   auto again = read();
                   respond(again ? state_reply(200, *again) : error_reply(again.error()));
                 });
}

}  // namespace

void add_exam_attempt_api(Routes& routes, app::Platform& platform, app::AnswerJournal& journal) {
  const Access candidate = api_only({store::Role::kCandidate});
  // Starts go through the journal too: a room starting together shares commits.
  routes.post_async("/api/v1/exam/attempts", candidate, [&platform, &journal](RequestContext& ctx, Respond respond) {
    auto body = integer_object(ctx, {"paper"});
    if (!body) return respond(error_reply(body.error()));
    journal.start(actor_of(ctx), (*body)["paper"].get<store::Id>(),
                   [&platform, respond](Result<app::StartedAttempt> started) {
                     if (!started) return respond(error_reply(started.error()));
                     respond(json_reply(started->started_now ? 201 : 200, started_json(platform, started->attempt)));
                   });
  });
  routes.get_async("/api/v1/exam/attempts/:id(\\d{1,18})", candidate, [&platform, &journal](RequestContext& ctx,
                                                                                           Respond respond) {
    auto id = id_param(ctx);
    if (!id) return respond(error_reply(make_error(ErrorCode::kNotFound, "attempt", "考试作答记录不存在")));
    respond_with_state(platform, journal, actor_of(ctx), *id, std::move(respond));
  });
  routes.post_async("/api/v1/exam/attempts/:id(\\d{1,18})/answers", candidate,
                    [&journal](RequestContext& ctx, Respond respond) {
                      auto id = id_param(ctx);
                      if (!id) return respond(error_reply(make_error(ErrorCode::kNotFound, "attempt", "考试作答记录不存在")));
                      auto save = parse_answer(ctx, *id);
                      if (!save) return respond(error_reply(save.error()));
                      journal.save(actor_of(ctx), *save, [respond](Result<app::AnswerAck> ack) {
                        if (!ack) return respond(error_reply(ack.error()));
                        respond(json_reply(200, {{"attempt", ack->attempt_id},
                                                 {"question", ack->question_no},
                                                 {"sequence", ack->sequence},
                                                 {"saved", true},
                                                 {"repeated", ack->repeated}}));
                      });
                    });
  routes.post_async("/api/v1/exam/attempts/:id(\\d{1,18})/submit", candidate,
                    [&journal](RequestContext& ctx, Respond respond) {
                      auto id = id_param(ctx);
                      if (!id) return respond(error_reply(make_error(ErrorCode::kNotFound, "attempt", "考试作答记录不存在")));
                      journal.finish(actor_of(ctx), *id, store::ExamAttemptStatus::kSubmitted,
                                      [respond](Result<app::FinishOutcome> f) {
                                        if (!f) return respond(error_reply(f.error()));
                                        respond(json_reply(200, {{"attempt", f->attempt_id},
                                                                 {"status", std::string(store::to_text(f->status))},
                                                                 {"status_label", std::string(app::attempt_status_label(f->status))},
                                                                 {"marked", f->marked}}));
                                      });
                    });
}

}  // namespace rc::web
