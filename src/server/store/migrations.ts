/**
 * Numbered migrations, applied in order inside one transaction each; `PRAGMA user_version`
 * records the last one applied. Append new ones; never edit an applied one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the ledger
  `
  CREATE TABLE requests (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    service_code TEXT NOT NULL,
    description TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    stage TEXT NOT NULL CHECK (stage IN ('collect', 'deliberate', 'coordinate', 'execute', 'publish', 'rate')),
    lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    address TEXT,
    compound_id TEXT,
    grid_id TEXT,
    community_id TEXT,
    requested_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    expected_at TEXT,
    rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    media_hash TEXT REFERENCES photos(hash),
    source TEXT NOT NULL,
    tracking_code TEXT UNIQUE,
    reporter_name TEXT,
    reporter_phone TEXT,
    reporter_email TEXT,
    reporter_device TEXT,
    assigned_to INTEGER REFERENCES users(id),
    escalation TEXT
  );
  CREATE INDEX requests_requested ON requests (requested_at);
  CREATE INDEX requests_scope ON requests (community_id, grid_id, compound_id);
  CREATE INDEX requests_open ON requests (status, stage);

  CREATE TABLE history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id TEXT NOT NULL REFERENCES requests(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    from_stage TEXT,
    to_stage TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    note TEXT
  );
  CREATE INDEX history_request ON history (request_id, seq);

  CREATE TABLE ratings (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id TEXT NOT NULL REFERENCES requests(id),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment TEXT,
    actor TEXT NOT NULL,
    at TEXT NOT NULL
  );

  CREATE TABLE photos (
    hash TEXT PRIMARY KEY,
    bytes INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    mime TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'community_worker', 'grid_leader', 'volunteer')),
    community_id TEXT,
    grid_id TEXT,
    volunteer_id TEXT,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
  );

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at TEXT
  );

  CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE escalations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id TEXT NOT NULL REFERENCES requests(id),
    level TEXT NOT NULL,
    at TEXT NOT NULL,
    webhook_state TEXT NOT NULL CHECK (webhook_state IN ('none', 'pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    UNIQUE (request_id, level)
  );
  CREATE INDEX escalations_due ON escalations (webhook_state, next_attempt_at);

  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // 2: Open311 POST fields: the photo URL a system sends (media_url) and the reporter's account there (account_id)
  `
  ALTER TABLE requests ADD COLUMN media_url TEXT;
  ALTER TABLE requests ADD COLUMN reporter_account TEXT;
  `,
  // 3: small wishes (微心愿), claimed by one volunteer at a time, with their append-only events
  `
  CREATE TABLE wishes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    compound_id TEXT NOT NULL,
    grid_id TEXT,
    community_id TEXT,
    text TEXT NOT NULL,
    skill TEXT,
    due_at TEXT,
    state TEXT NOT NULL CHECK (state IN ('open', 'claimed', 'done', 'cancelled')),
    claimed_by INTEGER REFERENCES users(id),
    claimed_at TEXT,
    claim_expires_at TEXT,
    done_at TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX wishes_state ON wishes (state, claim_expires_at);
  CREATE INDEX wishes_done ON wishes (done_at);
  CREATE TABLE wish_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    wish_id TEXT NOT NULL REFERENCES wishes(id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    user_id INTEGER
  );
  CREATE INDEX wish_events_wish ON wish_events (wish_id, seq);
  `,
  // 4: notifications to the community's own system (a volunteer matched to a request or wish), delivered by webhook with retries
  `
  CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    webhook_state TEXT NOT NULL CHECK (webhook_state IN ('none', 'pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT
  );
  CREATE INDEX notifications_due ON notifications (webhook_state, next_attempt_at);
  `,
  // 5: 三单制: partner units' offers (资源单) and projects matching a need to resources (项目单)
  `
  CREATE TABLE partner_units (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    offer TEXT NOT NULL,
    capacity INTEGER,
    hours TEXT,
    compound_id TEXT,
    lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    grid_id TEXT,
    community_id TEXT,
    contact TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX partner_units_scope ON partner_units (community_id, grid_id);
  CREATE TABLE projects (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    compound_id TEXT NOT NULL,
    need TEXT NOT NULL,
    grid_id TEXT,
    community_id TEXT,
    resources TEXT NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES users(id),
    due_date TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'active', 'done', 'cancelled')),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX projects_scope ON projects (community_id, grid_id);
  `,
  // 6: online votes of 民主协商议事 — single-use household codes kept only as hashes, ballots not linked to codes
  `
  CREATE TABLE votes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    request_id TEXT NOT NULL REFERENCES requests(id),
    compound_id TEXT,
    grid_id TEXT,
    community_id TEXT,
    question TEXT NOT NULL,
    options TEXT NOT NULL,
    deadline TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    closed_at TEXT,
    closed_by TEXT
  );
  CREATE INDEX votes_request ON votes (request_id);
  CREATE INDEX votes_due ON votes (state, deadline);
  CREATE TABLE vote_codes (
    code_hash TEXT PRIMARY KEY,
    vote_id TEXT NOT NULL REFERENCES votes(id),
    compound_id TEXT,
    used INTEGER NOT NULL DEFAULT 0 CHECK (used IN (0, 1))
  ) WITHOUT ROWID;
  CREATE INDEX vote_codes_vote ON vote_codes (vote_id, used);
  CREATE TABLE ballots (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    vote_id TEXT NOT NULL REFERENCES votes(id),
    option_index INTEGER NOT NULL CHECK (option_index BETWEEN 0 AND 5),
    at TEXT NOT NULL
  );
  CREATE INDEX ballots_vote ON ballots (vote_id);
  `,
  // 7: the building (楼栋, buildings.geojson) a request or wish is about, when known (a QR code per building)
  `
  ALTER TABLE requests ADD COLUMN building_id TEXT;
  ALTER TABLE wishes ADD COLUMN building_id TEXT;
  `,
  // 8: the phone a resident may leave with a wish from the QR page: a table of its own, so no
  // wish row or answer carries it; workers in scope read it one wish at a time
  `
  CREATE TABLE wish_contacts (
    wish_id TEXT PRIMARY KEY REFERENCES wishes(id),
    phone TEXT NOT NULL
  );
  `,
];

/** Written into `meta` so that `ledger restore` can tell a ledger from any other SQLite file. */
export const LEDGER_MARK = { key: 'application', value: 'service-circles-ledger' } as const;
