// Refusals of the organisation's use cases on both backends, and that a refusal writes nothing.
#include "app/registration/approve_application.h"
#include "registration_fixture.h"
#include "store/batch_repository.h"

namespace rc::app::testing {
namespace {

class RegistrationRefusalTest : public RegistrationTest {
 protected:
  long long written() {
    return count("candidates") + count("registrations") + count("candidate_details") +
           count("users WHERE role = 'candidate'");
  }
};

TEST_P(RegistrationRefusalTest, ClosedLevelAndOtherRolesCannotCreateABatch) {
  auto closed = create_batch(db(), clock_, *policies_, org_a_actor_, NewBatch{station_, 4, ""});
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, ErrorCode::kLevelClosed);
  auto by_station = create_batch(db(), clock_, *policies_, station_actor_, NewBatch{station_, 5, ""});
  ASSERT_FALSE(by_station);
  EXPECT_EQ(by_station.error().code, ErrorCode::kForbidden);
  auto no_station = create_batch(db(), clock_, *policies_, org_a_actor_, NewBatch{9999, 5, ""});
  ASSERT_FALSE(no_station);
  EXPECT_EQ(no_station.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(count("batches"), 0);
}

TEST_P(RegistrationRefusalTest, UnderAgeRowRefusesTheWholeImport) {
  const store::Id batch = make_batch(org_a_actor_);
  auto r = import_batch_applicants(db(), clock_, *policies_, cipher_, settings_, org_a_actor_, batch,
                                   csv_of({person(1), person(2, "20070316")}), "名单.csv");
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().errors.size(), 1u);
  EXPECT_EQ(r.error().errors[0].code, ErrorCode::kUnderAge);
  EXPECT_EQ(r.error().errors[0].row, 3);
  EXPECT_EQ(written(), 0);
}

TEST_P(RegistrationRefusalTest, AgeIsCheckedAgainOnTheSubmissionDay) {
  set_date("2025-03-20");
  const store::Id batch = make_batch(org_a_actor_);
  import(org_a_actor_, batch, {person(1), person(2, "20070318")});  // 18 since 2025-03-18
  set_date("2025-03-17");                                           // submitted the day before
  auto r = submit_batch(db(), clock_, *policies_, *outbox_, org_a_actor_, batch);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnderAge);
  EXPECT_NE(r.error().message.find(person(2).name), std::string::npos) << r.error().message;
  EXPECT_EQ(count("registrations WHERE status = 'draft'"), 2);
  EXPECT_EQ(count("batches WHERE status = 'draft'"), 1);
  EXPECT_EQ(count("users WHERE role = 'candidate'"), 0);
  EXPECT_EQ(count("sms_outbox"), 0);
}

TEST_P(RegistrationRefusalTest, DuplicatesWithinTheFileAndAcrossBatches) {
  const store::Id batch = make_batch(org_a_actor_);
  auto twice = import_batch_applicants(db(), clock_, *policies_, cipher_, settings_, org_a_actor_, batch,
                                       csv_of({person(1), person(1)}), "名单.csv");
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().errors.at(0).code, ErrorCode::kApplicantDuplicateInFile);
  EXPECT_EQ(written(), 0);

  import(org_a_actor_, batch, {person(1)});
  const store::Id other = make_batch(org_b_actor_);
  auto across = import_batch_applicants(db(), clock_, *policies_, cipher_, settings_, org_b_actor_, other,
                                        csv_of({person(2), person(1)}), "名单.csv");
  ASSERT_FALSE(across);
  EXPECT_EQ(across.error().errors.at(0).code, ErrorCode::kApplicantAlreadyRegistered);
  const Person p = person(1);
  auto by_form = add_applicant(db(), clock_, *policies_, cipher_, settings_, org_b_actor_, other,
                               ApplicantForm{p.name, "", p.id, p.sex, "", p.mobile, "是", "", "", ""});
  ASSERT_FALSE(by_form);
  EXPECT_EQ(by_form.error().errors.at(0).code, ErrorCode::kApplicantAlreadyRegistered);
  EXPECT_EQ(by_form.error().errors.at(0).row, 0);
  EXPECT_EQ(count("registrations"), 1);
  EXPECT_EQ(count("candidates"), 1);
}

TEST_P(RegistrationRefusalTest, FormErrorsNameTheFieldAndWriteNothing) {
  const store::Id batch = make_batch(org_a_actor_);
  auto bad = add_applicant(db(), clock_, *policies_, cipher_, settings_, org_a_actor_, batch,
                           ApplicantForm{"张三", "", "511302199003071230", "男", "", "1234", "否", "", "", ""});
  ASSERT_FALSE(bad);
  ASSERT_GE(bad.error().errors.size(), 3u);
  for (const auto& e : bad.error().errors) {
    EXPECT_FALSE(e.column.empty());
    EXPECT_FALSE(e.message.starts_with("第")) << e.message;
  }
  EXPECT_EQ(written(), 0);
}

TEST_P(RegistrationRefusalTest, AnotherOrganisationsBatchIsForbidden) {
  const store::Id batch = make_batch(org_a_actor_);
  const Person p = person(1);
  auto add = add_applicant(db(), clock_, *policies_, cipher_, settings_, org_b_actor_, batch,
                           ApplicantForm{p.name, "", p.id, p.sex, "", p.mobile, "是", "", "", ""});
  ASSERT_FALSE(add);
  EXPECT_EQ(add.error().errors.at(0).code, ErrorCode::kForbidden);
  auto imp = import_batch_applicants(db(), clock_, *policies_, cipher_, settings_, org_b_actor_, batch, csv_of({p}), "a.csv");
  ASSERT_FALSE(imp);
  EXPECT_EQ(imp.error().errors.at(0).code, ErrorCode::kForbidden);
  import(org_a_actor_, batch, {p});
  auto sub = submit_batch(db(), clock_, *policies_, *outbox_, org_b_actor_, batch);
  ASSERT_FALSE(sub);
  EXPECT_EQ(sub.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(count("registrations WHERE status = 'draft'"), 1);
}

TEST_P(RegistrationRefusalTest, SubmissionNeedsApplicantsAndHappensOnce) {
  const store::Id batch = make_batch(org_a_actor_);
  auto empty = submit_batch(db(), clock_, *policies_, *outbox_, org_a_actor_, batch);
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kBatchEmpty);
  import(org_a_actor_, batch, {person(1)});
  submit(org_a_actor_, batch);
  auto again = submit_batch(db(), clock_, *policies_, *outbox_, org_a_actor_, batch);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kWrongState);
  auto late = import_batch_applicants(db(), clock_, *policies_, cipher_, settings_, org_a_actor_, batch,
                                      csv_of({person(2)}), "a.csv");
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().errors.at(0).code, ErrorCode::kWrongState);
  auto txt = import_batch_applicants(db(), clock_, *policies_, cipher_, settings_, org_a_actor_, batch, "x", "a.txt");
  ASSERT_FALSE(txt);
  EXPECT_EQ(txt.error().errors.at(0).code, ErrorCode::kUnsupportedMediaType);
}

TEST_P(RegistrationRefusalTest, ReRegistrationNeedsTheFeeBeforeApproval) {
  const store::Id first = make_batch(org_a_actor_);
  auto regs = import(org_a_actor_, first, {person(1)});
  submit(org_a_actor_, first);
  Actor candidate = activate_and_login(person(1));
  confirm_everything(candidate, regs.at(0));
  ASSERT_TRUE(approve_application(db(), clock_, *policies_, station_actor_, {regs[0], std::nullopt}));
  ASSERT_TRUE(in_tx([&](store::Transaction& tx) {
    return store::BatchRepository(tx).change_status(first, store::BatchStatus::kSubmitted, store::BatchStatus::kClosed);
  }));

  const store::Id second = make_batch(org_a_actor_);
  auto again = import(org_a_actor_, second, {person(1)});
  ASSERT_EQ(again.size(), 1u);
  submit(org_a_actor_, second);
  EXPECT_EQ(count("users WHERE role = 'candidate'"), 1);  // the same account
  confirm_everything(candidate, again[0]);
  auto unpaid = approve_application(db(), clock_, *policies_, station_actor_, {again[0], std::nullopt});
  ASSERT_FALSE(unpaid);
  EXPECT_EQ(unpaid.error().code, ErrorCode::kFeeNotPaid);
  EXPECT_EQ(registration(again[0]).fee_paid_fen, 0);
  ASSERT_TRUE(approve_application(db(), clock_, *policies_, station_actor_, {again[0], 30000}));
  EXPECT_EQ(registration(again[0]).fee_paid_fen, 30000);
}

RC_INSTANTIATE_REGISTRATION_TEST(RegistrationRefusalTest);

}  // namespace
}  // namespace rc::app::testing
