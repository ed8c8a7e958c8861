#include "store/practical_repository.h"

#include "store/practical_sql.h"
#include "store/repository_support.h"
#include "store/storage_error.h"

namespace rc::store {
namespace {

void into_seat(Statement& st, PracticalSeat& s) {
  st.into(s.sitting_id).into(s.registration_id).into(s.room_id).into(s.practical_kind).into(s.ticket_no);
  st.into(s.candidate_name).into(s.held_on).into(s.station_id);
}

void into_draw(Statement& st, PracticalDraw& d) {
  st.into(d.id).into(d.sitting_id).into(d.registration_id).into(d.attempt_kind).into(d.room_id).into(d.scheme_id);
  st.into(d.seed).into(d.items_json).into(d.drawn_at).into(d.drawn_by);
}

void into_claim(Statement& st, PracticalClaim& c) {
  st.into(c.sitting_id).into(c.registration_id).into(c.room_id).into(c.claimed_by).into(c.claimed_at).into(c.expires_at);
}

Error claimed() {
  return make_error(ErrorCode::kPracticalClaimed, "ticket", "该考生正在由其他考评组评分，请稍后再试（R7）", "R7");
}

}  // namespace

Result<std::optional<PracticalSeat>> PracticalRepository::seat_by_ticket(std::string_view ticket_no) {
  return guarded("读取考生座位", [&]() -> Result<std::optional<PracticalSeat>> {
    PracticalSeat row;
    Statement st(tx_, sql::kSelectPracticalSeatByTicket);
    st.bind(ticket_no);
    into_seat(st, row);
    return first(st, row);
  });
}

Result<std::optional<PracticalSeat>> PracticalRepository::seat_of(Id sitting_id, Id registration_id) {
  return guarded("读取考生座位", [&]() -> Result<std::optional<PracticalSeat>> {
    PracticalSeat row;
    Statement st(tx_, sql::kSelectPracticalSeat);
    st.bind(sitting_id).bind(registration_id);
    into_seat(st, row);
    return first(st, row);
  });
}

Result<std::vector<Id>> PracticalRepository::room_examiners(Id sitting_id, Id room_id) {
  return guarded("读取考评员", [&]() -> Result<std::vector<Id>> {
    Id id = 0;
    Statement st(tx_, sql::kSelectRoomExaminers);
    st.bind(sitting_id).bind(room_id).into(id);
    return collect(st, id);
  });
}

Result<std::vector<ExaminerAssignment>> PracticalRepository::examiner_assignments(Id user_id, CivilDate held_on) {
  return guarded("读取考评安排", [&]() -> Result<std::vector<ExaminerAssignment>> {
    ExaminerAssignment row;
    Statement st(tx_, sql::kSelectExaminerAssignments);
    st.bind(user_id).bind(held_on);
    st.into(row.sitting_id).into(row.held_on).into(row.practical_starts_at).into(row.room_id).into(row.room_name);
    return collect(st, row);
  });
}

Result<std::optional<PracticalClaim>> PracticalRepository::claim_of(Id sitting_id, Id registration_id) {
  return guarded("读取评分占用", [&]() -> Result<std::optional<PracticalClaim>> {
    PracticalClaim row;
    Statement st(tx_, sql::kSelectClaim);
    st.bind(sitting_id).bind(registration_id);
    into_claim(st, row);
    return first(st, row);
  });
}

Result<void> PracticalRepository::claim(const PracticalClaim& c) {
  auto existing = claim_of(c.sitting_id, c.registration_id);
  if (!existing) return fail(existing.error());
  if (*existing && (*existing)->room_id != c.room_id && (*existing)->expires_at > c.claimed_at) return fail(claimed());
  auto done = guarded("保存评分占用", [&]() -> Result<void> {
    if (!*existing) {
      Statement st(tx_, sql::kInsertClaim);
      st.bind(c.sitting_id).bind(c.registration_id).bind(c.room_id).bind(c.claimed_by).bind(c.claimed_at).bind(c.expires_at);
      st.execute();
      return ok();
    }
    Statement st(tx_, sql::kUpdateClaim);
    st.bind(c.room_id).bind(c.claimed_by).bind(c.claimed_at).bind(c.expires_at).bind(c.sitting_id).bind(c.registration_id);
    st.bind(c.room_id).bind(c.claimed_at);
    st.execute();
    if (st.affected_rows() != 1) return fail(claimed());
    return ok();
  });
  // Two groups inserting at once: the loser's unique violation is the same refusal.
  if (!done && done.error().code == ErrorCode::kConflict) return fail(claimed());
  return done;
}

Result<void> PracticalRepository::release_claim(Id sitting_id, Id registration_id) {
  return guarded("释放评分占用", [&]() -> Result<void> {
    Statement st(tx_, sql::kDeleteClaim);
    st.bind(sitting_id).bind(registration_id);
    st.execute();
    return ok();
  });
}

Result<Id> PracticalRepository::insert_draw(const PracticalDraw& d) {
  return guarded("保存抽考记录", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertDraw);
    st.bind(d.sitting_id).bind(d.registration_id).bind(d.attempt_kind).bind(d.room_id).bind(d.scheme_id).bind(d.seed);
    st.bind(d.items_json).bind(d.drawn_at).bind(d.drawn_by).into(id);
    st.execute();
    return id;
  });
}

Result<PracticalDraw> PracticalRepository::find_draw(Id id) {
  return guarded("读取抽考记录", [&]() -> Result<PracticalDraw> {
    PracticalDraw row;
    Statement st(tx_, sql::kSelectDrawById);
    st.bind(id);
    into_draw(st, row);
    if (auto found = first(st, row)) return *found;
    return fail(not_found("抽考记录", id));
  });
}

Result<std::optional<PracticalDraw>> PracticalRepository::draw_for(Id sitting_id, Id registration_id, AttemptKind kind) {
  return guarded("读取抽考记录", [&]() -> Result<std::optional<PracticalDraw>> {
    PracticalDraw row;
    Statement st(tx_, sql::kSelectDrawFor);
    st.bind(sitting_id).bind(registration_id).bind(kind);
    into_draw(st, row);
    return first(st, row);
  });
}

Result<std::vector<PracticalDraw>> PracticalRepository::draws_of_candidate(Id sitting_id, Id registration_id) {
  return guarded("读取抽考记录", [&]() -> Result<std::vector<PracticalDraw>> {
    PracticalDraw row;
    Statement st(tx_, sql::kSelectDrawsOfCandidate);
    st.bind(sitting_id).bind(registration_id);
    into_draw(st, row);
    return collect(st, row);
  });
}

Result<std::vector<PracticalDraw>> PracticalRepository::draws_in_room(Id sitting_id, Id room_id) {
  return guarded("读取抽考记录", [&]() -> Result<std::vector<PracticalDraw>> {
    PracticalDraw row;
    Statement st(tx_, sql::kSelectDrawsInRoom);
    st.bind(sitting_id).bind(room_id);
    into_draw(st, row);
    return collect(st, row);
  });
}

Result<Id> PracticalRepository::insert_sheet(const PracticalSheet& s) {
  return guarded("保存评分表", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertSheet);
    st.bind(s.draw_id).bind(s.examiner_id).bind(s.room_id).bind(s.sheet_json).bind(s.submitted_at).into(id);
    st.execute();
    return id;
  });
}

Result<std::vector<PracticalSheet>> PracticalRepository::sheets_of(Id draw_id) {
  return guarded("读取评分表", [&]() -> Result<std::vector<PracticalSheet>> {
    PracticalSheet row;
    Statement st(tx_, sql::kSelectSheetsOfDraw);
    st.bind(draw_id).into(row.id).into(row.draw_id).into(row.examiner_id).into(row.room_id).into(row.sheet_json);
    st.into(row.submitted_at);
    return collect(st, row);
  });
}

Result<Id> PracticalRepository::insert_result(const PracticalResult& r) {
  return guarded("保存技能考核结果", [&]() -> Result<Id> {
    Id id = 0;
    Statement st(tx_, sql::kInsertResult);
    st.bind(r.draw_id).bind(r.method).bind(r.examiner_count).bind(r.total_num).bind(r.total_den).bind(r.display_tenths);
    st.bind(r.passed).bind(r.vetoed).bind(r.detail_json).bind(r.attempt_id).bind(r.decided_at).into(id);
    st.execute();
    return id;
  });
}

Result<std::optional<PracticalResult>> PracticalRepository::result_of(Id draw_id) {
  return guarded("读取技能考核结果", [&]() -> Result<std::optional<PracticalResult>> {
    PracticalResult row;
    Statement st(tx_, sql::kSelectResultOfDraw);
    st.bind(draw_id).into(row.id).into(row.draw_id).into(row.method).into(row.examiner_count).into(row.total_num);
    st.into(row.total_den).into(row.display_tenths).into(row.passed).into(row.vetoed).into(row.detail_json);
    st.into(row.attempt_id).into(row.decided_at);
    return first(st, row);
  });
}

}  // namespace rc::store
