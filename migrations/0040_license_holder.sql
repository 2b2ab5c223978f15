-- A license's holder (持证主体), which is not always who applied for it: 企业设立登记 registers a company, and its
-- 营业执照 is issued to that company, not to the founder who filed the application. Every license names its holder;
-- those issued before are their applicants'. The holder's licenses are found through an index of their own.
ALTER TABLE case_document ADD COLUMN holder_id bigint REFERENCES applicant (id);
UPDATE case_document d SET holder_id = k.applicant_id FROM kase k WHERE k.id = d.case_id AND d.kind = 'license';
ALTER TABLE case_document ADD CONSTRAINT case_document_license_holder CHECK ((kind = 'license') = (holder_id IS NOT NULL));
CREATE INDEX case_document_holder_idx ON case_document (holder_id, id DESC) WHERE kind = 'license';

-- 市场主体登记: an enterprise's name is its own in the register (a second of the same name is refused), and the
-- enterprises a grant registers draw the serial of their unified social credit code (GB 32100-2015) here.
CREATE INDEX applicant_enterprise_name_idx ON applicant (name) WHERE kind = 'enterprise';
CREATE SEQUENCE enterprise_registration_seq;
