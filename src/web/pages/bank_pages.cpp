#include "web/pages/bank_pages.h"

#include "app/exam/bank_listing.h"
#include "app/exam/edit_bank_item.h"
#include "app/exam/export_bank_items.h"
#include "app/exam/import_bank_items.h"
#include "app/exam/sitting_item_analysis.h"
#include "exam/item_row.h"
#include "web/error_status.h"
#include "web/pages/certificate_support.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;
const Access kReaders = only({store::Role::kStation, store::Role::kAdministrator});
const Access kEditors = only({store::Role::kAdministrator});

bool is_editor(const RequestContext& ctx) { return ctx.session && ctx.session->role == store::Role::kAdministrator; }

json area_choices(const std::string& selected, bool with_any) {
  json out = json::array();
  if (with_any) out.push_back({{"value", ""}, {"label", "全部领域"}, {"selected", selected.empty()}});
  for (auto a : exam::all_areas()) {
    const std::string code(exam::area_code(a));
    out.push_back({{"value", code}, {"label", std::string(exam::area_name_zh(a))}, {"selected", code == selected}});
  }
  return out;
}

json kind_choices(const std::string& selected, bool with_any) {
  json out = with_any ? json::array({{{"value", ""}, {"label", "全部题型"}, {"selected", selected.empty()}}}) : json::array();
  for (auto k : {exam::ItemKind::kSingleChoice, exam::ItemKind::kTrueFalse}) {
    const std::string code(exam::kind_code(k));
    out.push_back({{"value", code}, {"label", std::string(exam::kind_name_zh(k))}, {"selected", code == selected}});
  }
  return out;
}

json status_choices(const std::string& selected, bool with_any) {
  json out = with_any ? json::array({{{"value", ""}, {"label", "全部状态"}, {"selected", selected.empty()}}}) : json::array();
  for (auto s : {exam::ReviewStatus::kDraft, exam::ReviewStatus::kReviewed, exam::ReviewStatus::kRetired}) {
    const std::string code(exam::status_code(s));
    out.push_back({{"value", code}, {"label", std::string(exam::status_name_zh(s))}, {"selected", code == selected}});
  }
  return out;
}

std::string snippet(const std::string& text, std::size_t max_chars = 40) {
  // Cut on a UTF-8 character boundary.
  std::size_t chars = 0, i = 0;
  while (i < text.size() && chars < max_chars) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    ++chars;
  }
  return i >= text.size() ? text : text.substr(0, i) + "…";
}

json item_summary(const exam::Item& item) {
  return {{"code", item.id},
          {"version", item.version},
          {"kind", std::string(exam::kind_code(item.kind))},
          {"kind_label", std::string(exam::kind_name_zh(item.kind))},
          {"area_label", std::string(exam::area_name_zh(item.area))},
          {"difficulty", item.difficulty},
          {"status", std::string(exam::status_code(item.status))},
          {"status_label", std::string(exam::status_name_zh(item.status))},
          {"stem", snippet(item.stem)}};
}

// The form's fields for an item (new, edit, new version).
json item_form(const exam::Item& item) {
  json options = json::array();
  static constexpr const char* kLetters[] = {"a", "b", "c", "d"};
  for (std::size_t o = 0; o < exam::kOptionCount; ++o)
    options.push_back({{"name", std::string("option_") + kLetters[o]},
                       {"label", std::string(1, static_cast<char>('A' + o))},
                       {"value", item.options[o]}});
  return {{"code", item.id},
          {"kinds", kind_choices(std::string(exam::kind_code(item.kind)), false)},
          {"areas", area_choices(std::string(exam::area_code(item.area)), false)},
          {"statuses", status_choices(std::string(exam::status_code(item.status)), false)},
          {"difficulty", item.difficulty},
          {"stem", item.stem},
          {"options", options},
          {"answer", std::string(exam::choice_label(item.kind, static_cast<std::size_t>(item.key)))},
          {"explanation", item.explanation}};
}

// The posted item, through the 题库 row parser (the same checks as an imported row). Its
// messages name "第 0 行"; a form has no rows, so that prefix is dropped.
struct PostedItem {
  std::optional<exam::Item> item;
  std::vector<std::string> problems;
};
PostedItem posted_item(const Form& f, const std::string& code, int version) {
  exam::ItemRow row;
  row.row = 0;
  const auto set = [&](exam::ItemColumn c, std::string v) { row.cells[static_cast<std::size_t>(c)] = std::move(v); };
  set(exam::ItemColumn::kId, code);
  set(exam::ItemColumn::kVersion, std::to_string(version));
  set(exam::ItemColumn::kKind, f.get("kind"));
  set(exam::ItemColumn::kArea, f.get("area"));
  set(exam::ItemColumn::kDifficulty, f.get("difficulty"));
  set(exam::ItemColumn::kStatus, f.get("status").empty() ? "draft" : f.get("status"));
  set(exam::ItemColumn::kStem, f.get("stem"));
  set(exam::ItemColumn::kOptionA, f.get("option_a"));
  set(exam::ItemColumn::kOptionB, f.get("option_b"));
  set(exam::ItemColumn::kOptionC, f.get("option_c"));
  set(exam::ItemColumn::kOptionD, f.get("option_d"));
  set(exam::ItemColumn::kAnswer, f.get("answer"));
  set(exam::ItemColumn::kExplanation, f.get("explanation"));
  // True/false items have no options: whatever the hidden option fields hold is dropped.
  if (f.get("kind") == "true_false")
    for (auto c : {exam::ItemColumn::kOptionA, exam::ItemColumn::kOptionB, exam::ItemColumn::kOptionC, exam::ItemColumn::kOptionD})
      set(c, "");
  auto parsed = exam::parse_item_row(row);
  PostedItem out;
  out.item = std::move(parsed.item);
  for (const auto& e : parsed.errors) {
    std::string m = e.message;
    if (m.starts_with("第 0 行")) m = m.substr(std::string_view("第 0 行").size());
    out.problems.push_back(std::move(m));
  }
  return out;
}

exam::Item item_from_form_for_display(const Form& f, exam::Item base) {
  // Re-show what was typed after a refusal, as far as it maps.
  if (auto k = exam::kind_from_code(f.get("kind"))) base.kind = *k;
  if (auto a = exam::area_from_code(f.get("area"))) base.area = *a;
  base.stem = f.get("stem");
  base.options = {f.get("option_a"), f.get("option_b"), f.get("option_c"), f.get("option_d")};
  base.explanation = f.get("explanation");
  return base;
}

const char* flash_text(const std::string& done) {
  if (done == "created") return "试题已新建（草稿），审核后才会用于组卷。";
  if (done == "saved") return "试题已保存。";
  if (done == "version") return "已新建版本（草稿），旧版本已停用；审核后新版本才会用于组卷。";
  if (done == "status") return "审核状态已更新。";
  if (done == "imported") return "导入完成。";
  return nullptr;
}

// --- the list -------------------------------------------------------------------------------------

Reply bank_page(app::Platform& platform, const Views& views, const RequestContext& ctx, json extra = json::object(),
                int status = 200) {
  const std::string area = query_value(ctx, "area"), kind = query_value(ctx, "kind"), st = query_value(ctx, "status");
  app::BankItemFilter filter;
  filter.area = exam::area_from_code(area);
  filter.kind = exam::kind_from_code(kind);
  filter.status = exam::status_from_code(st);
  auto listing = app::list_bank_items(platform.database(), platform.clock(), platform.policies(), actor_of(ctx), filter);
  if (!listing) return html_error(views, ctx, listing.error());
  json items = json::array();
  for (const auto& e : listing->items) {
    json row = item_summary(e.item);
    row["id"] = e.id;
    items.push_back(std::move(row));
  }
  json supply = json::array();
  bool short_any = false;
  for (const auto& s : listing->supply) {
    short_any = short_any || s.short_of_items();
    supply.push_back({{"area", std::string(exam::area_code(s.area))},
                      {"area_label", std::string(exam::area_name_zh(s.area))},
                      {"need_sc", s.need_single_choice},
                      {"need_tf", s.need_true_false},
                      {"have_sc", s.reviewed_single_choice},
                      {"have_tf", s.reviewed_true_false},
                      {"draft", s.draft},
                      {"retired", s.retired},
                      {"short", s.short_of_items()}});
  }
  json data{{"items", items},
            {"shown", listing->items.size()},
            {"supply", supply},
            {"short_any", short_any},
            {"total", listing->total},
            {"reviewed", listing->reviewed},
            {"blueprint_id", listing->blueprint.id},
            {"areas", area_choices(filter.area ? area : "", true)},
            {"kinds", kind_choices(filter.kind ? kind : "", true)},
            {"statuses", status_choices(filter.status ? st : "", true)},
            {"editor", is_editor(ctx)}};
  for (auto& [k, v] : extra.items()) data[k] = v;
  if (const char* t = flash_text(query_value(ctx, "done"))) {
    std::string text = t;
    if (query_value(ctx, "done") == "imported")
      text += "新增 " + query_value(ctx, "added") + " 道，修改 " + query_value(ctx, "changed") + " 道，未变 " +
              query_value(ctx, "unchanged") + " 道，停用旧版本 " + query_value(ctx, "retired") + " 道。";
    data["flash"] = text;
  }
  return html_page(views, ctx, "bank", "题库管理", data, status);
}

Reply import_refused(app::Platform& platform, const Views& views, const RequestContext& ctx, const app::ImportErrors& e) {
  json rows = json::array();
  for (const auto& x : e.errors)
    rows.push_back({{"row", x.row == 0 ? std::string("文件") : std::to_string(x.row)},
                    {"column", x.column},
                    {"cell", x.cell},
                    {"code", std::string(code_name(x.code))},
                    {"message", x.message}});
  const Error summary = e.summary();
  return bank_page(platform, views, ctx,
                   {{"problem", summary.message}, {"code", std::string(code_name(summary.code))}, {"import_errors", rows}, {"has_import_errors", true}},
                   http_status(summary.code));
}

// --- one item -------------------------------------------------------------------------------------

Reply item_page(app::Platform& platform, const Views& views, const RequestContext& ctx, store::Id id,
                json extra = json::object(), int status = 200, const exam::Item* typed = nullptr) {
  auto d = app::bank_item_detail(platform.database(), actor_of(ctx), id);
  if (!d) return html_error(views, ctx, d.error());
  const exam::Item& item = d->item;
  json options = json::array();
  if (item.kind == exam::ItemKind::kSingleChoice)
    for (std::size_t o = 0; o < exam::kOptionCount; ++o)
      options.push_back({{"label", std::string(1, static_cast<char>('A' + o))},
                         {"text", item.options[o]},
                         {"key", static_cast<int>(o) == item.key}});
  json versions = json::array();
  for (const auto& v : d->versions)
    versions.push_back({{"id", v.id},
                        {"version", v.version},
                        {"status_label", std::string(exam::status_name_zh(*exam::status_from_code(v.status)))},
                        {"current", v.id == d->row.id}});
  const bool editor = is_editor(ctx);
  json data{{"id", d->row.id},
            {"item", item_summary(item)},
            {"stem", item.stem},
            {"options", options},
            {"answer", std::string(exam::choice_label(item.kind, static_cast<std::size_t>(item.key)))},
            {"explanation", item.explanation},
            {"digest", d->row.digest},
            {"versions", versions},
            {"papers_using", d->papers_using},
            {"locked", d->locked()},
            {"latest", d->latest},
            {"editor", editor},
            {"can_edit", editor && !d->locked()},
            {"can_new_version", editor && d->latest},
            {"form", item_form(typed ? *typed : item)},
            {"status_form", status_choices(std::string(exam::status_code(item.status)), false)}};
  for (auto& [k, v] : extra.items()) data[k] = v;
  if (const char* t = flash_text(query_value(ctx, "done"))) data["flash"] = t;
  return html_page(views, ctx, "bank_item", "试题 " + item.id, data, status);
}

Reply item_refused(app::Platform& platform, const Views& views, const RequestContext& ctx, store::Id id, const Error& e,
                   const exam::Item* typed = nullptr) {
  if (needs_error_page(e)) return html_error(views, ctx, e);
  json extra{{"problem", e.message}, {"code", std::string(code_name(e.code))}};
  if (e.code == ErrorCode::kBankItemLocked) extra["offer_new_version"] = true;
  return item_page(platform, views, ctx, id, extra, http_status(e.code), typed);
}

Reply new_item_page(const Views& views, const RequestContext& ctx, const exam::Item& item, json extra = json::object(),
                    int status = 200) {
  json data{{"form", item_form(item)}};
  for (auto& [k, v] : extra.items()) data[k] = v;
  return html_page(views, ctx, "bank_item_new", "新建试题", data, status);
}

void add_item_routes(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/station/bank/items/new", kEditors, [&views](RequestContext& ctx) {
    exam::Item blank;
    blank.id.clear();
    return new_item_page(views, ctx, blank);
  });
  routes.post("/station/bank/items", kEditors, [&platform, &views](RequestContext& ctx) {
    const std::string code = ctx.form->get("code");
    auto posted = posted_item(*ctx.form, code, 1);
    exam::Item typed = item_from_form_for_display(*ctx.form, exam::Item{});
    typed.id = code;
    if (!posted.item) {
      json problems = json::array();
      for (auto& p : posted.problems) problems.push_back(p);
      return new_item_page(views, ctx, typed,
                           {{"problem", "试题未保存，请改正以下问题"}, {"code", "validation"}, {"problems", problems}}, 422);
    }
    auto id = app::create_bank_item(platform.database(), platform.clock(), actor_of(ctx), *posted.item);
    if (!id) {
      if (needs_error_page(id.error())) return html_error(views, ctx, id.error());
      return new_item_page(views, ctx, typed,
                           {{"problem", id.error().message}, {"code", std::string(code_name(id.error().code))}},
                           http_status(id.error().code));
    }
    return redirect("/station/bank/items/" + std::to_string(*id) + "?done=created");
  });
  routes.get("/station/bank/items/:id(\\d+)", kReaders, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "试题不存在"));
    return item_page(platform, views, ctx, *id);
  });
  // Edit in place, or (the same form, another button) a new version.
  for (const bool as_new_version : {false, true}) {
    const std::string path = as_new_version ? "/station/bank/items/:id(\\d+)/versions" : "/station/bank/items/:id(\\d+)";
    routes.post(path, kEditors, [&platform, &views, as_new_version](RequestContext& ctx) {
      auto id = id_param(ctx);
      if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "试题不存在"));
      auto current = app::bank_item_detail(platform.database(), actor_of(ctx), *id);
      if (!current) return html_error(views, ctx, current.error());
      auto posted = posted_item(*ctx.form, current->row.code, current->row.version);
      exam::Item typed = item_from_form_for_display(*ctx.form, current->item);
      if (!posted.item) {
        json problems = json::array();
        for (auto& p : posted.problems) problems.push_back(p);
        return item_page(platform, views, ctx, *id,
                         {{"problem", "试题未保存，请改正以下问题"}, {"code", "validation"}, {"problems", problems}}, 422, &typed);
      }
      if (as_new_version) {
        auto created = app::new_bank_item_version(platform.database(), platform.clock(), actor_of(ctx), *id, *posted.item);
        if (!created) return item_refused(platform, views, ctx, *id, created.error(), &typed);
        return redirect("/station/bank/items/" + std::to_string(*created) + "?done=version");
      }
      auto saved = app::edit_bank_item(platform.database(), platform.clock(), actor_of(ctx), *id, *posted.item);
      if (!saved) return item_refused(platform, views, ctx, *id, saved.error(), &typed);
      return redirect("/station/bank/items/" + std::to_string(*id) + "?done=saved");
    });
  }
  routes.post("/station/bank/items/:id(\\d+)/status", kEditors, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "试题不存在"));
    auto status = exam::status_from_code(ctx.form->get("status"));
    if (!status)
      return item_refused(platform, views, ctx, *id,
                          make_error(ErrorCode::kUnknownEnumValue, "status", "审核状态应为草稿、已审核或已停用"));
    auto done = app::set_bank_item_status(platform.database(), platform.clock(), actor_of(ctx), *id, *status);
    if (!done) return item_refused(platform, views, ctx, *id, done.error());
    return redirect("/station/bank/items/" + std::to_string(*id) + "?done=status");
  });
}

// --- import, export -------------------------------------------------------------------------------

void add_file_routes(Routes& routes, app::Platform& platform, const Views& views) {
  for (const auto format : {app::BankFileFormat::kXlsx, app::BankFileFormat::kJson}) {
    const std::string path = format == app::BankFileFormat::kXlsx ? "/station/bank/export.xlsx" : "/station/bank/export.json";
    routes.get(path, kReaders, [&platform, &views, format](RequestContext& ctx) {
      auto file = app::export_bank_items(platform.database(), platform.clock(), actor_of(ctx), format);
      if (!file) return html_error(views, ctx, file.error());
      return file_reply(file->content_type, file->file_name, std::move(file->bytes));
    });
  }
  routes.post("/station/bank/import", kEditors, [&platform, &views](RequestContext& ctx) {
    auto file = ctx.form->files.find("file");
    if (file == ctx.form->files.end() || file->second.bytes.empty())
      return import_refused(platform, views, ctx,
                            {{app::make_import_error(0, "", -1, ErrorCode::kMissingField, "请选择要导入的题库文件（.xlsx 或 .json）")}});
    auto format = app::detect_bank_file_format(file->second.bytes);
    if (!format)
      return import_refused(platform, views, ctx,
                            {{app::make_import_error(0, "", -1, ErrorCode::kUnsupportedMediaType,
                                                     "文件既不是 .xlsx 表格也不是 JSON 题库文件")}});
    auto done = app::import_bank_items(platform.database(), platform.clock(), actor_of(ctx), file->second.bytes, *format);
    if (!done) return import_refused(platform, views, ctx, done.error());
    return redirect("/station/bank?done=imported&added=" + std::to_string(done->added) + "&changed=" +
                    std::to_string(done->changed) + "&unchanged=" + std::to_string(done->unchanged) +
                    "&retired=" + std::to_string(done->retired));
  });
}

// --- item analysis (F11) --------------------------------------------------------------------------

std::string fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

json analysis_json(const app::SittingItemAnalysis& a) {
  const auto& an = a.analysis;
  json items = json::array();
  for (const auto& s : an.items) {
    auto info = a.items.find({s.item_id, s.item_version});
    json options = json::array();
    for (std::size_t o = 0; o < s.options.size(); ++o) {
      const auto& r = s.options[o];
      options.push_back({{"label", std::string(exam::choice_label(s.kind, o))},
                         {"count", r.count},
                         {"share", fixed3(r.share)},
                         {"upper", r.upper},
                         {"lower", r.lower},
                         {"key", r.key}});
    }
    json flags = json::array();
    for (auto f : s.flags) flags.push_back({{"code", std::string(exam::flag_code(f))}, {"label", std::string(exam::flag_name_zh(f))}});
    items.push_back({{"code", s.item_id},
                     {"version", s.item_version},
                     {"kind_label", std::string(exam::kind_name_zh(s.kind))},
                     {"area_label", info == a.items.end() ? "" : std::string(exam::area_name_zh(info->second.area))},
                     {"stem", info == a.items.end() ? "" : snippet(info->second.stem, 60)},
                     {"candidates", s.candidates},
                     {"correct", s.correct},
                     {"facility", fixed3(s.facility)},
                     {"discrimination", s.discrimination ? fixed3(*s.discrimination) : std::string("—")},
                     {"options", options},
                     {"omitted", s.omitted.count},
                     {"flags", flags},
                     {"flagged", !s.flags.empty()}});
  }
  return {{"sitting_id", a.sitting.id},
          {"held_on", a.sitting.held_on.to_string()},
          {"candidates", an.candidates},
          {"mean", fixed3(an.mean_score)},
          {"variance", fixed3(an.score_variance)},
          {"kr20", an.kr20 ? fixed3(*an.kr20) : std::string("—")},
          {"kr20_estimate", !an.kr20_exact},
          {"upper_group", an.upper_group},
          {"lower_group", an.lower_group},
          {"min_facility", fixed3(a.bounds.min_facility)},
          {"max_facility", fixed3(a.bounds.max_facility)},
          {"min_discrimination", fixed3(a.bounds.min_discrimination)},
          {"items", items},
          {"flagged_count", std::count_if(an.items.begin(), an.items.end(), [](const auto& s) { return !s.flags.empty(); })}};
}

void add_analysis_routes(Routes& routes, app::Platform& platform, const Views& views) {
  for (const bool xlsx : {false, true}) {
    const std::string path = std::string("/station/sittings/:id(\\d+)/analysis") + (xlsx ? ".xlsx" : "");
    routes.get(path, kReaders, [&platform, &views, xlsx](RequestContext& ctx) {
      auto id = id_param(ctx);
      if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "场次不存在"));
      auto a = app::sitting_item_analysis(platform.database(), platform.policies(), actor_of(ctx), *id,
                                         app::analysis_bounds(platform.config()));
      if (!a) return html_error(views, ctx, a.error());
      if (!xlsx) return html_page(views, ctx, "bank_analysis", "试题分析", analysis_json(*a));
      auto book = app::item_analysis_workbook(*a);
      if (!book) return html_error(views, ctx, book.error());
      return file_reply("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        "试题分析-场次" + std::to_string(*id) + ".xlsx", std::move(*book));
    });
  }
}

}  // namespace

void add_bank_routes(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/station/bank", kReaders, [&platform, &views](RequestContext& ctx) { return bank_page(platform, views, ctx); });
  add_file_routes(routes, platform, views);
  add_item_routes(routes, platform, views);
  add_analysis_routes(routes, platform, views);
}

}  // namespace rc::web
