// Certificate pages and API over real HTTP (issue 4): the holder's list and downloads (OFD as a
// zip, PDF), refusal of anyone else's download, the station's overview and revocation (reason
// required, CSRF), public verification (masked, by number + name or name + ID number), the image
// captcha and the per-IP rate limit of the public query, and the status endpoint the CLI calls.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <thread>

#include "app/certificates/certificate_filing.h"
#include "app/certificates/certificate_services.h"
#include "app/certificates/issue_certificates.h"
#include "app/certificates/revoke_certificate.h"
#include "app/demo/demo_certificates.h"
#include "domain/identity/id_number.h"
#include "store/batch_repository.h"
#include "store/certificate_issue_repository.h"
#include "support/http_client.h"
#include "support/role_sessions.h"
#include "support/temp_dir.h"

namespace rc {
namespace {

using testing::http_request;
const char* kForm = "application/x-www-form-urlencoded";

std::string id_number(int seq) {
  const std::string body = "51130219880512" + std::to_string(100 + seq);
  return body + identity::mod11_2_check_character(body);
}

class CertificatePagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    captcha_log_ = dir_.str() + "/captcha.log";
    ::setenv("RESCUECERT_TESTING_CAPTCHA_LOG", captcha_log_.c_str(), 1);
    ::setenv("RESCUECERT_CERTIFICATE_VERIFY_PER_MINUTE", "6", 1);
    p_ = std::make_unique<testing::RunningPlatform>();
    ::unsetenv("RESCUECERT_TESTING_CAPTCHA_LOG");
    ::unsetenv("RESCUECERT_CERTIFICATE_VERIFY_PER_MINUTE");
    sessions_ = testing::sign_in_every_role(*p_);
    seed();
  }

  void seed() {
    auto& platform = p_->platform();
    const auto now = app::to_timestamp(platform.clock().now());
    auto seeded = platform.database().transaction([&](store::Transaction& tx) -> Result<void> {
      store::Batch b{0, sessions_.organisation_id, sessions_.station_id, 5, "已考", store::BatchStatus::kClosed, now, now};
      auto batch = store::BatchRepository(tx).insert(b);
      auto sitting = app::seed_sitting(tx, sessions_.station_id, *CivilDate::parse("2026-10-01"), now, /*published=*/true);
      if (!batch || !sitting) return fail(ErrorCode::kStorageFailure);
      for (int i = 0; i < 3; ++i) {
        app::PassedCandidate who;
        who.name = i == 0 ? "李小明" : "王大力" + std::to_string(i);
        who.id_number = id_number(i);
        who.phone = "1398800000" + std::to_string(i);
        who.registered_on = *CivilDate::parse("2026-09-10");
        who.password_hash = "unused";
        auto s = app::seed_passed_candidate(tx, platform.cipher(), *batch, *sitting, who, now);
        if (!s) return fail(s.error());
        holders_.push_back(*s);
      }
      return ok();
    });
    ASSERT_TRUE(seeded) << seeded.error().message;
    auto writer = app::ofd_certificate_writer(platform.keys());
    ASSERT_TRUE(writer) << writer.error().message;
    app::CertificateServices s{platform.database(), platform.clock(), platform.policies(), platform.cipher(), **writer,
                               app::certificate_settings(platform.config())};
    const app::Actor station{sessions_.by_role[store::Role::kStation].user_id, "station", store::Role::kStation,
                             sessions_.station_id};
    auto filing = app::export_filing(s, station);
    ASSERT_TRUE(filing) << filing.error().message;
    ASSERT_TRUE(app::record_filing(s, station, *filing, *CivilDate::parse("2026-11-28")));
    auto report = app::issue_certificates(s, station, *app::issuable_registrations(s, station));
    ASSERT_TRUE(report) << report.error().message;
    ASSERT_EQ(report->numbers.size(), 3u);
    numbers_ = report->numbers;
    for (const auto& n : numbers_) {
      auto l = platform.database().read([&](store::Transaction& tx) {
        return store::CertificateIssueRepository(tx).listing_by_number(n);
      });
      ids_.push_back((*l)->certificate.id);
    }
    auto holder = platform.sessions().create(holders_[0].user_id, "candidate", identity::Stage::kFull, "127.0.0.1");
    ASSERT_TRUE(holder);
    holder_cookie_ = "rc_session=" + holder->first;
    holder_csrf_ = holder->second.csrf_token;
  }

  std::map<std::string, std::string> as(store::Role role) {
    const auto& s = sessions_.by_role.at(role);
    return {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}};
  }
  std::map<std::string, std::string> as_holder() { return {{"Cookie", holder_cookie_}, {"X-CSRF-Token", holder_csrf_}}; }

  // The captcha on a /verify page and its answer from the test log.
  std::pair<std::string, std::string> captcha_of(const std::string& page) {
    std::smatch m;
    EXPECT_TRUE(std::regex_search(page, m, std::regex("data-captcha-id=\"([^\"]+)\"")));
    const std::string id = m[1];
    std::ifstream log(captcha_log_);
    std::string line, answer;
    while (std::getline(log, line))
      if (line.rfind(id + " ", 0) == 0) answer = line.substr(id.size() + 1);
    return {id, answer};
  }

  testing::TempDir dir_;
  std::string captcha_log_;
  std::unique_ptr<testing::RunningPlatform> p_;
  testing::RoleSessions sessions_;
  std::vector<app::PassedSeed> holders_;
  std::vector<std::string> numbers_;
  std::vector<store::Id> ids_;
  std::string holder_cookie_, holder_csrf_;
};

TEST_F(CertificatePagesTest, HolderSeesTheInformationAndDownloadsOfdAndPdf) {
  auto page = http_request(p_->port(), "GET", "/me/certificates", "", "", as_holder());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find(numbers_[0]), std::string::npos);
  EXPECT_NE(page.body.find("5113**********"), std::string::npos);
  EXPECT_EQ(page.body.find(id_number(0)), std::string::npos) << "full ID number on the page";
  EXPECT_EQ(page.body.find(numbers_[1]), std::string::npos) << "another holder's certificate";
  const std::string base = "/me/certificates/" + std::to_string(ids_[0]);
  auto ofd = http_request(p_->port(), "GET", base + "/download.ofd", "", "", as_holder());
  ASSERT_EQ(ofd.status, 200) << ofd.body;
  EXPECT_EQ(ofd.headers["content-type"], "application/ofd");
  EXPECT_NE(ofd.headers["content-disposition"].find(numbers_[0] + ".ofd"), std::string::npos);
  EXPECT_TRUE(ofd.body.starts_with("PK"));
  EXPECT_NE(ofd.body.find("OFD.xml"), std::string::npos);
  auto pdf = http_request(p_->port(), "GET", base + "/download.pdf", "", "", as_holder());
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.headers["content-type"], "application/pdf");
  EXPECT_TRUE(pdf.body.starts_with("%PDF"));
}

TEST_F(CertificatePagesTest, NobodyElseDownloadsTheHoldersFile) {
  const std::string ofd = "/me/certificates/" + std::to_string(ids_[0]) + "/download.ofd";
  EXPECT_EQ(http_request(p_->port(), "GET", ofd, "", "", as(store::Role::kCandidate)).status, 403);
  EXPECT_EQ(http_request(p_->port(), "GET", ofd, "", "", as(store::Role::kStation)).status, 403);  // candidate route
  const std::string station_ofd = "/station/certificates/" + std::to_string(ids_[0]) + "/download.ofd";
  EXPECT_EQ(http_request(p_->port(), "GET", station_ofd, "", "", as(store::Role::kStation)).status, 200);
  EXPECT_EQ(http_request(p_->port(), "GET", station_ofd, "", "", as(store::Role::kOrganisation)).status, 403);
  EXPECT_EQ(http_request(p_->port(), "GET", ofd).status, 302);
}

TEST_F(CertificatePagesTest, StationRevokesWithAReasonAndVerificationShowsIt) {
  auto overview = http_request(p_->port(), "GET", "/station/certificates", "", "", as(store::Role::kStation));
  ASSERT_EQ(overview.status, 200);
  EXPECT_NE(overview.body.find(numbers_[2]), std::string::npos);
  const std::string revoke = "/station/certificates/" + std::to_string(ids_[2]) + "/revoke";
  auto no_csrf = http_request(p_->port(), "POST", revoke, "reason=x", kForm, {{"Cookie", sessions_.by_role[store::Role::kStation].cookie}});
  EXPECT_EQ(no_csrf.status, 403);
  auto no_reason = http_request(p_->port(), "POST", revoke, "reason=", kForm, as(store::Role::kStation));
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_NE(no_reason.body.find("registration.reason_required"), std::string::npos) << no_reason.body.substr(0, 300);
  auto status = http_request(p_->port(), "GET", "/api/v1/certificates/" + numbers_[2] + "/status");
  EXPECT_NE(status.body.find("\"valid\""), std::string::npos) << status.body;
  auto done = http_request(p_->port(), "POST", revoke, "reason=%E4%BF%A1%E6%81%AF%E6%9C%89%E8%AF%AF", kForm, as(store::Role::kStation));
  EXPECT_EQ(done.status, 303);
  status = http_request(p_->port(), "GET", "/api/v1/certificates/" + numbers_[2] + "/status");
  ASSERT_EQ(status.status, 200);
  auto j = nlohmann::json::parse(status.body);
  EXPECT_EQ(j["status"], "revoked");
  EXPECT_EQ(j["number"], numbers_[2]);
  EXPECT_EQ(j["checked_on"], "2026-11-28");
  auto qr = http_request(p_->port(), "GET", "/verify?no=" + numbers_[2]);
  ASSERT_EQ(qr.status, 200);
  EXPECT_NE(qr.body.find("已撤销"), std::string::npos);
  EXPECT_NE(qr.body.find("2026-11-28"), std::string::npos);
}

TEST_F(CertificatePagesTest, StatusEndpointIsTriStateJson) {
  auto ok = http_request(p_->port(), "GET", "/api/v1/certificates/" + numbers_[0] + "/status");
  ASSERT_EQ(ok.status, 200);
  EXPECT_EQ(nlohmann::json::parse(ok.body)["status"], "valid");
  auto unknown = http_request(p_->port(), "GET", "/api/v1/certificates/YJJY000/status");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(nlohmann::json::parse(unknown.body).contains("error"));
}

TEST_F(CertificatePagesTest, VerificationApiMasksAndNeverConfirmsAWrongName) {
  auto found = http_request(p_->port(), "GET", "/api/v1/certificates/verify?number=" + numbers_[0] + "&name=%E6%9D%8E%E5%B0%8F%E6%98%8E");
  ASSERT_EQ(found.status, 200) << found.body;
  auto c = nlohmann::json::parse(found.body)["certificates"][0];
  EXPECT_EQ(c["masked_name"], "李*明");
  EXPECT_EQ(c["masked_id_number"], id_number(0).substr(0, 4) + "**********" + id_number(0).substr(14));
  EXPECT_EQ(c["status"], "valid");
  EXPECT_EQ(c["level"], "五级/初级工");
  EXPECT_EQ(found.body.find("李小明"), std::string::npos);
  EXPECT_EQ(found.body.find("photo"), std::string::npos);
  const nlohmann::json by_id_query{{"id_number", id_number(0)}, {"name", "李小明"}};
  auto by_id = http_request(p_->port(), "POST", "/api/v1/certificates/verify", by_id_query.dump());
  ASSERT_EQ(by_id.status, 200) << by_id.body;
  EXPECT_EQ(nlohmann::json::parse(by_id.body)["certificates"][0]["number"], numbers_[0]);
  EXPECT_EQ(by_id.body.find(id_number(0)), std::string::npos);
  const nlohmann::json by_number{{"number", numbers_[0]}, {"name", "李小明"}};
  EXPECT_EQ(http_request(p_->port(), "POST", "/api/v1/certificates/verify", by_number.dump()).status, 200);
  auto wrong = http_request(p_->port(), "GET", "/api/v1/certificates/verify?number=" + numbers_[0] + "&name=%E7%8E%8B");
  EXPECT_EQ(wrong.status, 404);
  auto incomplete = http_request(p_->port(), "GET", "/api/v1/certificates/verify?name=%E7%8E%8B");
  EXPECT_EQ(incomplete.status, 422);
}

// An ID number never travels in a URL (DOMAIN.md §4: URLs are logged): the GET form refuses it
// with a stable code before looking anything up; bad POST bodies get their own codes.
TEST_F(CertificatePagesTest, VerificationApiRefusesAnIdNumberInTheUrlAndBadBodies) {
  auto in_url = http_request(p_->port(), "GET", "/api/v1/certificates/verify?id_number=" + id_number(0) + "&name=%E6%9D%8E%E5%B0%8F%E6%98%8E");
  EXPECT_EQ(in_url.status, 422) << in_url.body;
  auto e = nlohmann::json::parse(in_url.body)["error"];
  EXPECT_EQ(e["code"], "input.invalid_value");
  EXPECT_EQ(e["field"], "id_number");
  EXPECT_NE(e["message"].get<std::string>().find("POST"), std::string::npos);
  EXPECT_EQ(in_url.body.find("certificates"), std::string::npos);
  auto malformed = http_request(p_->port(), "POST", "/api/v1/certificates/verify", "{\"name\":");
  EXPECT_EQ(malformed.status, 422);
  EXPECT_EQ(nlohmann::json::parse(malformed.body)["error"]["code"], "input.malformed_json");
  EXPECT_EQ(http_request(p_->port(), "POST", "/api/v1/certificates/verify", "[1]").status, 422);
  auto wrong_type = http_request(p_->port(), "POST", "/api/v1/certificates/verify", R"({"number":5,"name":"x"})");
  EXPECT_EQ(wrong_type.status, 422) << wrong_type.body;
  EXPECT_EQ(nlohmann::json::parse(wrong_type.body)["error"]["field"], "number");
  EXPECT_EQ(http_request(p_->port(), "POST", "/api/v1/certificates/verify", "number=1&name=x",
                         "application/x-www-form-urlencoded")
                .status,
            415);
}

TEST_F(CertificatePagesTest, PublicQueriesAreRateLimitedPerIp) {
  int limited = 0;
  for (int i = 0; i < 8; ++i) {
    auto r = http_request(p_->port(), "GET", "/api/v1/certificates/verify?number=" + numbers_[0] + "&name=x");
    if (r.status == 429) ++limited;
    else EXPECT_EQ(r.status, 404);
  }
  EXPECT_EQ(limited, 2);  // 6 per minute in this test
}

TEST_F(CertificatePagesTest, VerifyPageNeedsTheCaptchaAndShowsMaskedResults) {
  auto form = http_request(p_->port(), "GET", "/verify");
  ASSERT_EQ(form.status, 200);
  auto anon = form.headers["set-cookie"].substr(0, form.headers["set-cookie"].find(';'));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(form.body, m, std::regex("name=\"_csrf\" value=\"([^\"]+)\"")));
  const std::string csrf = m[1];
  auto [id, answer] = captcha_of(form.body);
  ASSERT_FALSE(answer.empty());
  const std::string fields = "mode=number&name=%E6%9D%8E%E5%B0%8F%E6%98%8E&number=" + numbers_[0] + "&_csrf=" + csrf;
  auto wrong = http_request(p_->port(), "POST", "/verify", fields + "&captcha_id=" + id + "&captcha=ZZZZ", kForm, {{"Cookie", anon}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("captcha"), std::string::npos);
  auto [id2, answer2] = captcha_of(wrong.body);
  auto right = http_request(p_->port(), "POST", "/verify", fields + "&captcha_id=" + id2 + "&captcha=" + answer2, kForm, {{"Cookie", anon}});
  ASSERT_EQ(right.status, 200) << right.body.substr(0, 500);
  EXPECT_NE(right.body.find("李*明"), std::string::npos);
  EXPECT_NE(right.body.find("有效"), std::string::npos);
  EXPECT_EQ(right.body.find(id_number(0)), std::string::npos);
  auto no_csrf = http_request(p_->port(), "POST", "/verify", "mode=number&name=x&number=y", kForm);
  EXPECT_EQ(no_csrf.status, 403);
}

TEST_F(CertificatePagesTest, StationFilesDownloadsTheListRecordsTheFilingAndIssuesInTheBackground) {
  auto& platform = p_->platform();
  const auto now = app::to_timestamp(platform.clock().now());
  auto more = platform.database().transaction([&](store::Transaction& tx) -> Result<void> {
    store::Batch b{0, sessions_.organisation_id, sessions_.station_id, 5, "第二批", store::BatchStatus::kClosed, now, now};
    auto batch = store::BatchRepository(tx).insert(b);
    auto sitting = app::seed_sitting(tx, sessions_.station_id, *CivilDate::parse("2026-10-08"), now, /*published=*/true);
    if (!batch || !sitting) return fail(ErrorCode::kStorageFailure);
    for (int i = 10; i < 12; ++i) {
      app::PassedCandidate who;
      who.name = "赵新" + std::to_string(i);
      who.id_number = id_number(i);
      who.phone = "139880001" + std::to_string(i);
      who.registered_on = *CivilDate::parse("2026-09-20");
      if (auto s = app::seed_passed_candidate(tx, platform.cipher(), *batch, *sitting, who, now); !s) return fail(s.error());
    }
    return ok();
  });
  ASSERT_TRUE(more) << more.error().message;
  const auto station = as(store::Role::kStation);
  auto issue_unfiled = http_request(p_->port(), "POST", "/station/certificates/issue", "", kForm, station);
  EXPECT_EQ(issue_unfiled.status, 422) << "nothing filed and not issued yet";
  auto exported = http_request(p_->port(), "POST", "/station/certificates/filings", "", kForm, station);
  ASSERT_EQ(exported.status, 303) << exported.body.substr(0, 300);
  auto page = http_request(p_->port(), "GET", "/station/certificates", "", "", station);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("filings/(\\d+)/filed")));
  const std::string filing = m[1];
  auto xlsx = http_request(p_->port(), "GET", "/station/certificates/filings/" + filing + "/export.xlsx", "", "", station);
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.body.starts_with("PK"));
  EXPECT_NE(xlsx.headers["content-disposition"].find(".xlsx"), std::string::npos);
  auto bad_date = http_request(p_->port(), "POST", "/station/certificates/filings/" + filing + "/filed", "filed_on=2026-13-01", kForm, station);
  EXPECT_EQ(bad_date.status, 422);
  auto filed = http_request(p_->port(), "POST", "/station/certificates/filings/" + filing + "/filed", "filed_on=2026-11-28", kForm, station);
  ASSERT_EQ(filed.status, 303);
  // The station ticks one of the two waiting candidates, then issues the rest.
  auto waiting = http_request(p_->port(), "GET", "/station/certificates", "", "", station);
  ASSERT_TRUE(std::regex_search(waiting.body, m, std::regex("name=\"r(\\d+)\"")));
  const std::string picked = "r" + std::string(m[1]) + "=on";
  for (const std::string& body : {picked, std::string()}) {
    auto started = http_request(p_->port(), "POST", "/station/certificates/issue", body, kForm, station);
    ASSERT_EQ(started.status, 303) << started.body.substr(0, 300);
    const std::string job_page = started.headers["location"];
    ASSERT_TRUE(job_page.rfind("/station/certificates/jobs/", 0) == 0) << job_page;
    EXPECT_EQ(http_request(p_->port(), "GET", job_page, "", "", station).status, 200);
    const std::string api = "/api/v1/station/certificate-jobs/" + job_page.substr(job_page.rfind('/') + 1);
    nlohmann::json progress;
    for (int i = 0; i < 200; ++i) {
      auto r = http_request(p_->port(), "GET", api, "", "", station);
      ASSERT_EQ(r.status, 200) << r.body;
      progress = nlohmann::json::parse(r.body);
      if (progress["finished"]) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(progress["finished"]);
    EXPECT_EQ(progress["issued"], 1);
    EXPECT_EQ(progress["percent"], 100);
    EXPECT_EQ(http_request(p_->port(), "GET", api, "", "", as(store::Role::kCandidate)).status, 403);
  }
  auto again = http_request(p_->port(), "POST", "/station/certificates/issue", "", kForm, station);
  EXPECT_EQ(again.status, 422) << "re-running issues nothing twice";
}

TEST_F(CertificatePagesTest, ReissuePagesSayPaperIsNeverReissued) {
  auto page = http_request(p_->port(), "GET", "/me/reissue", "", "", as_holder());
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("不再补发纸质证书"), std::string::npos);
  auto bad = http_request(p_->port(), "POST", "/me/reissue", "old_number=&old_issued_on=&reason=lost", kForm, as_holder());
  EXPECT_EQ(bad.status, 422);
  auto applied = http_request(p_->port(), "POST", "/me/reissue",
                              "old_number=" + numbers_[0] + "&old_issued_on=2026-11-28&reason=damaged", kForm, as_holder());
  EXPECT_EQ(applied.status, 303);
  auto station = http_request(p_->port(), "GET", "/station/reissues", "", "", as(store::Role::kStation));
  ASSERT_EQ(station.status, 200);
  EXPECT_NE(station.body.find(numbers_[0]), std::string::npos);
  EXPECT_NE(station.body.find("不补发纸质证书"), std::string::npos);
}

}  // namespace
}  // namespace rc
