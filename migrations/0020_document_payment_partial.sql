-- A document belongs to at most one payment (a payment's receipt), and most documents belong to none: a
-- unique index over the documents that have one, instead of a unique constraint whose index holds an entry
-- for every notice, decision and license too. Uniqueness is the same (NULLs never collided).
ALTER TABLE case_document DROP CONSTRAINT case_document_payment_id_key;
CREATE UNIQUE INDEX case_document_payment_key ON case_document (payment_id) WHERE payment_id IS NOT NULL;
