-- PostgreSQL twin of sqlite/0014_province_scope.sql: what belongs to which province.
CREATE TABLE unit_province (
  unit_id BIGINT PRIMARY KEY REFERENCES unit(id),
  province_id BIGINT NOT NULL REFERENCES unit(id)
);
CREATE INDEX unit_province_by_province ON unit_province(province_id, unit_id);

ALTER TABLE app_user DROP CONSTRAINT app_user_department_fkey;
ALTER TABLE criterion_department DROP CONSTRAINT criterion_department_department_fkey;
ALTER TABLE department DROP CONSTRAINT department_pkey;
ALTER TABLE department ADD COLUMN province_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE department ADD PRIMARY KEY (province_id, code);

ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
  CHECK (role IN ('admin', 'central', 'department', 'commune', 'sponsor', 'steering'));
ALTER TABLE app_user ADD COLUMN province_id BIGINT REFERENCES unit(id);
ALTER TABLE app_user ADD FOREIGN KEY (province_id, department)
  REFERENCES department(province_id, code) ON UPDATE CASCADE;

ALTER TABLE criterion_department DROP CONSTRAINT criterion_department_pkey;
ALTER TABLE criterion_department ADD COLUMN province_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE criterion_department ADD PRIMARY KEY (province_id, set_id, criterion);
ALTER TABLE criterion_department ADD FOREIGN KEY (province_id, department)
  REFERENCES department(province_id, code) ON UPDATE CASCADE;

ALTER TABLE sponsor ADD COLUMN province_id BIGINT REFERENCES unit(id);
ALTER TABLE meeting ADD COLUMN province_id BIGINT REFERENCES unit(id);
ALTER TABLE article ADD COLUMN province_id BIGINT REFERENCES unit(id);
ALTER TABLE audit_log ADD COLUMN province_id BIGINT;
CREATE INDEX audit_by_province ON audit_log(province_id, at);
ALTER TABLE criteria_set ADD COLUMN province_id BIGINT REFERENCES unit(id);
ALTER TABLE criteria_set_draft ADD COLUMN province_id BIGINT REFERENCES unit(id);
CREATE INDEX article_by_province ON article(province_id, category, publish_at, id);
