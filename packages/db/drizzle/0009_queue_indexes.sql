-- Issue 18: the console queue's row and the open handoff ticket test, by index. They ran per conversation
-- (every queue read, every status change under the row lock) and scanned every ticket and every
-- conversation's events of a type. The events index is partial: the AI's per-message events skip it.
CREATE INDEX "events_conv_handoff_idx" ON "conversation_events" USING btree ("conversation_id","type","id") WHERE type in ('status_changed', 'ticket_created');--> statement-breakpoint
CREATE INDEX "tickets_conversation_idx" ON "support_tickets" USING btree ("conversation_id","status");