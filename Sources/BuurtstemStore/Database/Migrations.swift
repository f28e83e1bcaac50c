import GRDB

/// The schema, as append-only migrations of plain SQL. Never edit a released migration: add one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 association, statutes, register, membership, audit") { db in
            try db.execute(
                sql: """
                    CREATE TABLE association (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        name TEXT NOT NULL,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE statute_version (
                        id INTEGER PRIMARY KEY,
                        valid_from TEXT NOT NULL UNIQUE,
                        name TEXT NOT NULL,
                        source TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        file_name TEXT NOT NULL,
                        adopted_how TEXT NOT NULL,
                        adopted_at TEXT NOT NULL
                    );
                    CREATE TABLE register_import (
                        id INTEGER PRIMARY KEY,
                        file_name TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        extract_date TEXT NOT NULL,
                        rows_read INTEGER NOT NULL,
                        imported INTEGER NOT NULL,
                        rejected INTEGER NOT NULL,
                        created INTEGER NOT NULL,
                        moved INTEGER NOT NULL,
                        moved_out INTEGER NOT NULL,
                        updated INTEGER NOT NULL,
                        absent INTEGER NOT NULL,
                        at TEXT NOT NULL,
                        CHECK (rows_read = imported + rejected)
                    );
                    CREATE TABLE resident (
                        id TEXT PRIMARY KEY NOT NULL,
                        birth_date TEXT,
                        birth_year INTEGER,
                        name TEXT,
                        CHECK (birth_date IS NULL OR birth_year IS NULL)
                    ) WITHOUT ROWID;
                    CREATE TABLE residence (
                        id INTEGER PRIMARY KEY,
                        resident_id TEXT NOT NULL REFERENCES resident(id),
                        postcode TEXT NOT NULL,
                        house_number INTEGER NOT NULL CHECK (house_number >= 1),
                        addition TEXT,
                        moved_in TEXT,
                        moved_out TEXT,
                        CHECK (moved_out IS NULL OR moved_in IS NULL OR moved_out >= moved_in)
                    );
                    CREATE INDEX residence_by_resident ON residence(resident_id);
                    CREATE TABLE membership_event (
                        id INTEGER PRIMARY KEY,
                        resident_id TEXT NOT NULL REFERENCES resident(id),
                        kind TEXT NOT NULL CHECK (kind IN ('join', 'leave')),
                        requested_on TEXT NOT NULL,
                        effective_on TEXT NOT NULL,
                        recorded_at TEXT NOT NULL
                    );
                    CREATE INDEX membership_event_by_resident ON membership_event(resident_id);
                    CREATE TABLE audit_entry (
                        seq INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        leaf_hash BLOB NOT NULL
                    );
                    CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
                        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
                        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TABLE audit_state (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        size INTEGER NOT NULL,
                        frontier BLOB NOT NULL
                    );
                    INSERT INTO audit_state (id, size, frontier) VALUES (1, 0, x'');
                    CREATE TABLE audit_checkpoint (
                        size INTEGER PRIMARY KEY,
                        root BLOB NOT NULL,
                        at TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v2 assemblies, attendance, proposals, ballots, votes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE assembly (
                        id INTEGER PRIMARY KEY,
                        date TEXT NOT NULL,
                        place TEXT NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('scheduled', 'called', 'open', 'closed')),
                        called_on TEXT,
                        reference_date TEXT,
                        agenda_kinds TEXT NOT NULL DEFAULT ''
                    );
                    CREATE TABLE electorate (
                        assembly_id INTEGER NOT NULL REFERENCES assembly(id),
                        resident_id TEXT NOT NULL REFERENCES resident(id),
                        PRIMARY KEY (assembly_id, resident_id)
                    ) WITHOUT ROWID;
                    CREATE TABLE attendance (
                        assembly_id INTEGER NOT NULL REFERENCES assembly(id),
                        resident_id TEXT NOT NULL REFERENCES resident(id),
                        PRIMARY KEY (assembly_id, resident_id)
                    ) WITHOUT ROWID;
                    CREATE TABLE proxy (
                        assembly_id INTEGER NOT NULL REFERENCES assembly(id),
                        giver TEXT NOT NULL REFERENCES resident(id),
                        holder TEXT NOT NULL REFERENCES resident(id),
                        PRIMARY KEY (assembly_id, giver)
                    ) WITHOUT ROWID;
                    CREATE TABLE assembly_demand (
                        id INTEGER PRIMARY KEY,
                        received_on TEXT NOT NULL,
                        supporters INTEGER NOT NULL,
                        call_by TEXT NOT NULL,
                        answered_by INTEGER REFERENCES assembly(id)
                    );
                    CREATE TABLE proposal (
                        id INTEGER PRIMARY KEY,
                        assembly_id INTEGER NOT NULL REFERENCES assembly(id),
                        title TEXT NOT NULL,
                        text TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        source_kind TEXT NOT NULL CHECK (source_kind IN ('board', 'members', 'party')),
                        source_party TEXT,
                        state TEXT NOT NULL,
                        refusal TEXT,
                        submitted_on TEXT,
                        amendment_text TEXT,
                        inspection_from TEXT
                    );
                    CREATE TABLE proposal_supporter (
                        proposal_id INTEGER NOT NULL REFERENCES proposal(id),
                        resident_id TEXT NOT NULL,
                        PRIMARY KEY (proposal_id, resident_id)
                    ) WITHOUT ROWID;
                    CREATE TABLE shareholder_response (
                        id INTEGER PRIMARY KEY,
                        proposal_id INTEGER NOT NULL REFERENCES proposal(id),
                        shareholder TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('advice', 'consent', 'refusal')),
                        on_date TEXT NOT NULL,
                        text TEXT NOT NULL
                    );
                    CREATE TABLE ballot (
                        id INTEGER PRIMARY KEY,
                        proposal_id INTEGER NOT NULL UNIQUE REFERENCES proposal(id),
                        method TEXT NOT NULL,
                        options TEXT NOT NULL,
                        seats INTEGER,
                        budget INTEGER,
                        state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
                        result TEXT
                    );
                    -- A vote holds nothing that links it to a member, a code or a session.
                    -- No rowid: the table keeps no insertion order; rows sort by their random receipt.
                    CREATE TABLE vote (
                        ballot_id INTEGER NOT NULL REFERENCES ballot(id),
                        receipt TEXT NOT NULL,
                        choice TEXT NOT NULL,
                        PRIMARY KEY (ballot_id, receipt)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v3 voting codes and the secret ballot") { db in
            try db.execute(
                sql: """
                    CREATE TABLE assembly_secret (
                        assembly_id INTEGER PRIMARY KEY REFERENCES assembly(id),
                        secret BLOB NOT NULL
                    );
                    -- Only a keyed hash of each code is stored; the plain code exists on the letter alone.
                    CREATE TABLE voting_code (
                        code_hash BLOB PRIMARY KEY NOT NULL,
                        assembly_id INTEGER NOT NULL REFERENCES assembly(id),
                        resident_id TEXT NOT NULL REFERENCES resident(id),
                        state TEXT NOT NULL CHECK (state IN ('issued', 'active', 'revoked'))
                    ) WITHOUT ROWID;
                    CREATE INDEX voting_code_by_member ON voting_code(assembly_id, resident_id);
                    -- "This code has voted on this ballot", apart from the votes; at most once.
                    CREATE TABLE code_vote (
                        ballot_id INTEGER NOT NULL REFERENCES ballot(id),
                        code_hash BLOB NOT NULL,
                        PRIMARY KEY (ballot_id, code_hash)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v4 board and desk accounts") { db in
            try db.execute(
                sql: """
                    -- Passwords are stored as Argon2id hashes only (libsodium's string form).
                    CREATE TABLE staff_account (
                        name TEXT PRIMARY KEY NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
                        role TEXT NOT NULL CHECK (role IN ('board', 'desk')),
                        password_hash TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        disabled_at TEXT
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v5 annual accounts and affiliated organisations") { db in
            try db.execute(
                sql: """
                    CREATE TABLE annual_accounts (
                        year INTEGER PRIMARY KEY,
                        presented_on TEXT NOT NULL,
                        recorded_at TEXT NOT NULL
                    );
                    CREATE TABLE organisation_confirmation (
                        id INTEGER PRIMARY KEY,
                        organisation TEXT NOT NULL,
                        year INTEGER NOT NULL,
                        on_date TEXT NOT NULL,
                        text TEXT NOT NULL,
                        UNIQUE (organisation, year)
                    );
                    """)
        }
        migrator.registerMigration("v6 decisions outside a meeting") { db in
            try db.execute(
                sql: """
                    CREATE TABLE outside_decision (
                        id INTEGER PRIMARY KEY,
                        title TEXT NOT NULL,
                        text TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        decided_on TEXT NOT NULL,
                        members INTEGER NOT NULL,
                        yes INTEGER NOT NULL CHECK (yes >= 0),
                        no INTEGER NOT NULL CHECK (no >= 0),
                        blank INTEGER NOT NULL CHECK (blank >= 0),
                        outcome TEXT NOT NULL,
                        CHECK (yes + no + blank <= members)
                    );
                    """)
        }
        migrator.registerMigration("v7 ballot markers that only the plain code produces") { db in
            try db.execute(
                sql: """
                    -- "This code voted on this ballot" under a per-ballot keyed hash of the plain code, so
                    -- that it never joins voting_code (which names the member); the receipt sealed under a
                    -- key only the plain code gives, so a voter may replace their vote where the statute allows.
                    -- Rows from before keep their count under random markers: their link to members is gone.
                    ALTER TABLE code_vote RENAME TO code_vote_v3;
                    CREATE TABLE code_vote (
                        ballot_id INTEGER NOT NULL REFERENCES ballot(id),
                        marker BLOB NOT NULL CHECK (length(marker) = 32),
                        sealed_receipt BLOB,
                        PRIMARY KEY (ballot_id, marker)
                    ) WITHOUT ROWID;
                    INSERT INTO code_vote (ballot_id, marker) SELECT ballot_id, randomblob(32) FROM code_vote_v3;
                    DROP TABLE code_vote_v3;
                    """)
        }
        migrator.registerMigration("v8 the association's signing key and its audit witnesses") { db in
            try db.execute(
                sql: """
                    -- The Ed25519 key that signs audit heads for outside witnesses (one per association).
                    CREATE TABLE signing_key (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        private_key BLOB NOT NULL CHECK (length(private_key) = 32),
                        created_at TEXT NOT NULL
                    );
                    -- Where `buurtstem audit witness` sends signed heads when no place is named.
                    CREATE TABLE witness_target (
                        path TEXT PRIMARY KEY NOT NULL,
                        added_at TEXT NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v9 a new code votes only on ballots opened after it") { db in
            try db.execute(
                sql: """
                    -- A code handed out while its member's earlier code could vote: it votes only on ballots
                    -- with this id or higher (those opened after it), so one member never votes twice.
                    -- NULL: every ballot of the assembly.
                    ALTER TABLE voting_code ADD COLUMN first_ballot INTEGER;
                    -- Votes of an old code carried over to its replacement (the member brought the old letter):
                    -- "the new code has voted on this ballot", under the new code's marker, with the old
                    -- marker and receipt sealed under a key only the new code gives. The old code's own row in
                    -- code_vote is left as it was: touching it in the reissue's transaction would tell whoever
                    -- holds the file which marker, and so which vote, was this member's.
                    CREATE TABLE carried_vote (
                        ballot_id INTEGER NOT NULL REFERENCES ballot(id),
                        marker BLOB NOT NULL CHECK (length(marker) = 32),
                        sealed BLOB,
                        PRIMARY KEY (ballot_id, marker)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v10 who voted in writing on a decision outside a meeting") { db in
            try db.execute(
                sql: """
                    -- The evidence of a decision outside a meeting (BW 2:40): which members voted in writing
                    -- (not how). The counts in outside_decision must add up to them.
                    CREATE TABLE outside_decision_voter (
                        decision_id INTEGER NOT NULL REFERENCES outside_decision(id),
                        resident_id TEXT NOT NULL REFERENCES resident(id),
                        PRIMARY KEY (decision_id, resident_id)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v11 second meetings, second rounds and admission decisions") { db in
            try db.execute(
                sql: """
                    -- A second meeting (BW 2 practice, `tweede vergadering binnen N dagen zonder quorum`): the
                    -- assembly whose items that failed for lack of quorum it takes, without quorum.
                    ALTER TABLE assembly ADD COLUMN second_meeting_of INTEGER REFERENCES assembly(id);
                    -- A proposal carried to a second meeting: the proposal that failed for lack of quorum.
                    ALTER TABLE proposal ADD COLUMN carried_from INTEGER REFERENCES proposal(id);
                    -- A second round after a tie (`staking herstemming`): the ballot whose votes tied. A
                    -- proposal then has two ballots, so `UNIQUE (proposal_id)` becomes: one first round per
                    -- proposal, one second round per first. (SQLite drops a column constraint only by
                    -- rebuilding the table; foreign keys are off during a migration and checked after it.)
                    CREATE TABLE ballot_v11 (
                        id INTEGER PRIMARY KEY,
                        proposal_id INTEGER NOT NULL REFERENCES proposal(id),
                        method TEXT NOT NULL,
                        options TEXT NOT NULL,
                        seats INTEGER,
                        budget INTEGER,
                        state TEXT NOT NULL CHECK (state IN ('open', 'closed')),
                        result TEXT,
                        round_of INTEGER REFERENCES ballot(id)
                    );
                    INSERT INTO ballot_v11 (id, proposal_id, method, options, seats, budget, state, result)
                        SELECT id, proposal_id, method, options, seats, budget, state, result FROM ballot;
                    DROP TABLE ballot;
                    ALTER TABLE ballot_v11 RENAME TO ballot;
                    CREATE UNIQUE INDEX ballot_first_round ON ballot(proposal_id) WHERE round_of IS NULL;
                    CREATE UNIQUE INDEX ballot_second_round ON ballot(round_of) WHERE round_of IS NOT NULL;
                    -- Applications for membership and the decision on each (board or general assembly).
                    -- Only what the decision needs: who (the register has the rest), when, the intake's day,
                    -- whether the board confirmed the profile, and a refusal's reason.
                    CREATE TABLE membership_application (
                        id INTEGER PRIMARY KEY,
                        resident_id TEXT NOT NULL REFERENCES resident(id),
                        applied_on TEXT NOT NULL,
                        intake_on TEXT,
                        meets_profile INTEGER NOT NULL DEFAULT 0 CHECK (meets_profile IN (0, 1)),
                        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'granted', 'refused')),
                        decided_by TEXT CHECK (decided_by IN ('board', 'assembly')),
                        assembly_id INTEGER REFERENCES assembly(id),
                        decided_on TEXT,
                        reason TEXT,
                        recorded_at TEXT NOT NULL,
                        CHECK ((state = 'pending') = (decided_on IS NULL)),
                        CHECK (state <> 'refused' OR length(reason) > 0)
                    );
                    CREATE INDEX membership_application_by_resident ON membership_application(resident_id);
                    -- The board: who sat on it from when until when, and whose seat (a party the statute gives one).
                    CREATE TABLE board_member (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL CHECK (length(name) > 0),
                        seat_for TEXT,
                        appointed_on TEXT NOT NULL,
                        left_on TEXT,
                        recorded_at TEXT NOT NULL,
                        CHECK (left_on IS NULL OR left_on >= appointed_on)
                    );
                    """)
        }
        migrator.registerMigration("v12 proposal states checked by the database; a refusal kept in Dutch too") { db in
            // `proposal.state` had no CHECK (v2): a table rebuild would touch every foreign key to
            // proposals, so triggers hold the same rule for inserts and updates.
            let states = "'draft', 'submitted', 'admitted', 'refused', 'onAgenda', 'decided'"
            try db.execute(
                sql: """
                    CREATE TRIGGER proposal_state_on_insert BEFORE INSERT ON proposal
                    WHEN NEW.state NOT IN (\(states))
                    BEGIN SELECT RAISE(ABORT, 'proposal.state is not a known state'); END;
                    CREATE TRIGGER proposal_state_on_update BEFORE UPDATE OF state ON proposal
                    WHEN NEW.state NOT IN (\(states))
                    BEGIN SELECT RAISE(ABORT, 'proposal.state is not a known state'); END;
                    ALTER TABLE proposal ADD COLUMN refusal_nl TEXT;
                    """)
        }
        registerRetention(in: &migrator)
        registerBallotRules(in: &migrator)
        return migrator
    }
}
