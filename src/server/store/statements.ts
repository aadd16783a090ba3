import type Database from 'better-sqlite3';

/** Every statement of the ledger's request, user, session, key, escalation and photo tables, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    insertRequest: db.prepare(`INSERT INTO requests (id, service_code, description, status, stage, lon, lat, address, compound_id, grid_id, community_id,
      requested_at, updated_at, expected_at, rating, media_hash, media_url, source, tracking_code, reporter_name, reporter_phone, reporter_email, reporter_device, reporter_account, building_id)
      VALUES (@id, @service_code, @description, @status, @stage, @lon, @lat, @address, @compound_id, @grid_id, @community_id,
      @requested_at, @updated_at, @expected_at, @rating, @media_hash, @media_url, @source, @tracking_code, @reporter_name, @reporter_phone, @reporter_email, @reporter_device, @reporter_account, @building_id)`),
    nextSeq: db.prepare(`SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'requests'), 0) + 1 AS next`),
    byId: db.prepare('SELECT * FROM requests WHERE id = ?'),
    byTracking: db.prepare('SELECT * FROM requests WHERE tracking_code = ?'),
    count: db.prepare('SELECT COUNT(*) AS n FROM requests'),
    // total_changes(): rows this connection changed; data_version: commits by other connections.
    changeMark: db.prepare('SELECT total_changes() AS own, (SELECT data_version FROM pragma_data_version) AS others'),
    insertHistory: db.prepare(`INSERT INTO history (request_id, at, actor, from_stage, to_stage, from_status, to_status, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    history: db.prepare('SELECT * FROM history WHERE request_id = ? ORDER BY seq'),
    stageActivity: db.prepare('SELECT stage, requested_at, updated_at FROM requests WHERE requested_at >= ? OR updated_at >= ?'),
    move: db.prepare('UPDATE requests SET stage = ?, status = ?, updated_at = ? WHERE id = ?'),
    rate: db.prepare('UPDATE requests SET rating = ?, updated_at = ? WHERE id = ?'),
    insertRating: db.prepare('INSERT INTO ratings (request_id, rating, comment, actor, at) VALUES (?, ?, ?, ?, ?)'),
    assign: db.prepare('UPDATE requests SET assigned_to = ?, updated_at = ? WHERE id = ?'),
    setEscalation: db.prepare('UPDATE requests SET escalation = ? WHERE id = ?'),
    insertUser: db.prepare(`INSERT INTO users (username, display_name, password_hash, role, community_id, grid_id, volunteer_id, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    userById: db.prepare('SELECT * FROM users WHERE id = ?'),
    userByName: db.prepare('SELECT * FROM users WHERE username = ?'),
    users: db.prepare('SELECT * FROM users ORDER BY id'),
    setPassword: db.prepare('UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?'),
    loginFailure: db.prepare('UPDATE users SET failed_logins = failed_logins + 1, locked_until = ? WHERE id = ?'),
    loginReset: db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?'),
    insertSession: db.prepare('INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
    session: db.prepare('SELECT * FROM sessions WHERE token_hash = ? AND ended_at IS NULL'),
    endSession: db.prepare('UPDATE sessions SET ended_at = ? WHERE token_hash = ?'),
    insertKey: db.prepare('INSERT INTO api_keys (name, key_hash, created_at) VALUES (?, ?, ?)'),
    keyByHash: db.prepare('SELECT * FROM api_keys WHERE key_hash = ? AND revoked = 0'),
    keys: db.prepare('SELECT * FROM api_keys ORDER BY id'),
    insertEscalation: db.prepare(`INSERT INTO escalations (request_id, level, at, webhook_state, next_attempt_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (request_id, level) DO NOTHING`),
    // `+status`: walk the id index (one page costs its own rows), not the status index (every page would sort all open rows).
    openAfter: db.prepare(`SELECT * FROM requests WHERE +status = 'open' AND id > ? ORDER BY id LIMIT ?`),
    escalationByKey: db.prepare('SELECT * FROM escalations WHERE request_id = ? AND level = ?'),
    escalationsOf: db.prepare('SELECT * FROM escalations WHERE request_id = ? ORDER BY id'),
    allEscalations: db.prepare('SELECT * FROM escalations ORDER BY id'),
    dueWebhooks: db.prepare(
      `SELECT * FROM escalations WHERE webhook_state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT 100`,
    ),
    updateWebhook: db.prepare('UPDATE escalations SET webhook_state = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?'),
    insertPhoto: db.prepare('INSERT INTO photos (hash, bytes, width, height, mime, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING'),
    photo: db.prepare('SELECT * FROM photos WHERE hash = ?'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
