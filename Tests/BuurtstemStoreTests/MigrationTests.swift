import BuurtstemCore
import Foundation
import GRDB
import Statuut
import Testing

@testable import BuurtstemStore

/// A database made before this release's migrations upgrades without losing a vote.
@Suite("Migrations")
struct MigrationTests {
    @Test("a v6 database with votes upgrades: code uses keep their count under unlinkable markers, the new tables and columns exist, the log verifies")
    func upgradeFromV6() throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.configuration())
        try Migrations.migrator.migrate(queue, upTo: "v6 decisions outside a meeting")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO association (id, name, created_at) VALUES (1, 'Oud', '2026-01-01T00:00:00Z');
                    INSERT INTO resident (id) VALUES ('R1'), ('R2');
                    INSERT INTO assembly (id, date, place, state) VALUES (1, '2026-03-20', 'LuCafé', 'open');
                    INSERT INTO proposal (id, assembly_id, title, text, kind, source_kind, state) VALUES (1, 1, 'x', '', 'gewoon', 'board', 'onAgenda');
                    INSERT INTO ballot (id, proposal_id, method, options, state) VALUES (1, 1, 'yesNo', '[]', 'open');
                    INSERT INTO voting_code (code_hash, assembly_id, resident_id, state) VALUES (x'01', 1, 'R1', 'active'), (x'02', 1, 'R2', 'active');
                    INSERT INTO code_vote (ballot_id, code_hash) VALUES (1, x'01'), (1, x'02');
                    INSERT INTO vote (ballot_id, receipt, choice) VALUES (1, 'AAAAAAAAAA', 'yes'), (1, 'BBBBBBBBBB', 'no');
                    """)
        }
        let db = try AppDatabase(writer: queue)  // runs the rest: v7, v8, v9
        try queue.read { db in
            let markers = try Data.fetchAll(db, sql: "SELECT marker FROM code_vote WHERE ballot_id = 1")
            #expect(markers.count == 2 && markers.allSatisfy { $0.count == 32 })
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM code_vote JOIN voting_code ON voting_code.code_hash = code_vote.marker") == 0)
            #expect(try Row.fetchAll(db, sql: "PRAGMA table_info(voting_code)").map { $0["name"] as String }.contains("first_ballot"))
            #expect(try db.tableExists("carried_vote") && db.tableExists("signing_key") && db.tableExists("witness_target"))
            #expect(try !db.tableExists("code_vote_v3"))
        }
        #expect(try db.voteIntegrity().first?.codesUsed == 2)
    }
}
