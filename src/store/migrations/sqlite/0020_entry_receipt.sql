-- What an item sent from a phone's offline queue stored, by the key the
-- phone gave it (one per queued item): the same item sent again after a lost
-- answer, a retry or a second tab is answered from here and stores nothing
-- again. Keys are per account. A refused item (wrong value, conflict) leaves
-- no receipt: the officer's corrected item is sent again under its key.
CREATE TABLE entry_receipt (
  user_id INTEGER NOT NULL REFERENCES app_user(id),
  item_key TEXT NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES unit(id),
  period TEXT NOT NULL,
  changed INTEGER NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (user_id, item_key)
);
