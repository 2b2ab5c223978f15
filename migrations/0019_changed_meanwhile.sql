-- A write whose answer the action does not wait for (a pipelined statement) cannot hand "nothing matched"
-- back for the action to turn into 409: it ends the transaction with this error instead, which the server
-- answers with 409 CONFLICT and the reason (src/server/errors.ts). Finishing a task uses it: the task and its
-- case must still be as the action's first read found them.
CREATE FUNCTION changed_meanwhile(reason text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'OW409', MESSAGE = reason;
END
$$;
