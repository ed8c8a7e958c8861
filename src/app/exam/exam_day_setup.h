#pragma once
// A theory exam day made in one go, for load benchmarks (`rescuecert bench exam-day`) and the demo:
// a station, an organisation and a submitted batch, N fictitious approved candidates with candidate
// accounts (no password: they never log in through the pages), one sitting whose theory session
// starts `starts_in` from now (100 minutes under the policy in force), and every candidate's paper
// generated and sealed (prepare_exam_papers), and every candidate admitted at the (imaginary) room
// door in bulk, since starting requires admission (R6). Nothing is started. With sessions = true
// each candidate also gets a full signed-in session, created server-side (SessionStore::create):
// that is what makes it a BENCHMARK set-up and never a production tool. Thread-safe (its own
// transactions).

#include <chrono>
#include <string>
#include <vector>

#include "app/platform.h"
#include "domain/common/result.h"
#include "store/records.h"

namespace rc::app {

struct ExamDayOptions {
  int candidates = 100;
  std::chrono::seconds starts_in{0};  // negative: the session started that long ago
  bool sessions = false;
  bool admit = true;           // false: nobody is admitted yet (tests of the check-in itself)
  std::string label = "压测";  // goes into the station's and candidates' names
};

struct ExamDayCandidate {
  store::Id candidate_id = 0;
  store::Id user_id = 0;
  store::Id registration_id = 0;
  store::Id paper_id = 0;
  std::string username;
  std::string session_token;  // "" unless sessions
  std::string csrf_token;
};

struct ExamDay {
  store::Id station_id = 0;
  store::Id sitting_id = 0;
  std::vector<ExamDayCandidate> candidates;
};

// kInvalidValue for candidates outside 1..100000.
[[nodiscard]] Result<ExamDay> set_up_exam_day(Platform& platform, const ExamDayOptions& options);

// Whether the store holds anything beyond an initialised empty one (a candidate or a sitting): the
// bench command refuses such a store unless told it is a throw-away one.
[[nodiscard]] Result<bool> store_has_data(store::Database& db);

}  // namespace rc::app
