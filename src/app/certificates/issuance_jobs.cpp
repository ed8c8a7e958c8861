#include "app/certificates/issuance_jobs.h"

namespace rc::app {

IssuanceJobs::~IssuanceJobs() {
  stopping_ = true;
  std::map<std::uint64_t, std::shared_ptr<Job>> jobs;
  {
    std::lock_guard lock(mu_);
    jobs.swap(jobs_);
  }
  for (auto& [id, job] : jobs)
    if (job->thread.joinable()) job->thread.join();
}

Result<IssuanceReport> IssuanceJobs::run(const Actor& actor) {
  auto ids = issuable_registrations(services_, actor);
  if (!ids) return fail(ids.error());
  return issue_certificates(services_, actor, *ids);
}

Result<std::uint64_t> IssuanceJobs::start(const Actor& actor, std::vector<store::Id> chosen) {
  if (actor.role != store::Role::kStation) return fail(ErrorCode::kForbidden, "", "只有鉴定站可以发证");
  Result<std::vector<store::Id>> ids = std::move(chosen);
  if (ids->empty()) ids = issuable_registrations(services_, actor);
  if (!ids) return fail(ids.error());
  if (ids->empty()) return fail(ErrorCode::kWrongState, "", "没有已备案且尚未发证的考生");
  auto job = std::make_shared<Job>();
  std::lock_guard lock(mu_);
  const std::uint64_t id = next_id_++;
  job->progress.id = id;
  job->progress.station_id = actor.entity_id;
  job->progress.total = ids->size();
  jobs_[id] = job;
  job->thread = std::thread([this, job, actor, ids = std::move(*ids)] {
    auto report = issue_certificates(services_, actor, ids, [this, job](const IssuanceReport& r) {
      std::lock_guard lock(mu_);
      job->progress.issued = r.issued;
      job->progress.skipped = r.skipped;
      job->progress.refused = r.refused;
    }, &stopping_);
    std::lock_guard lock(mu_);
    if (report) {
      job->progress.issued = report->issued;
      job->progress.skipped = report->skipped;
      job->progress.refused = report->refused;
      for (std::size_t i = 0; i < report->refusals.size() && i < 20; ++i)
        job->progress.refusals.push_back(report->refusals[i].second.message);
    } else {
      job->progress.error = report.error().message;
    }
    job->progress.finished = true;
  });
  return id;
}

std::optional<IssuanceJobProgress> IssuanceJobs::progress(std::uint64_t id, const Actor& actor) const {
  std::lock_guard lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || actor.role != store::Role::kStation || it->second->progress.station_id != actor.entity_id)
    return std::nullopt;
  return it->second->progress;
}

}  // namespace rc::app
