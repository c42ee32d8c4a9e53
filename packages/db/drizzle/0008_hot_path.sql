-- Issue 18 (lean hot path): a customer message updates its conversation's last_seq and last_message_at,
-- neither of them indexed, so the update can be HOT (no index entries written) when the page has room.
-- Leave 15 % of each page free for those in-place versions. Applies to pages written from now on.
ALTER TABLE "conversations" SET (fillfactor = 85);
