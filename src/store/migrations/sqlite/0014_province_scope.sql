-- One deployment for the whole country: what belongs to which province.
-- Units answer to the province that holds them today (unit_province, computed
-- from the structure and the lineage after each import: a commune of a
-- province merged in 2025 answers to the new province). Things not tied to a
-- unit carry the province of the office that owns them; NULL (or 0 for a
-- department) is the central office's or, in a database made before this
-- version with more than one province, not yet assigned (seen by the central
-- office only; docs/operations.md "Provinces"). The central office's role is
-- 'central'.
CREATE TABLE unit_province (
  unit_id INTEGER PRIMARY KEY REFERENCES unit(id),
  province_id INTEGER NOT NULL REFERENCES unit(id)
);
CREATE INDEX unit_province_by_province ON unit_province(province_id, unit_id);

CREATE TABLE department_new (
  province_id INTEGER NOT NULL DEFAULT 0,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (province_id, code)
);
INSERT INTO department_new (province_id, code, name) SELECT 0, code, name FROM department;

CREATE TABLE app_user_new (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL
    CHECK (role IN ('admin', 'central', 'department', 'commune', 'sponsor', 'steering')),
  unit_id INTEGER REFERENCES unit(id),
  province_id INTEGER REFERENCES unit(id),
  department TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  sponsor TEXT REFERENCES sponsor(code),
  full_name TEXT NOT NULL DEFAULT '',
  FOREIGN KEY (province_id, department) REFERENCES department(province_id, code)
    ON UPDATE CASCADE
);
INSERT INTO app_user_new (id, username, password_hash, role, unit_id, department, disabled,
                          created_at, sponsor, full_name)
  SELECT id, username, password_hash, role, unit_id, department, disabled, created_at, sponsor,
         full_name FROM app_user;

CREATE TABLE criterion_department_new (
  province_id INTEGER NOT NULL DEFAULT 0,
  set_id TEXT NOT NULL,
  criterion TEXT NOT NULL,
  department TEXT NOT NULL,
  PRIMARY KEY (province_id, set_id, criterion),
  FOREIGN KEY (province_id, department) REFERENCES department(province_id, code)
    ON UPDATE CASCADE
);
INSERT INTO criterion_department_new (province_id, set_id, criterion, department)
  SELECT 0, set_id, criterion, department FROM criterion_department;

DROP TABLE criterion_department;
DROP TABLE app_user;
DROP TABLE department;
ALTER TABLE department_new RENAME TO department;
ALTER TABLE app_user_new RENAME TO app_user;
ALTER TABLE criterion_department_new RENAME TO criterion_department;

ALTER TABLE sponsor ADD COLUMN province_id INTEGER REFERENCES unit(id);
ALTER TABLE meeting ADD COLUMN province_id INTEGER REFERENCES unit(id);
ALTER TABLE article ADD COLUMN province_id INTEGER REFERENCES unit(id);
ALTER TABLE audit_log ADD COLUMN province_id INTEGER;
CREATE INDEX audit_by_province ON audit_log(province_id, at);
ALTER TABLE criteria_set ADD COLUMN province_id INTEGER REFERENCES unit(id);
ALTER TABLE criteria_set_draft ADD COLUMN province_id INTEGER REFERENCES unit(id);
CREATE INDEX article_by_province ON article(province_id, category, publish_at, id);
