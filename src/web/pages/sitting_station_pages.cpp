// The station's rooms, sittings and seat plans (F6). Handlers parse the form, call one use case
// and render; refusals re-render the page with the Chinese message and the stable code (or the
// error page for access and missing records). ID numbers are masked throughout.
#include <algorithm>

#include "app/certificates/certificate_snapshot.h"
#include "app/exam/admission_ticket_pdf.h"
#include "app/sittings/assign_candidates.h"
#include "app/sittings/assign_sitting_staff.h"
#include "app/sittings/create_exam_room.h"
#include "app/sittings/create_sitting.h"
#include "app/sittings/move_seat.h"
#include "app/sittings/sitting_access.h"
#include "app/sittings/sitting_plan.h"
#include "web/error_status.h"
#include "web/pages/page_support.h"
#include "web/pages/sitting_routes.h"

namespace rc::web {
namespace {

using nlohmann::json;
const Access kStation = only({store::Role::kStation});

json problem(const Error& e) { return {{"problem", e.message}, {"code", std::string(code_name(e.code))}, {"field", e.field}}; }

// "HH:MM" -> minutes after midnight; "" -> nullopt; anything else -> -1 (refused by the use case).
std::optional<int> parse_clock(const std::string& s) {
  if (s.empty()) return std::nullopt;
  if (s.size() != 5 || s[2] != ':') return -1;
  for (int i : {0, 1, 3, 4})
    if (s[i] < '0' || s[i] > '9') return -1;
  const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (h > 23 || m > 59) return -1;
  return h * 60 + m;
}

int parse_count(const std::string& s) {
  auto v = parse_id(s);
  return v && *v <= 100000 ? static_cast<int>(*v) : -1;
}

const char* flash_text(const std::string& done) {
  if (done == "room") return "考场已添加。";
  if (done == "created") return "考试场次已创建。请安排考生、监考员和考评员。";
  if (done == "assigned") return "考生已安排座位，准考证已生成；参加理论考试的考生的试卷已生成并封存。";
  if (done == "moved") return "座位已调整，准考证号不变。";
  if (done == "staff") return "考务人员安排已更新。";
  return nullptr;
}

json room_json(const store::ExamRoom& r) {
  return {{"id", r.id}, {"name", r.name}, {"seats", r.seats},
          {"kind_label", r.kind == store::RoomKind::kTheory ? "理论（机考）" : "技能考核"}};
}

Reply rooms_page(app::Platform& platform, const Views& views, const RequestContext& ctx, json data = json::object(),
                 int status = 200) {
  auto rooms = app::station_rooms(platform.database(), actor_of(ctx));
  if (!rooms) return html_error(views, ctx, rooms.error());
  json list = json::array();
  for (const auto& r : *rooms) list.push_back(room_json(r));
  data["rooms"] = list;
  data["none"] = list.empty();
  if (const char* t = flash_text(query_value(ctx, "done"))) data["flash"] = t;
  return html_page(views, ctx, "station_rooms", "考场管理", data, status);
}

std::string time_of(std::optional<store::Timestamp> t) { return t ? app::china_time_text(*t).substr(11) : ""; }

Reply sittings_page(app::Platform& platform, const Views& views, const RequestContext& ctx, json data = json::object(),
                    int status = 200) {
  const auto actor = actor_of(ctx);
  auto sittings = app::station_sittings(platform.database(), platform.clock(), actor);
  auto rooms = app::station_rooms(platform.database(), actor);
  if (!sittings || !rooms) return html_error(views, ctx, !sittings ? sittings.error() : rooms.error());
  json list = json::array();
  for (const auto& s : *sittings)
    list.push_back({{"id", s.sitting.id},
                    {"held_on", s.sitting.held_on.to_string()},
                    {"level", app::level_label(s.sitting.level)},
                    {"theory", time_of(s.sitting.theory_starts_at)},
                    {"practical", time_of(s.sitting.practical_starts_at)},
                    {"capacity", s.sitting.capacity},
                    {"seated", s.seated},
                    {"status_label", std::string(app::sitting_status_label(s.sitting.status))}});
  json room_list = json::array();
  for (const auto& r : *rooms) room_list.push_back(room_json(r));
  data["sittings"] = list;
  data["none"] = list.empty();
  data["rooms"] = room_list;
  data["no_rooms"] = room_list.empty();
  if (!data.contains("form")) data["form"] = {{"held_on", ""}, {"theory_start", "09:00"}, {"practical_start", "14:00"}};
  if (const char* t = flash_text(query_value(ctx, "done"))) data["flash"] = t;
  return html_page(views, ctx, "station_sittings", "考试场次", data, status);
}

std::string subjects_text(const std::optional<store::AttemptKind>& theory, const std::optional<store::AttemptKind>& practical) {
  std::string out;
  if (theory) out += "理论（" + std::string(app::ticket_kind_label(*theory)) + "）";
  if (practical) out += std::string(out.empty() ? "" : "、") + "技能（" + std::string(app::ticket_kind_label(*practical)) + "）";
  return out;
}

json plan_json(const app::SittingPlan& p) {
  json rooms = json::array();
  for (const auto& r : p.rooms) {
    json staff = json::array();
    for (const auto& f : p.staff)
      if (f.staff.room_id == r.room.id)
        staff.push_back({{"user_id", f.staff.user_id}, {"username", f.username}, {"duty", std::string(app::duty_label(f.staff.duty))}});
    json room = room_json(r.room);
    room["used"] = r.used;
    room["free"] = r.room.seats - r.used;
    room["staff"] = staff;
    rooms.push_back(room);
  }
  json seats = json::array();
  for (const auto& s : p.seats)
    seats.push_back({{"seat_id", s.seat.id},
                     {"registration_id", s.seat.registration_id},
                     {"room", s.room_name},
                     {"seat_no", s.seat.seat_no},
                     {"name", s.candidate_name},
                     {"id_number_masked", s.id_number_masked},
                     {"subjects", subjects_text(s.seat.theory_kind, s.seat.practical_kind)},
                     {"ticket_no", s.seat.ticket_no}});
  json eligible = json::array(), refused = json::array();
  for (const auto& u : p.unseated) {
    json row{{"registration_id", u.registration_id}, {"name", u.name}, {"id_number_masked", u.id_number_masked}};
    if (u.subjects.any()) {
      row["subjects"] = subjects_text(u.subjects.theory, u.subjects.practical);
      eligible.push_back(row);
    } else {
      row["reason"] = u.subjects.reason;
      refused.push_back(row);
    }
  }
  json members = json::array();
  for (const auto& m : p.members)
    members.push_back({{"user_id", m.user_id}, {"username", m.username},
                       {"role_label", m.role == store::Role::kProctor ? "监考员" : "考评员"}});
  const auto& s = p.sitting;
  return {{"sitting", {{"id", s.id},
                       {"held_on", s.held_on.to_string()},
                       {"level", app::level_label(s.level)},
                       {"theory", time_of(s.theory_starts_at)},
                       {"theory_minutes", s.theory_minutes.value_or(0)},
                       {"practical", time_of(s.practical_starts_at)},
                       {"capacity", s.capacity},
                       {"seated", p.seats.size()},
                       {"status_label", std::string(app::sitting_status_label(s.status))}}},
          {"rooms", rooms},
          {"seats", seats},
          {"no_seats", seats.empty()},
          {"eligible", eligible},
          {"no_eligible", eligible.empty()},
          {"refused", refused},
          {"has_refused", !refused.empty()},
          {"members", members}};
}

Reply sitting_page(app::Platform& platform, const Views& views, const RequestContext& ctx, store::Id id,
                   json extra = json::object(), int status = 200) {
  auto plan = app::sitting_plan(platform.database(), platform.clock(), platform.policies(), actor_of(ctx), id);
  if (!plan) return html_error(views, ctx, plan.error());
  json data = plan_json(*plan);
  for (auto& [k, v] : extra.items()) data[k] = v;
  if (const char* t = flash_text(query_value(ctx, "done"))) data["flash"] = t;
  return html_page(views, ctx, "station_sitting", "场次安排", data, status);
}

// A refused action on a sitting: the page again with the message, or the error page.
Reply refused(app::Platform& platform, const Views& views, const RequestContext& ctx, store::Id id, const Error& e) {
  if (needs_error_page(e)) return html_error(views, ctx, e);
  return sitting_page(platform, views, ctx, id, problem(e), http_status(e.code));
}

std::string sitting_url(store::Id id, const char* done) {
  return "/station/sittings/" + std::to_string(id) + "?done=" + done;
}

void add_room_and_sitting_lists(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/station/rooms", kStation, [&platform, &views](RequestContext& ctx) { return rooms_page(platform, views, ctx); });
  routes.post("/station/rooms", kStation, [&platform, &views](RequestContext& ctx) {
    const auto kind = ctx.form->get("kind") == "practical" ? store::RoomKind::kPractical : store::RoomKind::kTheory;
    auto id = app::create_exam_room(platform.database(), platform.clock(), actor_of(ctx),
                                    {ctx.form->get("name"), parse_count(ctx.form->get("seats")), kind});
    if (!id) {
      if (needs_error_page(id.error())) return html_error(views, ctx, id.error());
      return rooms_page(platform, views, ctx, problem(id.error()), http_status(id.error().code));
    }
    return redirect("/station/rooms?done=room");
  });
  routes.get("/station/sittings", kStation, [&platform, &views](RequestContext& ctx) { return sittings_page(platform, views, ctx); });
  routes.post("/station/sittings", kStation, [&platform, &views](RequestContext& ctx) {
    const auto& f = *ctx.form;
    auto refuse = [&](const Error& e) {
      if (needs_error_page(e)) return html_error(views, ctx, e);
      json data = problem(e);
      data["form"] = {{"held_on", f.get("held_on")}, {"theory_start", f.get("theory_start")}, {"practical_start", f.get("practical_start")}};
      return sittings_page(platform, views, ctx, data, http_status(e.code));
    };
    auto held_on = CivilDate::parse(f.get("held_on"));
    if (!held_on) return refuse(make_error(ErrorCode::kInvalidDate, "held_on", "请填写考试日期（如 2026-12-05）"));
    app::NewSitting s{*held_on, 5, parse_clock(f.get("theory_start")), parse_clock(f.get("practical_start")), {}};
    for (const auto& [name, value] : f.fields)
      if (name.size() > 4 && name.starts_with("room"))
        if (auto id = parse_id(std::string_view(name).substr(4))) s.room_ids.push_back(*id);
    auto id = app::create_sitting(platform.database(), platform.clock(), platform.policies(), actor_of(ctx), s);
    if (!id) return refuse(id.error());
    return redirect(sitting_url(*id, "created"));
  });
}

void add_plan_routes(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/station/sittings/:id(\\d+)", kStation, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "考试场次不存在"));
    return sitting_page(platform, views, ctx, *id);
  });
  routes.post("/station/sittings/:id(\\d+)/assign", kStation, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "考试场次不存在"));
    // Ticked candidates come as g<registration id>=on, in the order of the list.
    std::vector<store::Id> chosen;
    for (const auto& [name, value] : ctx.form->fields)
      if (name.size() > 1 && name[0] == 'g')
        if (auto r = parse_id(std::string_view(name).substr(1))) chosen.push_back(*r);
    std::sort(chosen.begin(), chosen.end());
    auto r = app::assign_candidates(platform.database(), platform.clock(), platform.policies(), platform.random(),
                                    actor_of(ctx), *id, chosen);
    if (!r) return refused(platform, views, ctx, *id, r.error());
    if (!r->papers_problem.empty())
      return sitting_page(platform, views, ctx, *id, {{"problem", r->papers_problem}, {"code", "exam.bank_shortfall"}});
    return redirect(sitting_url(*id, "assigned"));
  });
  routes.post("/station/sittings/:id(\\d+)/move", kStation, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "考试场次不存在"));
    const auto seat = parse_id(ctx.form->get("seat_id")), room = parse_id(ctx.form->get("room_id"));
    if (!seat || !room)
      return refused(platform, views, ctx, *id, make_error(ErrorCode::kInvalidValue, "seat_no", "请选择考生和目标考场"));
    auto moved = app::move_seat(platform.database(), platform.clock(), actor_of(ctx), *seat, *room,
                                parse_count(ctx.form->get("seat_no")));
    if (!moved) return refused(platform, views, ctx, *id, moved.error());
    return redirect(sitting_url(*id, "moved"));
  });
  for (const bool add : {true, false}) {
    routes.post(std::string("/station/sittings/:id(\\d+)/staff") + (add ? "" : "/remove"), kStation,
                [&platform, &views, add](RequestContext& ctx) {
                  auto id = id_param(ctx);
                  if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "考试场次不存在"));
                  const auto room = parse_id(ctx.form->get("room_id")), user = parse_id(ctx.form->get("user_id"));
                  if (!room || !user)
                    return refused(platform, views, ctx, *id, make_error(ErrorCode::kInvalidValue, "user_id", "请选择考场和考务人员"));
                  auto done = add ? app::assign_sitting_staff(platform.database(), platform.clock(), actor_of(ctx), *id, *room, *user)
                                  : app::remove_sitting_staff(platform.database(), platform.clock(), actor_of(ctx), *id, *room, *user);
                  if (!done) return refused(platform, views, ctx, *id, done.error());
                  return redirect(sitting_url(*id, "staff"));
                });
  }
}

}  // namespace

void add_sitting_station_pages(Routes& routes, app::Platform& platform, const Views& views) {
  add_room_and_sitting_lists(routes, platform, views);
  add_plan_routes(routes, platform, views);
}

}  // namespace rc::web
