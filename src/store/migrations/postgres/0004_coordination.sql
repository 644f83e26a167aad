-- PostgreSQL twin of sqlite/0004_coordination.sql.
-- Coordination: plan framework, work items, sponsor units, steering
-- directives. Dates are ISO text; money is whole VND.

-- A unit's plan: the title it aims for and the year; one per unit entity.
CREATE TABLE plan (
  unit_id BIGINT PRIMARY KEY REFERENCES unit(id),
  title TEXT NOT NULL,
  target_year BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- The year each criterion (of a set) is planned to be met.
CREATE TABLE plan_criterion (
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  set_id TEXT NOT NULL,
  criterion TEXT NOT NULL,
  target_year BIGINT NOT NULL,
  PRIMARY KEY (unit_id, set_id, criterion)
);

-- "By this date, this many criteria met".
CREATE TABLE plan_milestone (
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  date TEXT NOT NULL,
  criteria_met BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (unit_id, date)
);

-- Sponsor units (đơn vị đỡ đầu) and their accounts.
CREATE TABLE sponsor (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
);
ALTER TABLE app_user ADD COLUMN sponsor TEXT REFERENCES sponsor(code);

-- A sponsor's commitment to a unit: program, tasks, money and in-kind pledged.
CREATE TABLE sponsorship (
  id BIGSERIAL PRIMARY KEY,
  sponsor TEXT NOT NULL REFERENCES sponsor(code),
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  since TEXT NOT NULL,
  until TEXT NOT NULL,
  program TEXT NOT NULL DEFAULT '',
  tasks TEXT NOT NULL DEFAULT '',
  money_pledged BIGINT NOT NULL DEFAULT 0,
  in_kind_pledged TEXT NOT NULL DEFAULT '',
  UNIQUE (sponsor, unit_id, since)
);
CREATE INDEX sponsorship_by_unit ON sponsorship(unit_id);

-- Support delivered under a commitment (a ledger: rows are never changed).
CREATE TABLE sponsor_delivery (
  id BIGSERIAL PRIMARY KEY,
  sponsorship_id BIGINT NOT NULL REFERENCES sponsorship(id),
  date TEXT NOT NULL,
  money BIGINT NOT NULL DEFAULT 0,
  in_kind TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX delivery_by_sponsorship ON sponsor_delivery(sponsorship_id, date);

-- A six-monthly review done by the sponsor, for the duty due on due_date.
CREATE TABLE sponsor_review (
  sponsorship_id BIGINT NOT NULL REFERENCES sponsorship(id),
  due_date TEXT NOT NULL,
  done_date TEXT NOT NULL,
  findings TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  PRIMARY KEY (sponsorship_id, due_date)
);

-- Work items (phần việc). owner_kind: department | sponsor | commune (the
-- item's own unit); owner_code: the department or sponsor code.
CREATE TABLE work_item (
  id BIGSERIAL PRIMARY KEY,
  title TEXT NOT NULL,
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  set_id TEXT NOT NULL DEFAULT '',
  criterion TEXT NOT NULL DEFAULT '',
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('department', 'sponsor', 'commune')),
  owner_code TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
  progress BIGINT NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  budget BIGINT NOT NULL DEFAULT 0,
  spent BIGINT NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  done_date TEXT NOT NULL DEFAULT '',
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX work_item_by_unit ON work_item(unit_id);
CREATE INDEX work_item_by_owner ON work_item(owner_kind, owner_code);

-- Files attached to a work item (checked by content, stored like evidence).
CREATE TABLE work_item_file (
  id BIGSERIAL PRIMARY KEY,
  work_item_id BIGINT NOT NULL REFERENCES work_item(id),
  file_name TEXT NOT NULL UNIQUE,
  original_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);

-- Steering-committee meetings and their conclusions (directives).
CREATE TABLE meeting (
  id BIGSERIAL PRIMARY KEY,
  date TEXT NOT NULL,
  chair TEXT NOT NULL,
  title TEXT NOT NULL,
  minutes TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE conclusion (
  id BIGSERIAL PRIMARY KEY,
  meeting_id BIGINT NOT NULL REFERENCES meeting(id),
  position BIGINT NOT NULL,
  text TEXT NOT NULL,
  deadline TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done')),
  created_at TEXT NOT NULL
);
CREATE INDEX conclusion_by_meeting ON conclusion(meeting_id, position);

-- Who a conclusion is for and what it is about. kind: department | sponsor |
-- commune | all_sponsors | unit | criterion; code: a department or sponsor
-- code, a unit id, or a criterion code ('' for all_sponsors).
CREATE TABLE conclusion_link (
  conclusion_id BIGINT NOT NULL REFERENCES conclusion(id),
  kind TEXT NOT NULL,
  code TEXT NOT NULL,
  PRIMARY KEY (conclusion_id, kind, code)
);
CREATE INDEX conclusion_link_by_code ON conclusion_link(kind, code);

-- Progress reports by a conclusion's owners.
CREATE TABLE conclusion_report (
  id BIGSERIAL PRIMARY KEY,
  conclusion_id BIGINT NOT NULL REFERENCES conclusion(id),
  date TEXT NOT NULL,
  author TEXT NOT NULL,
  owner TEXT NOT NULL,
  progress BIGINT NOT NULL DEFAULT 0,
  text TEXT NOT NULL
);
CREATE INDEX report_by_conclusion ON conclusion_report(conclusion_id, id);

-- When each user last opened their notifications (for "new").
CREATE TABLE notification_seen (
  user_id BIGINT PRIMARY KEY REFERENCES app_user(id),
  seen_at TEXT NOT NULL
);

-- Work queues and notifications read current values by status.
CREATE INDEX observation_current_by_status ON observation(status, date) WHERE current = 1;
