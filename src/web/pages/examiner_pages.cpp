#include "web/pages/examiner_pages.h"

#include <chrono>

#include "app/checkin/door_ticket.h"
#include "app/exam/admission_ticket.h"
#include "app/practical/onsite_retake.h"
#include "app/practical/open_practical.h"
#include "app/practical/practical_view.h"
#include "app/practical/submit_score_sheet.h"
#include "web/error_status.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;
const Access kExaminer = only({store::Role::kExaminer});

std::string clock_text(store::Timestamp t) {
  const auto local = std::chrono::sys_time<std::chrono::milliseconds>(t.time_since_epoch()) + kChinaUtcOffset;
  const auto minutes = std::chrono::floor<std::chrono::minutes>(local - std::chrono::floor<std::chrono::days>(local));
  const int h = static_cast<int>(minutes.count() / 60), m = static_cast<int>(minutes.count() % 60);
  return (h < 10 ? "0" : "") + std::to_string(h) + ":" + (m < 10 ? "0" : "") + std::to_string(m);
}

std::string_view kind_label(store::AttemptKind k) {
  switch (k) {
    case store::AttemptKind::kFirst: return "首次考核";
    case store::AttemptKind::kRetake: return "补考";
    case store::AttemptKind::kMakeup: return "缺考补考";
    case store::AttemptKind::kOnsiteRetake: return "现场补考";
  }
  return "";
}

std::optional<store::Id> param_id(const RequestContext& ctx, std::string_view name) {
  auto v = path_param(ctx.params, name);
  return v ? parse_id(*v) : std::nullopt;
}

Error not_found_error(const char* what) { return make_error(ErrorCode::kNotFound, "id", std::string(what) + "不存在"); }

// "7", "7.5" or "7.0" points as tenths; nullopt for anything else (the sheet check names the line).
std::optional<int> parse_tenths(const std::string& text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  const auto dot = text.find('.');
  const std::string whole = text.substr(0, dot);
  const std::string frac = dot == std::string::npos ? "0" : text.substr(dot + 1);
  if (whole.empty() || frac.size() != 1) return std::nullopt;
  for (char c : whole + frac)
    if (c < '0' || c > '9') return std::nullopt;
  return std::stoi(whole) * 10 + (frac[0] - '0');
}

Result<practical::ScoreSheet> sheet_from_form(const Form& form) {
  practical::ScoreSheet s;
  for (const auto& [name, value] : form.fields) {
    if (name.rfind("l.", 0) == 0) {
      const std::string trimmed = form.get(name);
      if (trimmed.empty()) continue;  // left blank: reported as missing with the line's text
      auto t = parse_tenths(trimmed);
      if (!t) return fail(ErrorCode::kInvalidValue, "lines." + name.substr(2), "得分应为不超过一位小数的数字，如 3 或 3.5（R7）", "R7");
      s.line_tenths[name.substr(2)] = *t;
    } else if (name.rfind("veto.", 0) == 0 && value == "1") {
      s.vetoes.insert(name.substr(5));
    }
  }
  return s;
}

json result_json(const app::DrawView& v) {
  const auto& r = *v.result;
  json j{{"total", practical::tenths_text(r.display_tenths)},
         {"passed", r.passed},
         {"vetoed", r.vetoed},
         {"method_label", r.method == "mean" ? "平均数" : "中位数"},
         {"examiners", r.examiner_count}};
  if (!v.combined) return j;
  json items = json::array(), vetoes = json::array();
  for (const auto& ci : v.combined->items) {
    const auto* it = v.loaded.scheme->item(ci.item_id);
    std::string each;
    for (int t : ci.examiner_tenths) each += (each.empty() ? "" : " / ") + practical::tenths_text(t);
    // the combined item score to one decimal, half-up (display only; the total is exact)
    const std::int64_t tenths = (2 * ci.tenths_num + ci.den) / (2 * ci.den);
    items.push_back({{"name", it ? it->name : ci.item_id},
                     {"max", it ? it->max_points() : 0},
                     {"combined", practical::tenths_text(tenths)},
                     {"each", each},
                     {"divergent", ci.divergent}});
  }
  for (const auto& id : v.combined->veto_ids)
    if (const auto* rule = v.loaded.scheme->veto(id)) vetoes.push_back(rule->text);
  j["items"] = items;
  j["veto_texts"] = vetoes;
  j["divergent"] = v.combined->divergent;
  return j;
}

json draw_json(const app::DrawView& v, std::string_view csrf) {
  const auto& scheme = *v.loaded.scheme;
  json drawn = json::array();
  for (std::size_t g = 0; g < v.loaded.draw.items.size() && g < scheme.drawn.size(); ++g) {
    const auto& di = v.loaded.draw.items[g];
    const auto* it = scheme.item(di.item_id);
    std::string picks;
    for (const auto& p : di.picks) picks += (picks.empty() ? "" : "、") + p;
    drawn.push_back({{"group", scheme.drawn[g].name},
                     {"item", it ? it->name : di.item_id},
                     {"item_id", di.item_id},
                     {"pick_label", it ? it->pick.label : ""},
                     {"picks", picks.empty() ? json() : json(picks)},
                     {"note", it && !it->note.empty() ? json(it->note) : json()}});
  }
  const bool can_score = !v.mine && !v.result;
  json items = json::array();
  for (const auto* it : practical::assessed_items(scheme, v.loaded.draw)) {
    json lines = json::array(), vetoes = json::array();
    for (const auto& l : it->lines) {
      const std::string key = it->id + "." + l.id;
      json line{{"key", key}, {"text", l.text}, {"points", l.points}};
      if (v.mine) line["value"] = practical::tenths_text(v.mine->line_tenths.count(key) ? v.mine->line_tenths.at(key) : 0);
      lines.push_back(std::move(line));
    }
    for (const auto& rule : scheme.vetoes)
      if (rule.item_id == it->id)
        vetoes.push_back({{"id", rule.id}, {"text", rule.text}, {"checked", v.mine && v.mine->vetoes.count(rule.id) > 0}});
    items.push_back({{"id", it->id}, {"name", it->name}, {"max", it->max_points()}, {"lines", lines}, {"vetoes", vetoes},
                     {"has_vetoes", !vetoes.empty()}});
  }
  json j{{"draw_id", v.loaded.row.id},
         {"sitting_id", v.loaded.row.sitting_id},
         {"room_id", v.room.id},
         {"room_name", v.room.name},
         {"masked_name", v.masked_name},
         {"ticket_no", v.ticket_no},
         {"kind_label", std::string(kind_label(v.loaded.row.attempt_kind))},
         {"scheme_id", scheme.id},
         {"provisional", scheme.provisional},
         {"seed", v.loaded.row.seed},
         {"drawn_at", clock_text(v.loaded.row.drawn_at)},
         {"drawn", drawn},
         {"items", items},
         {"can_score", can_score},
         {"mine", v.mine.has_value()},
         {"submitted", v.sheets.size()},
         {"needed", v.examiners},
         {"waiting", !v.result},
         {"onsite_retake_allowed", v.onsite_retake_allowed},
         {"onsite_retake_declined", v.onsite_retake_declined},
         {"csrf", std::string(csrf)}};
  if (v.onsite_retake_draw) j["onsite_retake_draw"] = *v.onsite_retake_draw;
  if (v.result) j["result"] = result_json(v);
  return j;
}

Reply home(app::Platform& platform, const Views& views, const RequestContext& ctx) {
  auto rows = app::examiner_assignments_today(platform.database(), platform.clock(), actor_of(ctx));
  if (!rows) return html_error(views, ctx, rows.error());
  json list = json::array();
  for (const auto& a : *rows)
    list.push_back({{"sitting_id", a.sitting_id},
                    {"room_id", a.room_id},
                    {"room_name", a.room_name},
                    {"held_on", a.held_on.to_string()},
                    {"starts_at", a.practical_starts_at ? json(clock_text(*a.practical_starts_at)) : json()}});
  return html_page(views, ctx, "examiner_home", "技能考核评分",
                   {{"rooms", list}, {"none", list.empty()}, {"today", china_date(platform.clock().now()).to_string()}});
}

Reply room_page(app::Platform& platform, const Views& views, const RequestContext& ctx, store::Id sitting, store::Id room,
                std::optional<Error> error = std::nullopt, std::string ticket = {}) {
  auto v = app::examiner_room_view(platform.database(), actor_of(ctx), sitting, room);
  if (!v) return html_error(views, ctx, v.error());
  json list = json::array();
  for (const auto& c : v->candidates) {
    json row{{"draw_id", c.draw.id},
             {"masked_name", c.masked_name},
             {"ticket_no", c.ticket_no},
             {"kind_label", std::string(kind_label(c.draw.attempt_kind))},
             {"sheets", c.sheets},
             {"needed", v->examiners},
             {"done", c.result.has_value()}};
    if (c.result) {
      row["total"] = practical::tenths_text(c.result->display_tenths);
      row["passed"] = c.result->passed;
    }
    list.push_back(std::move(row));
  }
  json data{{"sitting_id", sitting},       {"room_id", room},         {"room_name", v->room.name},
            {"held_on", v->held_on.to_string()}, {"examiners", v->examiners}, {"candidates", list},
            {"none", list.empty()},        {"ticket", ticket}};
  if (error) data["error"] = error->message;
  return html_page(views, ctx, "examiner_room", "考评站 · " + v->room.name, data, error ? http_status(error->code) : 200);
}

Reply draw_page(app::Platform& platform, const Views& views, const RequestContext& ctx, store::Id id,
                std::optional<Error> error = std::nullopt) {
  auto v = app::practical_draw_view(platform.database(), platform.clock(), platform.policies(), actor_of(ctx), id);
  if (!v) return html_error(views, ctx, v.error());
  json data = draw_json(*v, ctx.csrf);
  if (error) {
    data["error"] = error->message;
    data["error_field"] = error->field;
  }
  return html_page(views, ctx, "examiner_draw", "技能考核评分 · " + v->masked_name, data,
                   error ? http_status(error->code) : 200);
}

void add_draw_routes(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/examiner/draws/:id(\\d{1,18})", kExaminer, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, not_found_error("抽考记录"));
    return draw_page(platform, views, ctx, *id);
  });
  routes.post("/examiner/draws/:id(\\d{1,18})/sheet", kExaminer, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id || !ctx.form) return html_error(views, ctx, not_found_error("抽考记录"));
    auto sheet = sheet_from_form(*ctx.form);
    if (!sheet) return draw_page(platform, views, ctx, *id, sheet.error());
    auto r = app::submit_score_sheet(platform.database(), platform.clock(), actor_of(ctx), *id, *sheet);
    if (!r) return needs_error_page(r.error()) ? html_error(views, ctx, r.error()) : draw_page(platform, views, ctx, *id, r.error());
    return redirect("/examiner/draws/" + std::to_string(*id));
  });
  routes.post("/examiner/draws/:id(\\d{1,18})/onsite-retake", kExaminer, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, not_found_error("抽考记录"));
    auto r = app::start_onsite_retake(platform.database(), platform.clock(), platform.random(), platform.policies(),
                                      actor_of(ctx), *id);
    if (!r) return needs_error_page(r.error()) ? html_error(views, ctx, r.error()) : draw_page(platform, views, ctx, *id, r.error());
    return redirect("/examiner/draws/" + std::to_string(*r));
  });
  routes.post("/examiner/draws/:id(\\d{1,18})/onsite-retake/decline", kExaminer, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, not_found_error("抽考记录"));
    auto r = app::decline_onsite_retake(platform.database(), platform.clock(), platform.policies(), actor_of(ctx), *id);
    if (!r) return needs_error_page(r.error()) ? html_error(views, ctx, r.error()) : draw_page(platform, views, ctx, *id, r.error());
    return redirect("/examiner/draws/" + std::to_string(*id));
  });
}

}  // namespace

void add_examiner_routes(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/examiner", kExaminer, [&platform, &views](RequestContext& ctx) { return home(platform, views, ctx); });
  const std::string room_path = "/examiner/sittings/:sitting(\\d{1,18})/rooms/:room(\\d{1,18})";
  routes.get(room_path, kExaminer, [&platform, &views](RequestContext& ctx) {
    auto s = param_id(ctx, "sitting"), r = param_id(ctx, "room");
    if (!s || !r) return html_error(views, ctx, not_found_error("考场"));
    return room_page(platform, views, ctx, *s, *r);
  });
  routes.post(room_path + "/open", kExaminer, [&platform, &views](RequestContext& ctx) {
    auto s = param_id(ctx, "sitting"), r = param_id(ctx, "room");
    if (!s || !r || !ctx.form) return html_error(views, ctx, not_found_error("考场"));
    const std::string typed = ctx.form->get("ticket");
    // A scanned QR text (checked with the ticket key) or the printed number (F7); one parser for
    // every scan box (app/checkin/door_ticket.h).
    auto ticket = app::ticket_from_scan(app::ticket_qr_key(platform.keys()), typed);
    if (!ticket) return room_page(platform, views, ctx, *s, *r, ticket.error(), typed);
    auto opened = app::open_practical(platform.database(), platform.clock(), platform.random(), platform.policies(),
                                      actor_of(ctx), *s, *r, *ticket);
    if (!opened)
      return needs_error_page(opened.error()) ? html_error(views, ctx, opened.error())
                                              : room_page(platform, views, ctx, *s, *r, opened.error(), typed);
    return redirect("/examiner/draws/" + std::to_string(opened->draw_id));
  });
  add_draw_routes(routes, platform, views);
}

}  // namespace rc::web
