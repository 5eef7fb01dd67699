-- The sender claims its mails in batches (OutboxSender): one UPDATE marks a batch ENVIANDO with the claim's own id,
-- then the sender reads back which rows of the batch are its own (another node may have claimed some of them first).
ALTER TABLE mail_outbox ADD COLUMN claim_id VARCHAR(36);
