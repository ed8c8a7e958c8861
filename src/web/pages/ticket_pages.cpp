// Admission tickets (准考证, F7): the candidate's printable page and PDF, the station's print-all
// page of a sitting and one candidate's PDF. Each load is an audited view of personal data (the
// photo) by the use case; ID numbers are masked on every ticket (GB/T 35273 7.2).
#include <cstdio>

#include "app/certificates/certificate_snapshot.h"
#include "app/exam/admission_ticket.h"
#include "app/exam/admission_ticket_pdf.h"
#include "app/sittings/sitting_access.h"
#include "app/sittings/sitting_plan.h"
#include "cert/qr_vector.h"
#include "web/pages/certificate_support.h"
#include "web/pages/page_support.h"
#include "web/pages/sitting_routes.h"

namespace rc::web {
namespace {

using nlohmann::json;
const Access kCandidate = only({store::Role::kCandidate});
const Access kStation = only({store::Role::kStation});

// The QR code as inline SVG (the same vector the PDF draws).
std::string qr_svg(const std::string& text) {
  auto qr = cert::qr_vector(text, 40);
  if (!qr) return {};
  std::string path = qr->abbreviated_data;
  for (auto& c : path)
    if (c == 'C') c = 'Z';
  const std::string side = std::to_string(qr->modules + 8);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ticket-qr\" viewBox=\"0 0 " + side + " " + side +
         "\" shape-rendering=\"crispEdges\"><rect width=\"" + side + "\" height=\"" + side + "\" fill=\"#fff\"/><path d=\"" +
         path + "\" fill=\"#000\"/></svg>";
}

json ticket_json(const app::AdmissionTicket& t) {
  json subjects = json::array();
  for (const auto& s : t.subjects) {
    std::string when = s.starts_at ? app::china_time_text(*s.starts_at) : "另行通知";
    if (s.minutes) when += "（" + std::to_string(*s.minutes) + " 分钟）";
    subjects.push_back({{"label", s.label}, {"kind_label", s.kind_label}, {"retake", s.kind != store::AttemptKind::kFirst}, {"when", when}});
  }
  json rules = json::array();
  for (const auto& r : app::ticket_conduct_rules()) rules.push_back(r);
  json out{{"ticket_no", t.ticket_no},
           {"registration_id", t.registration_id},
           {"name", t.candidate_name},
           {"sex", t.sex == store::Sex::kMale ? "男" : "女"},
           {"document_type", t.document_type},
           {"id_number_masked", t.id_number_masked},
           {"level", app::level_label(t.level)},
           {"station", t.station_name},
           {"address", t.station_address},
           {"held_on", t.held_on.to_string()},
           {"room", t.room_name},
           {"seat_no", t.seat_no},
           {"subjects", subjects},
           {"rules", rules},
           {"qr_text", t.qr_text},
           {"qr_svg", qr_svg(t.qr_text)}};
  if (t.photo) out["photo"] = "data:" + t.photo_media_type + ";base64," + base64(*t.photo);
  return out;
}

Reply pdf_reply(const Views& views, const RequestContext& ctx, const Result<app::AdmissionTicket>& t) {
  if (!t) return html_error(views, ctx, t.error());
  auto pdf = app::admission_ticket_pdf(*t);
  if (!pdf) return html_error(views, ctx, pdf.error());
  return file_reply("application/pdf", "ticket-" + t->ticket_no + ".pdf", std::move(*pdf));
}

Reply own_ticket_page(app::Platform& platform, const Views& views, const RequestContext& ctx) {
  auto t = app::load_own_admission_ticket(platform, actor_of(ctx));
  if (!t) {
    if (t.error().code == ErrorCode::kNotFound)
      return html_page(views, ctx, "ticket", "准考证", {{"none", true}, {"message", t.error().message}});
    return html_error(views, ctx, t.error());
  }
  return html_page(views, ctx, "ticket", "准考证",
                   {{"tickets", json::array({ticket_json(*t)})}, {"candidate", true}});
}

Reply sitting_tickets_page(app::Platform& platform, const Views& views, const RequestContext& ctx) {
  auto id = id_param(ctx);
  if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "考试场次不存在"));
  const auto actor = actor_of(ctx);
  auto plan = app::sitting_plan(platform.database(), platform.clock(), platform.policies(), actor, *id);
  if (!plan) return html_error(views, ctx, plan.error());
  json tickets = json::array();
  for (const auto& row : plan->seats) {
    auto t = app::load_admission_ticket(platform, actor, std::string_view(row.seat.ticket_no));
    if (!t) return html_error(views, ctx, t.error());
    tickets.push_back(ticket_json(*t));
  }
  return html_page(views, ctx, "ticket", "打印准考证",
                   {{"tickets", tickets}, {"none", tickets.empty()}, {"message", "该场次尚未安排考生"},
                    {"sitting_id", *id}, {"station", true}});
}

}  // namespace

void add_ticket_pages(Routes& routes, app::Platform& platform, const Views& views) {
  routes.get("/me/ticket", kCandidate, [&platform, &views](RequestContext& ctx) { return own_ticket_page(platform, views, ctx); });
  routes.get("/me/ticket.pdf", kCandidate, [&platform, &views](RequestContext& ctx) {
    return pdf_reply(views, ctx, app::load_own_admission_ticket(platform, actor_of(ctx)));
  });
  routes.get("/station/sittings/:id(\\d+)/tickets", kStation,
             [&platform, &views](RequestContext& ctx) { return sitting_tickets_page(platform, views, ctx); });
  routes.get("/station/registrations/:id(\\d+)/ticket.pdf", kStation, [&platform, &views](RequestContext& ctx) {
    auto id = id_param(ctx);
    if (!id) return html_error(views, ctx, make_error(ErrorCode::kNotFound, "id", "报名不存在"));
    return pdf_reply(views, ctx, app::load_admission_ticket(platform, actor_of(ctx), *id));
  });
}

}  // namespace rc::web
