-- V012: look-ups by registration that issuance makes for every certificate. The only index on
-- certificates.registration_id was the partial certificates_one_valid (WHERE status = 'valid'),
-- which a query without that predicate cannot use: "has this registration a certificate?" scanned
-- the whole table, twice per certificate, and a 100,000-certificate batch slowed to ~85/s by the
-- middle (bench/README.md, `rescuecert bench issuance`).
CREATE INDEX certificates_by_registration ON certificates (registration_id);
