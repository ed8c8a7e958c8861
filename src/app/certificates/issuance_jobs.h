#pragma once
// Batch issuance in the background (F16): the station starts a job and its page polls the
// job's progress. One thread per job; the destructor waits for running jobs (they stop between
// chunks), so the server shuts down without cutting a chunk in half — a chunk is one
// transaction anyway.
//
// Thread safety: every member may be called from any thread.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/certificates/issue_certificates.h"

namespace rc::app {

struct IssuanceJobProgress {
  std::uint64_t id = 0;
  store::Id station_id = 0;
  std::size_t total = 0;
  std::size_t issued = 0;
  std::size_t skipped = 0;
  std::size_t refused = 0;
  bool finished = false;
  std::string error;  // a failure that ended the job (Chinese), empty otherwise
  std::vector<std::string> refusals;  // the first few, Chinese
};

class IssuanceJobs {
 public:
  // `services` must outlive this object.
  explicit IssuanceJobs(const CertificateServices& services) : services_(services) {}
  ~IssuanceJobs();
  IssuanceJobs(const IssuanceJobs&) = delete;
  IssuanceJobs& operator=(const IssuanceJobs&) = delete;

  // Issues the chosen registrations, or when none are chosen everything the actor's station has
  // filed and not yet issued. The job's id.
  [[nodiscard]] Result<std::uint64_t> start(const Actor& actor, std::vector<store::Id> chosen = {});
  // Runs the same synchronously (CLI, demo, tests).
  [[nodiscard]] Result<IssuanceReport> run(const Actor& actor);
  // nullopt when unknown or another station's job.
  std::optional<IssuanceJobProgress> progress(std::uint64_t id, const Actor& actor) const;

 private:
  struct Job {
    IssuanceJobProgress progress;
    std::thread thread;
  };
  const CertificateServices& services_;
  mutable std::mutex mu_;
  std::map<std::uint64_t, std::shared_ptr<Job>> jobs_;  // GUARDED_BY(mu_)
  std::uint64_t next_id_ = 1;                            // GUARDED_BY(mu_)
  std::atomic<bool> stopping_{false};
};

}  // namespace rc::app
