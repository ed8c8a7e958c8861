#include "web/pages/organisation_pages.h"

#include "app/applicant_template.h"
#include "app/registration/add_applicant.h"
#include "app/registration/create_batch.h"
#include "app/registration/import_batch_applicants.h"
#include "app/registration/organisation_batches.h"
#include "app/registration/submit_batch.h"
#include "store/station_repository.h"
#include "web/pages/page_support.h"

namespace rc::web {
namespace {

using nlohmann::json;
const Access kOrganisation = only({store::Role::kOrganisation});

json import_errors_json(const app::ImportErrors& e) {
  json rows = json::array();
  for (const auto& err : e.errors)
    rows.push_back({{"row", err.row}, {"column", err.column}, {"cell", err.cell}, {"message", err.message},
                    {"code", std::string(code_name(err.code))}});
  return rows;
}

std::string_view batch_status_label(store::BatchStatus s) {
  switch (s) {
    case store::BatchStatus::kDraft: return "草稿";
    case store::BatchStatus::kSubmitted: return "已提交";
    case store::BatchStatus::kClosed: return "已结束";
    case store::BatchStatus::kWithdrawn: return "已撤回";
  }
  return "";
}

json batch_json(const store::Batch& b) {
  return {{"id", b.id},
          {"title", b.title},
          {"level", b.level},
          {"status", std::string(store::to_text(b.status))},
          {"status_label", std::string(batch_status_label(b.status))},
          {"draft", b.status == store::BatchStatus::kDraft}};
}

// The batch page, with optional flash text and error rows.
Reply batch_page(app::Platform& platform, const Views& views, const RequestContext& ctx, store::Id batch_id,
                 json extra = json::object(), int status = 200) {
  auto list = app::organisation_batches(platform.database(), actor_of(ctx));
  if (!list) return html_error(views, ctx, list.error());
  const app::BatchSummary* summary = nullptr;
  for (const auto& b : *list)
    if (b.batch.id == batch_id) summary = &b;
  if (!summary) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "批次不存在"));
  auto applicants = app::batch_applicants(platform.database(), platform.clock(), actor_of(ctx), batch_id);
  if (!applicants) return html_error(views, ctx, applicants.error());
  json rows = json::array();
  for (const auto& a : *applicants)
    rows.push_back({{"registration_id", a.registration_id},
                    {"name", a.name},
                    {"id_number_masked", a.id_number_masked},
                    {"status", std::string(store::to_text(a.status))},
                    {"status_label", std::string(registration_status_label(a.status))},
                    {"return_reason", a.return_reason.value_or("")}});
  json data{{"batch", batch_json(summary->batch)}, {"applicants", rows}, {"count", rows.size()}};
  for (auto& [k, v] : extra.items()) data[k] = v;
  data["has_errors"] = data.contains("errors") && !data["errors"].empty();
  return html_page(views, ctx, "org_batch", "申报批次", data, status);
}

const char* flash_text(const std::string& done) {
  if (done == "created") return "批次已创建。";
  if (done == "added") return "考生已添加。";
  if (done == "imported") return "报名信息表已全部导入。";
  if (done == "submitted") return "批次已提交鉴定站，考生将收到短信通知，请提醒考生登录确认报名。";
  return nullptr;
}

}  // namespace

void add_organisation_pages(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/org", kOrganisation, [&platform, &views](RequestContext& ctx) {
    auto list = app::organisation_batches(platform.database(), actor_of(ctx));
    if (!list) return html_error(views, ctx, list.error());
    json batches = json::array();
    for (const auto& b : *list) {
      json j = batch_json(b.batch);
      j["total"] = b.total;
      json counts = json::array();
      for (const auto& [st, n] : b.counts) counts.push_back({{"label", std::string(registration_status_label(st))}, {"n", n}});
      j["counts"] = counts;
      batches.push_back(j);
    }
    return html_page(views, ctx, "org_home", "申报批次", {{"batches", batches}});
  });

  routes.get("/org/batches/new", kOrganisation, [&platform, &views](RequestContext& ctx) {
    auto stations = platform.database().read([](store::Transaction& tx) { return store::StationRepository(tx).list(); });
    if (!stations) return html_error(views, ctx, stations.error());
    json options = json::array();
    for (const auto& s : *stations) options.push_back({{"id", s.id}, {"name", s.name}});
    return html_page(views, ctx, "org_batch_new", "新建申报批次", {{"stations", options}});
  });

  routes.post("/org/batches", kOrganisation, [&platform, &views](RequestContext& ctx) {
    const auto& f = *ctx.form;
    app::NewBatch req;
    try {
      req.station_id = std::stoll(f.get("station_id"));
      req.level = std::stoi(f.get("level").empty() ? "5" : f.get("level"));
    } catch (const std::exception&) {
      return html_error(views, ctx, make_error(ErrorCode::kInvalidValue, "station_id", "请选择鉴定站和申报等级"));
    }
    req.title = f.get("title");
    auto batch = app::create_batch(platform.database(), platform.clock(), platform.policies(), actor_of(ctx), req);
    if (!batch) return html_error(views, ctx, batch.error());
    return redirect("/org/batches/" + std::to_string(batch->id) + "?done=created");
  });

  routes.get("/org/batches/:id(\\d+)", kOrganisation, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id"));
    json extra = json::object();
    if (const char* t = flash_text(query_value(ctx, "done"))) extra["flash"] = t;
    return batch_page(platform, views, ctx, *id, extra);
  });

  routes.post("/org/batches/:id(\\d+)/applicants", kOrganisation, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id"));
    const auto& f = *ctx.form;
    app::ApplicantForm form{f.get("name"),   f.get("document_type"), f.get("id_number"), f.get("sex"),
                            f.get("birth_date"), f.get("mobile"),    f.get("health"),    f.get("employer"),
                            f.get("address"), f.get("remarks")};
    auto added = app::add_applicant(platform.database(), platform.clock(), platform.policies(), platform.cipher(),
                                    platform.registration_settings(), actor_of(ctx), *id, form);
    if (!added)
      return batch_page(platform, views, ctx, *id,
                        {{"error", "考生信息有误，未添加："}, {"errors", import_errors_json(added.error())},
                         {"form", {{"name", form.name}, {"id_number", form.id_number}, {"mobile", form.mobile}}}},
                        422);
    return redirect("/org/batches/" + std::to_string(*id) + "?done=added");
  });

  routes.post("/org/batches/:id(\\d+)/import", kOrganisation, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id"));
    auto file = ctx.form->files.find("sheet");
    if (file == ctx.form->files.end() || file->second.bytes.empty())
      return batch_page(platform, views, ctx, *id, {{"error", "请选择要导入的报名信息表文件（.xlsx 或 .csv）"}}, 422);
    auto imported = app::import_batch_applicants(platform.database(), platform.clock(), platform.policies(),
                                                 platform.cipher(), platform.registration_settings(), actor_of(ctx),
                                                 *id, file->second.bytes, file->second.filename);
    if (!imported)
      return batch_page(platform, views, ctx, *id,
                        {{"error", "报名信息表有误，未导入任何考生（须全部正确才导入）："},
                         {"errors", import_errors_json(imported.error())}},
                        422);
    return redirect("/org/batches/" + std::to_string(*id) + "?done=imported");
  });

  routes.post("/org/batches/:id(\\d+)/submit", kOrganisation, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id"));
    auto submitted = app::submit_batch(platform.database(), platform.clock(), platform.policies(), platform.sms(),
                                       actor_of(ctx), *id);
    if (!submitted) return batch_page(platform, views, ctx, *id, {{"error", submitted.error().message}}, 422);
    return redirect("/org/batches/" + std::to_string(*id) + "?done=submitted");
  });

  routes.get("/org/template.xlsx", kOrganisation, [&views](RequestContext& ctx) {
    auto bytes = app::applicant_template_xlsx();
    if (!bytes) return html_error(views, ctx, bytes.error());
    Reply r = text_reply(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", std::move(*bytes));
    r.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"template.xlsx\"; filename*=UTF-8''%E9%89%B4%E5%AE%9A%E7%94%B3%E8%AF%B7%E6%8A%A5%E5%90%8D%E4%BF%A1%E6%81%AF%E8%A1%A8.xlsx");
    return r;
  });
}

}  // namespace rc::web
