-- 我的办件 and 待我处理 read an applicant's cases: those they applied for themselves (kase_applicant_idx) and those
-- they applied for as an agent (代办). The latter had no index, so every visit read the whole table; few cases have
-- an agent, so the index holds only those.
CREATE INDEX kase_agent_idx ON kase (agent_applicant_id, id DESC) WHERE agent_applicant_id IS NOT NULL;
