-- Certificate issuance (F16-F21). Gap-free numbering per station and year: the next serial is
-- taken in the same transaction that inserts the certificate, so a rolled-back issuance leaves
-- no hole and no number is ever used twice.
CREATE TABLE certificate_number_counters (
  station_id BIGINT NOT NULL REFERENCES stations (id),
  year INTEGER NOT NULL,
  next_serial INTEGER NOT NULL CHECK (next_serial >= 1),
  PRIMARY KEY (station_id, year)
);
