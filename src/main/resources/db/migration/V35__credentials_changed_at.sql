-- When a citizen's password was last reset (issue #9, hardening): portal sessions that logged in before it are
-- ended at their next request (identity.CredentialsChangedFilter), on every node.
ALTER TABLE citizen_account ADD COLUMN credentials_changed_at TIMESTAMP;
