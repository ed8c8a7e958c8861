-- Certificate issuance (F16-F21). Gap-free numbering per station and year: the next serial is
-- taken in the same transaction that inserts the certificate, so a rolled-back issuance leaves
-- no hole and no number is ever used twice.
CREATE TABLE certificate_number_counters (
  station_id BIGINT NOT NULL REFERENCES stations (id),
  year INTEGER NOT NULL,
  next_serial INTEGER NOT NULL CHECK (next_serial >= 1),
  PRIMARY KEY (station_id, year)
);

-- What issuance knows beyond V001's certificates row: the issuing station and the holder (so a
-- station sees only its own, and public look-ups by ID number need no registration walk), the
-- serial taken from the counter (UNIQUE: a number is never reused even if the pattern changes),
-- the exam date and the day the certificate becomes publicly queryable (R9: policy
-- results.certificate_filing_days.min after the exam, and never before filing).
CREATE TABLE certificate_issues (
  certificate_id BIGINT PRIMARY KEY REFERENCES certificates (id),
  station_id BIGINT NOT NULL REFERENCES stations (id),
  candidate_id BIGINT NOT NULL REFERENCES candidates (id),
  serial_year INTEGER NOT NULL,
  serial INTEGER NOT NULL CHECK (serial >= 1),
  exam_on TEXT NOT NULL CHECK (length(exam_on) = 10),
  public_from TEXT NOT NULL CHECK (length(public_from) = 10),
  UNIQUE (station_id, serial_year, serial)
);
CREATE INDEX certificate_issues_by_candidate ON certificate_issues (candidate_id);
CREATE INDEX certificate_issues_by_station ON certificate_issues (station_id, certificate_id);

-- The signed OFD file itself, in the database rather than under data_dir: it commits or rolls
-- back with its row, backups take both, and two servers on one PostgreSQL see the same files.
CREATE TABLE certificate_files (
  certificate_id BIGINT PRIMARY KEY REFERENCES certificates (id),
  media_type TEXT NOT NULL,
  content {{BLOB}} NOT NULL,
  digest TEXT NOT NULL                          -- SM3 hex, equal to certificates.file_digest
);

-- R9 备案: a station exports the issuable candidates for the national registry (the export is an
-- audited access of full ID numbers), then records the day the registry accepted the filing.
CREATE TABLE certificate_filings (
  id {{ID}},
  station_id BIGINT NOT NULL REFERENCES stations (id),
  status TEXT NOT NULL CHECK (status IN ('exported', 'filed')),
  entries INTEGER NOT NULL CHECK (entries >= 1),
  exported_at BIGINT NOT NULL,
  exported_by BIGINT REFERENCES users (id),
  filed_on TEXT CHECK (filed_on IS NULL OR length(filed_on) = 10),
  recorded_at BIGINT,
  recorded_by BIGINT REFERENCES users (id),
  CHECK (status <> 'filed' OR filed_on IS NOT NULL)
);
CREATE INDEX certificate_filings_by_station ON certificate_filings (station_id, id);

-- A registration is filed once: the UNIQUE keeps it out of a second export.
CREATE TABLE certificate_filing_entries (
  filing_id BIGINT NOT NULL REFERENCES certificate_filings (id),
  registration_id BIGINT NOT NULL UNIQUE REFERENCES registrations (id),
  exam_on TEXT NOT NULL CHECK (length(exam_on) = 10),
  PRIMARY KEY (filing_id, registration_id)
);

-- F20/R10 补发: a holder of a lost or damaged paper certificate applies; the station decides.
-- Paper is never reissued: an approval issues an electronic certificate (issued_certificate_id).
CREATE TABLE reissue_applications (
  id {{ID}},
  candidate_id BIGINT NOT NULL REFERENCES candidates (id),
  station_id BIGINT NOT NULL REFERENCES stations (id),
  old_number TEXT NOT NULL CHECK (length(old_number) BETWEEN 1 AND 64),
  old_issued_on TEXT NOT NULL CHECK (length(old_issued_on) = 10),
  reason TEXT NOT NULL CHECK (reason IN ('lost', 'damaged')),
  old_certificate_id BIGINT REFERENCES certificates (id),   -- when the old one is in the store
  status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
  decision_reason TEXT,
  decided_by BIGINT REFERENCES users (id),
  decided_at BIGINT,
  issued_certificate_id BIGINT REFERENCES certificates (id),
  created_at BIGINT NOT NULL,
  CHECK (status <> 'refused' OR decision_reason IS NOT NULL)
);
CREATE INDEX reissue_applications_by_station ON reissue_applications (station_id, status, id);
CREATE INDEX reissue_applications_by_candidate ON reissue_applications (candidate_id, id);
