-- A person's full name, shown with the username wherever people act (the
-- audit log, work items, the account list). Empty for accounts made before.
ALTER TABLE app_user ADD COLUMN full_name TEXT NOT NULL DEFAULT '';
