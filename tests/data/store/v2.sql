-- A schedules.db at schema version 2, as mp2-store.c's migration steps make it,
-- with a few rows of every kind: version 1 with calendar links kept under the
-- calendar router (sink "calendar", calendar ids that name their sink). The schema
-- text must stay exactly as version 2 wrote it; a new version adds vN.sql beside
-- this file and leaves this one alone.

CREATE TABLE messages (
  id          TEXT PRIMARY KEY NOT NULL,
  account     TEXT,
  subject     TEXT,
  sender      TEXT,
  received_at INTEGER NOT NULL
) STRICT;
CREATE TABLE documents (
  sha256     TEXT PRIMARY KEY NOT NULL CHECK (length (sha256) = 64),
  size       INTEGER NOT NULL CHECK (size >= 0),
  file_name  TEXT,
  message_id TEXT REFERENCES messages (id),
  added_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX documents_by_message ON documents (message_id);
CREATE TABLE schedules (
  id             INTEGER PRIMARY KEY,
  document       TEXT NOT NULL UNIQUE REFERENCES documents (sha256),
  day_key        TEXT,
  state          TEXT NOT NULL CHECK (state IN ('new', 'parsed', 'planned',
                   'needs-review', 'confirmed', 'synced', 'superseded', 'dismissed',
                   'failed')),
  revision       INTEGER NOT NULL DEFAULT 0,
  supersedes     INTEGER REFERENCES schedules (id),
  sheet_json     TEXT,
  edits_json     TEXT NOT NULL DEFAULT '{}',
  changes_json   TEXT NOT NULL DEFAULT '[]',
  conflicts_json TEXT NOT NULL DEFAULT '[]',
  plan_json      TEXT,
  weather_json   TEXT,
  error_code     TEXT,
  error_message  TEXT,
  file_name      TEXT,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX schedules_by_day ON schedules (day_key, revision);
CREATE INDEX schedules_by_state ON schedules (state);
CREATE INDEX schedules_by_supersedes ON schedules (supersedes);
CREATE TRIGGER schedules_insert_superseded BEFORE INSERT ON schedules
  WHEN NEW.state = 'superseded'
BEGIN
  SELECT RAISE (ABORT, 'a schedule is superseded only by a revision that names it');
END;
CREATE TRIGGER schedules_superseded_needs_successor BEFORE UPDATE OF state ON schedules
  WHEN NEW.state = 'superseded' AND NOT EXISTS
    (SELECT 1 FROM schedules AS successor WHERE successor.supersedes = NEW.id
       OR (successor.day_key = NEW.day_key AND successor.id != NEW.id
           AND successor.revision > NEW.revision))
BEGIN
  SELECT RAISE (ABORT, 'a schedule is superseded only by a later revision');
END;
CREATE TRIGGER schedules_superseded_stays BEFORE UPDATE OF state ON schedules
  WHEN OLD.state = 'superseded' AND NEW.state != 'superseded'
BEGIN
  SELECT RAISE (ABORT, 'a superseded schedule stays superseded');
END;
CREATE TRIGGER schedules_supersedes_stays BEFORE UPDATE OF supersedes ON schedules
  WHEN OLD.supersedes IS NOT NULL AND NEW.supersedes IS NOT OLD.supersedes
BEGIN
  SELECT RAISE (ABORT, 'a revision keeps the schedule it superseded');
END;
CREATE TABLE calendar_links (
  day_key     TEXT NOT NULL,
  sink        TEXT NOT NULL,
  calendar_id TEXT NOT NULL,
  event_uid   TEXT NOT NULL,
  etag        TEXT,
  synced_at   INTEGER NOT NULL,
  PRIMARY KEY (day_key, sink)
) STRICT;
CREATE TABLE sync_state (
  account    TEXT PRIMARY KEY NOT NULL,
  history_id TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE TABLE cache (
  key        TEXT PRIMARY KEY NOT NULL,
  value      TEXT NOT NULL,
  expires_at INTEGER
) STRICT;
CREATE INDEX cache_by_expiry ON cache (expires_at);

INSERT INTO messages (id, account, subject, sender, received_at) VALUES
  ('18e4c1a2b3d4e5f6', 'crew@example.com', 'Plan zdjęciowy – dzień 12 (rev. 2)',
   'Biuro produkcji <biuro@example.com>', 1741630000);

INSERT INTO documents (sha256, size, file_name, message_id, added_at) VALUES
  ('e09dfbcb0d7061cac6854089ad660bb333c1da786cb9f3ca2fbd4ff6bc8962fa', 129171,
   'T2_rev1.pdf', '18e4c1a2b3d4e5f6', 1741630010),
  ('7b21b0bb305eb3943e5258ff45b1f0f9bc367982539645860bd1184c373a9720', 132908,
   'T2_rev2.pdf', '18e4c1a2b3d4e5f6', 1741630020),
  ('324b80ce4d7d03255401fe48161932f02cf8da45844189eb72f4c84e6937f371', 72933,
   'T3_01.pdf', NULL, 1741630030);

INSERT INTO schedules (id, document, day_key, state, revision, supersedes, sheet_json,
                       edits_json, changes_json, conflicts_json, plan_json, weather_json,
                       error_code, error_message, file_name, created_at, updated_at)
VALUES
  (1, 'e09dfbcb0d7061cac6854089ad660bb333c1da786cb9f3ca2fbd4ff6bc8962fa',
   'cicha woda|2025-03-12', 'synced', 1, NULL,
   '{"production":"Cicha Woda","date":"2025-03-12","shooting_day":12,"total_days":40,"revision":1,"language":"pl","crew_call":"07:00","shooting_call":"08:00","breakfast":null,"lunch":"13:00","estimated_wrap":"19:00","sunrise":null,"sunset":null,"locations":[],"scenes":[],"crew":[],"cast":[],"notes":[]}',
   '{"my_call":"06:45"}', '[]', '[]', NULL, NULL, NULL, NULL, 'T2_rev1.pdf',
   1741630010, 1741630015),
  (2, '7b21b0bb305eb3943e5258ff45b1f0f9bc367982539645860bd1184c373a9720',
   'cicha woda|2025-03-12', 'needs-review', 2, 1,
   '{"production":"Cicha Woda","date":"2025-03-12","shooting_day":12,"total_days":40,"revision":2,"language":"pl","crew_call":"06:30","shooting_call":"07:30","breakfast":null,"lunch":"13:00","estimated_wrap":"19:00","sunrise":null,"sunset":null,"locations":[],"scenes":[],"crew":[],"cast":[],"notes":[]}',
   '{"my_call":"06:45"}',
   '[{"kind":"crew_call","key":"crew_call","old":"07:00","new":"06:30"}]',
   '[{"key":"my_call","mine":"06:45","theirs":"06:15"}]',
   '{"leave_at":"05:40"}', '{"temperature":4.5}', NULL, NULL, 'T2_rev2.pdf',
   1741630020, 1741630025),
  (3, '324b80ce4d7d03255401fe48161932f02cf8da45844189eb72f4c84e6937f371',
   NULL, 'failed', 0, NULL, NULL, '{}', '[]', '[]', NULL, NULL,
   'encrypted', 'The PDF is protected by a password.', 'T3_01.pdf',
   1741630030, 1741630030);

UPDATE schedules SET state = 'superseded' WHERE id = 1;

INSERT INTO calendar_links (day_key, sink, calendar_id, event_uid, etag, synced_at) VALUES
  ('cicha woda|2025-03-12', 'calendar', 'google:primary', 'mp2-cicha-woda-2025-03-12', '"3381"',
   1741630016);

INSERT INTO sync_state (account, history_id, updated_at) VALUES
  ('crew@example.com', '91544', 1741630000);

INSERT INTO cache (key, value, expires_at) VALUES
  ('geocode:nominatim:ul. Chełmska 21, Warszawa', '{"lat":52.19,"lon":21.04}', NULL),
  ('weather:open-meteo:52.19,21.04:2025-03-12', '{"temperature":4.5}', 1741600000);

PRAGMA user_version = 2;
