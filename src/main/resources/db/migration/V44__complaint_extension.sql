-- Issue 21: a request for public information may be extended once (TUO de la Ley 27806, art. 11, as amended by
-- DL 1353): the office sets a later date within the first two business days and tells the requester.
-- due_at stays the deadline in force; legal_due_at keeps the legal one when it was extended.
ALTER TABLE complaint ADD COLUMN extension_window_until TIMESTAMP;  -- end of the 2nd business day (public information only)
ALTER TABLE complaint ADD COLUMN legal_due_at TIMESTAMP;
ALTER TABLE complaint ADD COLUMN extended_at TIMESTAMP;
ALTER TABLE complaint ADD COLUMN extension_reason VARCHAR(1000);
