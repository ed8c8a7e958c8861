// The whole registration flow on both backends: batch, import and form, submission with accounts
// and SMS, activation and login, confirmation steps, station review; audit events for changes and
// personal-data views; return and resubmission; biometric retention.
#include "app/registration/approve_application.h"
#include "app/registration/candidate_application.h"
#include "app/registration/organisation_batches.h"
#include "app/registration/purge_expired_biometrics.h"
#include "app/registration/return_application.h"
#include "app/registration/review_detail.h"
#include "app/registration/review_queue.h"
#include "registration_fixture.h"

namespace rc::app::testing {
namespace {

class RegistrationFlowTest : public RegistrationTest {};

TEST_P(RegistrationFlowTest, FromBatchToApprovalWithEveryStepAudited) {
  const store::Id batch = make_batch(org_a_actor_);
  const auto people = std::vector<Person>{person(1), person(2)};
  auto regs = import(org_a_actor_, batch, people);
  ASSERT_EQ(regs.size(), 2u);
  const Person third = person(3);
  auto added = add_applicant(db(), clock_, *policies_, cipher_, settings_, org_a_actor_, batch,
                             ApplicantForm{third.name, "", third.id, third.sex, "", third.mobile, "是", "", "南充", ""});
  ASSERT_TRUE(added) << added.error().summary().message;
  EXPECT_EQ(added->id_number_masked, identity::mask_id_number(third.id));
  EXPECT_EQ(registration(regs[0]).status, store::RegistrationStatus::kDraft);
  EXPECT_EQ(registration(regs[0]).policy_id, "policy-2025");

  auto submitted = submit(org_a_actor_, batch);
  EXPECT_EQ(submitted.registrations, 3);
  EXPECT_EQ(submitted.accounts_created, 3);
  EXPECT_EQ(submitted.sms_sent, 3);
  EXPECT_EQ(count("users WHERE role = 'candidate' AND password_hash IS NULL"), 3);
  EXPECT_EQ(count("sms_outbox WHERE purpose = 'registration_notice'"), 3);
  EXPECT_EQ(registration(regs[0]).status, store::RegistrationStatus::kSubmitted);

  Actor candidate = activate_and_login(people[0]);
  ASSERT_EQ(candidate.role, store::Role::kCandidate);
  EXPECT_EQ(candidate.username, candidate_username(registration(regs[0]).candidate_id));

  auto view = candidate_application(db(), clock_, candidate, 3);
  ASSERT_TRUE(view) << view.error().message;
  EXPECT_EQ(view->registration_id, regs[0]);
  EXPECT_EQ(view->id_number_masked, identity::mask_id_number(people[0].id));
  EXPECT_EQ(view->details.address, "四川省南充市顺庆区1号");
  std::vector<std::string> missing;
  for (const auto& m : view->missing) missing.push_back(m.field);
  EXPECT_EQ(missing, (std::vector<std::string>{"photo", "id_confirmed", "face_check", "emergency_contact_name",
                                               "emergency_contact_phone"}));

  confirm_everything(candidate, regs[0]);
  EXPECT_EQ(registration(regs[0]).status, store::RegistrationStatus::kConfirmed);

  auto queue = review_queue(db(), clock_, station_actor_, station_);
  ASSERT_TRUE(queue) << queue.error().message;
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ(queue->front().id_number_masked, identity::mask_id_number(people[0].id));
  EXPECT_TRUE(queue->front().face_verified);
  auto detail = review_detail(db(), clock_, cipher_, station_actor_, regs[0]);
  ASSERT_TRUE(detail) << detail.error().message;
  EXPECT_EQ(detail->id_number, people[0].id);
  ASSERT_TRUE(detail->photo.has_value());
  EXPECT_EQ(*detail->photo, plain_png());
  EXPECT_FALSE(detail->re_registration);
  auto approved = approve_application(db(), clock_, *policies_, station_actor_, {regs[0], std::nullopt});
  ASSERT_TRUE(approved) << approved.error().message;
  EXPECT_EQ(registration(regs[0]).status, store::RegistrationStatus::kApproved);
  EXPECT_EQ(registration(regs[0]).reviewed_by, station_actor_.user_id);

  auto events = audit_of("registration", regs[0]);
  for (const char* action : {"registration.create", "registration.submit", "photo.upload", "face.verify",
                             "registration.confirm_id", "registration.confirm", "registration.approve"})
    EXPECT_TRUE(has_action(events, action)) << action;
  EXPECT_TRUE(has_action(events, "registration.view", true));
  EXPECT_TRUE(has_action(events, "review.detail_view", true));
  EXPECT_TRUE(has_action(audit_of("batch", batch), "batch.create"));
  EXPECT_TRUE(has_action(audit_of("batch", batch), "batch.import"));
  EXPECT_TRUE(has_action(audit_of("batch", batch), "batch.submit"));
  EXPECT_TRUE(has_action(audit_of("station", station_), "review.queue_view", true));
  EXPECT_TRUE(has_action(audit_of("user", candidate.user_id), "user.activate"));
  EXPECT_TRUE(has_action(audit_of("user", candidate.user_id), "auth.login"));
  EXPECT_EQ(count("face_verifications WHERE same_person = 1"), 1);
}

TEST_P(RegistrationFlowTest, ReturnedApplicationIsCorrectedAndResubmitted) {
  const store::Id batch = make_batch(org_a_actor_);
  auto regs = import(org_a_actor_, batch, {person(1)});
  submit(org_a_actor_, batch);
  Actor candidate = activate_and_login(person(1));
  confirm_everything(candidate, regs.at(0));

  auto empty = return_application(db(), clock_, station_actor_, regs[0], "  　");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kReasonRequired);
  ASSERT_TRUE(return_application(db(), clock_, station_actor_, regs[0], "照片背景不是浅色"));
  EXPECT_EQ(registration(regs[0]).status, store::RegistrationStatus::kReturned);

  auto view = candidate_application(db(), clock_, candidate, 3, regs[0]);
  ASSERT_TRUE(view);
  ASSERT_TRUE(view->return_reason.has_value());
  EXPECT_EQ(*view->return_reason, "照片背景不是浅色");
  EXPECT_TRUE(view->can_edit);

  auto photo = upload_photo(db(), clock_, cipher_, &verifier_, settings_, candidate, regs[0], plain_png(200));
  ASSERT_TRUE(photo && photo->accepted);
  auto not_yet = agree_and_submit(db(), clock_, candidate, regs[0]);  // the new photo needs a new face check
  ASSERT_FALSE(not_yet);
  EXPECT_EQ(not_yet.error().code, ErrorCode::kStepsIncomplete);
  ASSERT_TRUE(verify_face(db(), clock_, cipher_, verifier_, settings_, candidate, regs[0], "live"));
  ASSERT_TRUE(agree_and_submit(db(), clock_, candidate, regs[0]));
  EXPECT_EQ(registration(regs[0]).status, store::RegistrationStatus::kConfirmed);
  EXPECT_TRUE(has_action(audit_of("registration", regs[0]), "registration.return"));
  EXPECT_TRUE(has_action(audit_of("registration", regs[0]), "registration.resubmit"));
  ASSERT_TRUE(approve_application(db(), clock_, *policies_, station_actor_, {regs[0], std::nullopt}));
}

TEST_P(RegistrationFlowTest, OrganisationSeesItsBatchesWithCountsAndMaskedApplicants) {
  const store::Id batch = make_batch(org_a_actor_);
  import(org_a_actor_, batch, {person(1), person(2)});
  make_batch(org_b_actor_);
  auto batches = organisation_batches(db(), org_a_actor_);
  ASSERT_TRUE(batches) << batches.error().message;
  ASSERT_EQ(batches->size(), 1u);
  EXPECT_EQ(batches->front().total, 2);
  EXPECT_EQ(batches->front().counts.at(store::RegistrationStatus::kDraft), 2);
  auto applicants = batch_applicants(db(), clock_, org_a_actor_, batch);
  ASSERT_TRUE(applicants);
  ASSERT_EQ(applicants->size(), 2u);
  EXPECT_EQ(applicants->front().id_number_masked, identity::mask_id_number(person(1).id));
  EXPECT_TRUE(has_action(audit_of("batch", batch), "batch.applicants_view", true));
  auto foreign = batch_applicants(db(), clock_, org_b_actor_, batch);
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::kForbidden);
}

TEST_P(RegistrationFlowTest, BiometricsPastTheirRetentionArePurged) {
  const store::Id batch = make_batch(org_a_actor_);
  auto regs = import(org_a_actor_, batch, {person(1)});
  submit(org_a_actor_, batch);
  Actor candidate = activate_and_login(person(1));
  auto photo = upload_photo(db(), clock_, cipher_, &verifier_, settings_, candidate, regs.at(0), plain_png());
  ASSERT_TRUE(photo && photo->accepted);
  EXPECT_EQ(count("candidate_photos"), 1);
  auto early = purge_expired_biometrics(db(), clock_.now() + std::chrono::days(10));
  ASSERT_TRUE(early);
  EXPECT_EQ(early->photos + early->face_templates, 0);
  auto templates = purge_expired_biometrics(db(), clock_.now() + settings_.face_template_retention + std::chrono::hours(1));
  ASSERT_TRUE(templates);
  EXPECT_EQ(templates->face_templates, 1);
  EXPECT_EQ(templates->photos, 0);
  auto photos = purge_expired_biometrics(db(), clock_.now() + settings_.photo_retention + std::chrono::hours(1));
  ASSERT_TRUE(photos);
  EXPECT_EQ(photos->photos, 1);
  EXPECT_EQ(count("candidate_photos") + count("face_templates"), 0);
  EXPECT_TRUE(has_action(audit_of("biometrics", 0), "biometrics.purge"));
}

RC_INSTANTIATE_REGISTRATION_TEST(RegistrationFlowTest);

}  // namespace
}  // namespace rc::app::testing
