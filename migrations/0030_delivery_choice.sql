-- How the applicant asked to receive the result (结果领取方式), chosen when applying among the delivery methods the
-- item version's guide offers: the window's 统一出件 starts from it. For a delivery by post, whom and where to send it
-- to: the recipient, phone and address as one JSON value encrypted like the form (AES-256-GCM), never in the clear.
-- The methods are a domain's list, as the case tables' other lists are (0022).
CREATE DOMAIN delivery_method AS text CHECK (VALUE IN ('pickup', 'post', 'locker', 'electronic'));
ALTER TABLE kase ADD COLUMN delivery_choice delivery_method;
ALTER TABLE kase ADD COLUMN delivery_address_enc text;
ALTER TABLE kase ADD CONSTRAINT kase_delivery_address_check CHECK ((delivery_choice = 'post') = (delivery_address_enc IS NOT NULL));
