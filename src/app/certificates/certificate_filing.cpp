#include "app/certificates/certificate_filing.h"

#include "app/certificates/certificate_snapshot.h"
#include "app/results/candidate_history.h"
#include "sheet/xlsx_writer.h"
#include "store/filing_repository.h"
#include "store/station_repository.h"

namespace rc::app {
namespace {

std::string as_string(const store::Bytes& b) { return std::string(b.begin(), b.end()); }

Result<store::Filing> own_filing(store::Transaction& tx, const Actor& actor, store::Id filing_id) {
  auto filing = store::FilingRepository(tx).find(filing_id);
  if (!filing) return fail(filing.error());
  if (auto ok = require_station(actor, filing->station_id); !ok) return fail(ok.error());
  return *filing;
}

sheet::WorkbookSpec filing_spec() {
  sheet::WorkbookSpec spec;
  spec.sheet_name = "证书备案";
  for (const char* t : {"序号", "姓名", "性别", "证件类型", "证件号码", "职业（工种）", "职业编码", "等级",
                        "理论知识成绩", "技能考核成绩", "合格日期", "评价机构"})
    spec.columns.push_back({t, 14, true, {}});
  spec.columns[4].width = 22;
  spec.columns[11].width = 30;
  spec.instructions_sheet_name = "说明";
  spec.instructions = {"本表为职业技能鉴定证书信息备案名单（R9），含完整证件号码，属个人信息，请按规定传输与保管。",
                       "证书编号在备案登记后发证时生成。"};
  return spec;
}

}  // namespace

Result<store::Id> export_filing(const CertificateServices& s, const Actor& actor) {
  if (actor.role != store::Role::kStation) return fail(ErrorCode::kForbidden, "", "只有鉴定站可以报送备案");
  const auto now = to_timestamp(s.clock.now());
  const CivilDate today = china_date(now);
  return s.db.transaction([&](store::Transaction& tx) -> Result<store::Id> {
    store::FilingRepository filings(tx);
    auto waiting = filings.unfiled_approved_registrations(actor.entity_id);
    if (!waiting) return fail(waiting.error());
    std::vector<store::FilingEntry> entries;
    for (store::Id id : *waiting) {
      auto standing = certificate_standing(tx, s.policies, id, today);
      if (!standing && standing.error().code == ErrorCode::kStorageFailure) return fail(standing.error());
      if (standing && standing->certifiable()) entries.push_back({0, id, *standing->exam_on});
    }
    if (entries.empty())
      return fail(ErrorCode::kWrongState, "", "目前没有两科均合格且尚未备案的考生，无需报送备案");
    store::Filing f;
    f.station_id = actor.entity_id;
    f.exported_at = now;
    if (actor.user_id) f.exported_by = actor.user_id;
    auto id = filings.insert(f, entries);
    if (!id) return fail(id.error());
    nlohmann::json detail{{"entries", entries.size()}};
    if (auto a = audit(tx, actor, now, {"certificate.filing_create", "certificate_filing", *id, detail}); !a)
      return fail(a.error());
    return *id;
  });
}

Result<FilingFile> filing_workbook(const CertificateServices& s, const Actor& actor, store::Id filing_id) {
  const auto now = to_timestamp(s.clock.now());
  const CivilDate today = china_date(now);
  return s.db.transaction([&](store::Transaction& tx) -> Result<FilingFile> {
    auto filing = own_filing(tx, actor, filing_id);
    if (!filing) return fail(filing.error());
    auto station = store::StationRepository(tx).find(filing->station_id);
    auto entries = store::FilingRepository(tx).entries(filing_id);
    if (!station || !entries) return fail(!station ? station.error() : entries.error());
    auto spec = filing_spec();
    for (const auto& e : *entries) {
      auto st = certificate_standing(tx, s.policies, e.registration_id, today);
      if (!st) return fail(st.error());
      auto id_number = s.cipher.decrypt_id_number(as_string(st->candidate.id_number_cipher));
      if (!id_number) return fail(id_number.error());
      const auto& c = st->candidate;
      spec.rows.push_back({std::to_string(spec.rows.size() + 1), c.name, c.sex == store::Sex::kMale ? "男" : "女",
                           std::string(document_type_label(c.document_type)), *id_number, "应急救援员", "3-02-03-08",
                           level_label(st->registration.level),
                           st->theory_score_milli ? score_text(*st->theory_score_milli) : "",
                           st->practical_score_milli ? score_text(*st->practical_score_milli) : "",
                           e.exam_on.to_string(), station->name});
    }
    auto xlsx = sheet::write_xlsx(spec);
    if (!xlsx) return fail(xlsx.error());
    nlohmann::json detail{{"entries", entries->size()}, {"full_id_numbers", true}};
    if (auto a = audit(tx, actor, now, {"certificate.filing_export", "certificate_filing", filing_id, detail, true}); !a)
      return fail(a.error());
    return FilingFile{"证书备案_" + station->code + "_" + std::to_string(filing_id) + ".xlsx", std::move(*xlsx)};
  });
}

Result<void> record_filing(const CertificateServices& s, const Actor& actor, store::Id filing_id, CivilDate filed_on) {
  const auto now = to_timestamp(s.clock.now());
  const CivilDate today = china_date(now);
  return s.db.transaction([&](store::Transaction& tx) -> Result<void> {
    auto filing = own_filing(tx, actor, filing_id);
    if (!filing) return fail(filing.error());
    if (filed_on < china_date(filing->exported_at) || filed_on > today)
      return fail(ErrorCode::kInvalidDate, "filed_on",
                  "备案日期应在导出日期 " + china_date(filing->exported_at).to_string() + " 与今天之间", "R9");
    std::optional<store::Id> by;
    if (actor.user_id) by = actor.user_id;
    if (auto r = store::FilingRepository(tx).record_filed(filing_id, filed_on, now, by); !r) return r;
    nlohmann::json detail{{"filed_on", filed_on.to_string()}};
    return audit(tx, actor, now, {"certificate.filing_record", "certificate_filing", filing_id, detail});
  });
}

}  // namespace rc::app
