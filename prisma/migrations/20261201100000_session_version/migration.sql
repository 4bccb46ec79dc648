-- Session generation per user (issue 12: sign-out must end the session). Every session cookie (a
-- next-auth JWT) carries the generation it was issued in; a request whose generation is not the
-- user's current one counts as signed out. Bumping it ends every session of that user at once, on
-- every app instance, because the check reads this column.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- A new password ends the sessions made with the old one, whichever code (or SQL) changes it.
CREATE FUNCTION "stafett_end_sessions_on_password_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash" THEN
    NEW."sessionVersion" := OLD."sessionVersion" + 1;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "User_password_change_ends_sessions"
  BEFORE UPDATE OF "passwordHash" ON "User"
  FOR EACH ROW EXECUTE FUNCTION "stafett_end_sessions_on_password_change"();
