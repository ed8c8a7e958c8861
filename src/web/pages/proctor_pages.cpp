#include "web/pages/proctor_pages.h"

#include <memory>
#include <optional>
#include <string>

#include "app/checkin/admit_by_face.h"
#include "app/checkin/admit_candidate.h"
#include "app/checkin/door_access.h"
#include "app/checkin/door_lookup.h"
#include "app/checkin/door_ticket.h"
#include "app/checkin/proctor_rooms.h"
#include "app/checkin/record_incident.h"
#include "app/exam/admission_ticket.h"
#include "identity/rate_limiter.h"
#include "web/error_status.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;
const Access kProctor = only({store::Role::kProctor});

// Face checks per proctor: a door check takes several seconds, so 12 a minute is generous for a
// person and stops a script from using the matcher as an oracle.
constexpr int kFaceChecksPerMinute = 12;

struct RoomRef {
  store::Id sitting = 0, room = 0;
};

std::optional<RoomRef> room_ref(const RequestContext& ctx) {
  auto sitting = id_param(ctx);
  auto room_text = path_param(ctx.params, "room");
  auto room = room_text ? parse_id(*room_text) : std::nullopt;
  if (!sitting || !room) return std::nullopt;
  return RoomRef{*sitting, *room};
}

Error no_such_room() { return make_error(ErrorCode::kNotFound, "room", "考场不存在"); }

std::string room_url(const RoomRef& r) {
  return "/proctor/sittings/" + std::to_string(r.sitting) + "/rooms/" + std::to_string(r.room);
}

std::string_view status_label(const store::DoorSeat& s) {
  if (!s.theory_outcome) return "待入场";
  return *s.theory_outcome == store::CheckinOutcome::kAdmitted ? "已入场" : "缺考";
}

std::string_view status_code(const store::DoorSeat& s) {
  if (!s.theory_outcome) return "waiting";
  return store::to_text(*s.theory_outcome);
}

std::string_view method_label(const store::DoorSeat& s) {
  if (!s.theory_method) return "";
  return *s.theory_method == store::CheckinMethod::kFace ? "人脸核验" : "人工核验";
}

json seat_json(const store::DoorSeat& s) {
  json j{{"seat_no", s.seat_no},
         {"ticket_no", s.ticket_no},
         {"name", s.name},
         {"id_number_masked", s.id_number_masked},
         {"status", std::string(status_code(s))},
         {"status_label", std::string(status_label(s))},
         {"method_label", std::string(method_label(s))},
         {"waiting", !s.theory_outcome}};
  if (s.checked_at) j["checked_at"] = app::china_clock(*s.checked_at);
  return j;
}

json room_json(const store::ProctorRoom& r) {
  json j{{"sitting_id", r.sitting_id},       {"room_id", r.room_id}, {"room_name", r.room_name},
         {"held_on", r.held_on.to_string()}, {"seated", r.seated},   {"url", room_url({r.sitting_id, r.room_id})}};
  if (r.theory_starts_at) j["starts_at"] = app::china_clock(*r.theory_starts_at);
  return j;
}

json incident_kinds() {
  json kinds = json::array();
  for (auto k : {store::IncidentKind::kIdentity, store::IncidentKind::kLate, store::IncidentKind::kCheating,
                 store::IncidentKind::kDevice, store::IncidentKind::kHealth, store::IncidentKind::kDisruption,
                 store::IncidentKind::kOther})
    kinds.push_back({{"value", std::string(store::to_text(k))}, {"label", std::string(app::incident_kind_label(k))}});
  return kinds;
}

json card_json(const app::DoorCard& c, bool face_available) {
  json j = seat_json(c.seat);
  j["door_closes_at"] = app::china_clock(c.door_closes_at);
  j["face_offered"] = face_available && c.face_enrolled && !c.seat.theory_outcome;
  j["face_not_enrolled"] = !c.face_enrolled;
  j["admissible"] = !c.seat.theory_outcome;
  if (c.photo) j["photo_src"] = "data:" + c.photo_media_type + ";base64," + base64(*c.photo);
  if (c.refusal) j["refusal"] = c.refusal->message;
  return j;
}

const char* flash_text(const std::string& done) {
  if (done == "face") return "人脸核验通过，已准予入场。";
  if (done == "manual") return "已人工核验证件，准予入场。";
  if (done == "incident") return "考场情况已记录。";
  return nullptr;
}

// The room page; `extra` adds the card, a problem or what was typed.
Reply room_page(app::Platform& platform, const Views& views, const RequestContext& ctx, const RoomRef& ref,
                json extra = json::object(), int status = 200) {
  auto roster = app::room_roster(platform.database(), platform.clock(), platform.policies(), actor_of(ctx), ref.sitting,
                                 ref.room);
  if (!roster) return html_error(views, ctx, roster.error());
  json seats = json::array();
  for (const auto& s : roster->seats) seats.push_back(seat_json(s));
  json incidents = json::array();
  for (const auto& i : roster->incidents)
    incidents.push_back({{"at", app::china_clock(i.recorded_at)},
                         {"kind_label", std::string(app::incident_kind_label(i.kind))},
                         {"description", i.description}});
  json data{{"room", room_json(roster->room)},
            {"seats", seats},
            {"counts",
             {{"total", roster->seats.size()},
              {"waiting", roster->waiting},
              {"admitted", roster->admitted},
              {"absent", roster->absent}}},
            {"door_closed", roster->door_closed},
            {"has_incidents", !incidents.empty()},
            {"incidents", incidents},
            {"incident_kinds", incident_kinds()},
            {"action", room_url(ref)}};
  if (roster->door_closes_at) data["door_closes_at"] = app::china_clock(*roster->door_closes_at);
  if (const char* t = flash_text(query_value(ctx, "done"))) data["flash"] = t;
  for (auto& [k, v] : extra.items()) data[k] = v;
  Reply r = html_page(views, ctx, "proctor_room", "考场入场核验", data, status);
  r.headers.emplace_back("Cache-Control",
                         "no-store");  // names, masked ID numbers, the photo
  return r;
}

// The room page with the candidate's card (a fresh, audited look-up) and `extra`.
Reply card_page(app::Platform& platform, const Views& views, const RequestContext& ctx, const RoomRef& ref,
                const std::string& ticket, json extra = json::object(), int status = 200) {
  auto card = app::look_up_at_door(platform.database(), platform.clock(), platform.policies(), platform.cipher(),
                                   actor_of(ctx), ref.sitting, ref.room, ticket);
  if (!card) {
    if (needs_error_page(card.error())) return html_error(views, ctx, card.error());
    extra["problem"] = card.error().message;
    return room_page(platform, views, ctx, ref, std::move(extra), http_status(card.error().code));
  }
  extra["card"] = card_json(*card, platform.face_models_present());
  if (card->refusal && !extra.contains("problem")) extra["problem"] = card->refusal->message;
  return room_page(platform, views, ctx, ref, std::move(extra), status);
}

// A refused step on a candidate: the card again with the message, or the error page.
Reply refused(app::Platform& platform, const Views& views, const RequestContext& ctx, const RoomRef& ref,
              const std::string& ticket, const Error& e, json extra = json::object()) {
  if (needs_error_page(e)) return html_error(views, ctx, e);
  extra["problem"] = e.message;
  if (ticket.empty() || e.code == ErrorCode::kTicketInvalid)
    return room_page(platform, views, ctx, ref, std::move(extra), http_status(e.code));
  return card_page(platform, views, ctx, ref, ticket, std::move(extra), http_status(e.code));
}

// The ticket number a form names (hidden field "ticket", set from the card), parsed again.
Result<std::string> posted_ticket(app::Platform& platform, const RequestContext& ctx) {
  return app::ticket_from_scan(app::ticket_qr_key(platform.keys()), ctx.form->get("ticket"));
}

Reply post_lookup(app::Platform& platform, const Views& views, RequestContext& ctx) {
  auto ref = room_ref(ctx);
  if (!ref) return html_error(views, ctx, no_such_room());
  auto ticket = app::ticket_from_scan(app::ticket_qr_key(platform.keys()), ctx.form->value_or_empty("scan"));
  if (!ticket) return refused(platform, views, ctx, *ref, "", ticket.error());
  return card_page(platform, views, ctx, *ref, *ticket);
}

Reply post_face(app::Platform& platform, const Views& views, identity::RateLimiter& limiter, RequestContext& ctx) {
  auto ref = room_ref(ctx);
  if (!ref) return html_error(views, ctx, no_such_room());
  // The assignment first: a stranger learns nothing from the limiter or the verifier's state.
  if (auto access = app::require_proctor_of(platform.database(), actor_of(ctx), ref->sitting, ref->room); !access)
    return html_error(views, ctx, access.error());
  auto ticket = posted_ticket(platform, ctx);
  if (!ticket) return refused(platform, views, ctx, *ref, "", ticket.error());
  if (!limiter.allow(std::to_string(ctx.session->user_id), platform.clock().now()))
    return refused(
        platform, views, ctx, *ref, *ticket,
        make_error(ErrorCode::kTooManyRequests, "capture", "人脸核验过于频繁，请稍后再试，或人工核对证件后放行"));
  face::FaceVerifier* verifier = platform.face_verifier();
  if (!verifier)
    return refused(platform, views, ctx, *ref, *ticket,
                   make_error(ErrorCode::kWrongState, "face", "本平台暂未安装人脸比对模型，请人工核对证件后放行"));
  auto file = ctx.form->files.find("capture");
  if (file == ctx.form->files.end() || file->second.bytes.empty())
    return refused(platform, views, ctx, *ref, *ticket,
                   make_error(ErrorCode::kMissingField, "capture", "请用摄像头为考生拍照，或选择现场照片"));
  auto outcome = app::admit_by_face(platform.database(), platform.clock(), platform.policies(), platform.cipher(),
                                    *verifier, actor_of(ctx), ref->sitting, ref->room, *ticket, file->second.bytes);
  if (!outcome) return refused(platform, views, ctx, *ref, *ticket, outcome.error());
  if (!outcome->admitted)
    return card_page(platform, views, ctx, *ref, *ticket, {{"problem", outcome->message}, {"face_failed", true}}, 422);
  return redirect(room_url(*ref) + "?done=face");
}

Reply post_admit(app::Platform& platform, const Views& views, RequestContext& ctx) {
  auto ref = room_ref(ctx);
  if (!ref) return html_error(views, ctx, no_such_room());
  auto ticket = posted_ticket(platform, ctx);
  if (!ticket) return refused(platform, views, ctx, *ref, "", ticket.error());
  const std::string note = ctx.form->get("note");
  auto done = app::admit_manually(platform.database(), platform.clock(), platform.policies(), actor_of(ctx),
                                  ref->sitting, ref->room, *ticket, note);
  // The typed note is kept (escaped) so that a refused one can be corrected.
  if (!done) return refused(platform, views, ctx, *ref, *ticket, done.error(), {{"typed_note", note}});
  return redirect(room_url(*ref) + "?done=manual");
}

Reply post_incident(app::Platform& platform, const Views& views, RequestContext& ctx) {
  auto ref = room_ref(ctx);
  if (!ref) return html_error(views, ctx, no_such_room());
  const auto& f = *ctx.form;
  app::IncidentForm form{ref->sitting, ref->room, f.get("kind"), f.get("description"), {}};
  if (const auto typed = f.get("ticket"); !typed.empty()) {
    auto ticket = app::ticket_from_scan(app::ticket_qr_key(platform.keys()), typed);
    if (!ticket) return refused(platform, views, ctx, *ref, "", ticket.error());
    form.ticket_no = *ticket;
  }
  auto done = app::record_incident(platform.database(), platform.clock(), actor_of(ctx), form);
  if (!done) {
    json typed{{"kind", form.kind}, {"description", f.get("description")}, {"ticket", f.get("ticket")}};
    return refused(platform, views, ctx, *ref, "", done.error(), {{"typed_incident", typed}});
  }
  return redirect(room_url(*ref) + "?done=incident");
}

}  // namespace

void add_proctor_routes(Routes& routes, app::Platform& platform, const Views& views) {
  auto limiter = std::make_shared<identity::RateLimiter>(kFaceChecksPerMinute, std::chrono::seconds(60));
  routes.keep(limiter);
  const std::string room = "/proctor/sittings/:id(\\d{1,18})/rooms/:room(\\d{1,18})";

  routes.get("/proctor", kProctor, [&platform, &views](RequestContext& ctx) {
    auto rooms = app::proctor_rooms_today(platform.database(), platform.clock(), actor_of(ctx));
    if (!rooms) return html_error(views, ctx, rooms.error());
    json rows = json::array();
    for (const auto& r : *rooms) rows.push_back(room_json(r));
    return html_page(
        views, ctx, "proctor_home", "今日监考",
        {{"rooms", rows}, {"none", rows.empty()}, {"today", china_date(platform.clock().now()).to_string()}});
  });

  routes.get(room, kProctor, [&platform, &views](RequestContext& ctx) {
    auto ref = room_ref(ctx);
    if (!ref) return html_error(views, ctx, no_such_room());
    return room_page(platform, views, ctx, *ref);
  });
  routes.post(room + "/lookup", kProctor,
              [&platform, &views](RequestContext& ctx) { return post_lookup(platform, views, ctx); });
  routes.post(room + "/face", kProctor, [&platform, &views, limiter = limiter.get()](RequestContext& ctx) {
    return post_face(platform, views, *limiter, ctx);
  });
  routes.post(room + "/admit", kProctor,
              [&platform, &views](RequestContext& ctx) { return post_admit(platform, views, ctx); });
  routes.post(room + "/incidents", kProctor,
              [&platform, &views](RequestContext& ctx) { return post_incident(platform, views, ctx); });
}

}  // namespace rc::web
