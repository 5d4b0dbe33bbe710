-- One-way fingerprints (SHA-256, hex) of the email addresses and chat accounts of people who had Uptake erase
-- their data, so that no directory sync, programmes file or usage batch creates them again until they opt back
-- in themselves. Nothing here says who anyone was: only whether a given address was erased can be checked.
CREATE TABLE erased_identity (
    fingerprint VARCHAR(64) PRIMARY KEY,
    erased_at   TIMESTAMP NOT NULL
);
