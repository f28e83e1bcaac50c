import BuurtstemCore
import BuurtstemStore
import Foundation
import GRDB
import Statuut
import Testing

/// Whoever holds the file rewrites a vote and hides it behind a "purge": every check must still
/// see it. Purges the retention rule made, in logs old and new, must still verify.
@Suite("Purges that cannot be forged")
struct ForgedPurgeTests {
    /// Appends an entry as an attacker would: a correct leaf (form 2, or form 1 as an older release
    /// wrote it), the stored head rebuilt.
    static func forgeAppend(_ db: Database, action: String, payload: String, form: AuditLeaf.Form = .digest) throws {
        let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM audit_entry") ?? 0) + 1
        let at = "2026-03-20T21:00:00Z"
        let leaf = AuditLeaf.hash(form, seq: seq, at: at, actor: "system", action: action, payload: payload)
        try db.execute(
            sql: "INSERT INTO audit_entry (seq, at, actor, action, payload, leaf_hash) VALUES (?, ?, 'system', ?, ?, ?)",
            arguments: [seq, at, action, payload, Data(leaf.bytes)])
        try rebuildState(db)
    }

    /// Recomputes `audit_state` and the checkpoints from the stored leaves (what a careful attacker does).
    static func rebuildState(_ db: Database) throws {
        var frontier = MerkleTree.Frontier()
        try db.execute(sql: "DELETE FROM audit_checkpoint")
        for data in try Data.fetchAll(db, sql: "SELECT leaf_hash FROM audit_entry ORDER BY seq") {
            frontier.append(Hash([UInt8](data)))
            try db.execute(
                sql: "INSERT INTO audit_checkpoint (size, root, at) VALUES (?, ?, '2026-03-20T21:00:00Z')",
                arguments: [frontier.size, Data(frontier.root.bytes)])
        }
        try db.execute(
            sql: "UPDATE audit_state SET size = ?, frontier = ? WHERE id = 1",
            arguments: [frontier.size, Data(frontier.nodes.flatMap { $0.hash.bytes })])
    }

    /// The attack as it was found: one vote's choice changed, its `vote.cast` entry found through
    /// its commitment and replaced by a purged payload (leaf kept), a `data.purged` entry appended.
    static func forgePurgedVote(_ queue: DatabaseQueue, payload: (String) -> String) throws -> Int {
        try queue.write { db in
            for trigger in ["audit_entry_no_update", "audit_entry_no_delete"] { try db.execute(sql: "DROP TRIGGER \(trigger)") }
            let secret = [UInt8](try Data.fetchOne(db, sql: "SELECT secret FROM assembly_secret WHERE assembly_id = 1")!)
            let casts = try Row.fetchAll(db, sql: "SELECT seq, payload FROM audit_entry WHERE action = 'vote.cast'")
            let found = try Row.fetchAll(db, sql: "SELECT receipt, choice FROM vote WHERE ballot_id = 1 AND choice = 'yes'").lazy.compactMap { vote in
                let commitment = VoteCommitment.vote(secret: secret, ballot: 1, receipt: vote["receipt"], choice: vote["choice"])
                return casts.first { ($0["payload"] as String).contains(commitment) }.map { (vote, $0) }
            }.first
            let (vote, entry) = try #require(found)
            try db.execute(sql: "UPDATE vote SET choice = 'no' WHERE ballot_id = 1 AND receipt = ?", arguments: [vote["receipt"] as String])
            let seq: Int = entry["seq"]
            try db.execute(sql: "UPDATE audit_entry SET payload = ? WHERE seq = ?", arguments: [payload(entry["payload"]), seq])
            try forgeAppend(db, action: "data.purged", payload: #"{"entries":[\#(seq)]}"#)
            try db.execute(
                sql: """
                    CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
                        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
                        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    """)
            return seq
        }
    }

    @Test(
        "a changed vote hidden behind a forged purge of its vote.cast entry is caught by audit verify and ballot verify",
        arguments: ["as found (any digest, the ballot kept)", "the exact purge form, with the payload's true digest"])
    func forgedPurgeOfAVote(_ form: String) throws {
        let (queue, head) = try VoteTamperTests.evening()
        let seq = try Self.forgePurgedVote(queue) { original in
            form.hasPrefix("as found")
                ? #"{"purged":"\#(String(repeating: "ab", count: 32))","ballot":1}"#
                : PurgedPayload.text(replacing: .sha256(Array(original.utf8)))
        }
        let db = try AppDatabase(writer: queue)
        let verification = try db.verifyAudit(trusted: head)
        #expect(!verification.isIntact)
        #expect(
            verification.problems.contains { $0.seq == seq && "\($0)".contains("only entries with a resident's data are ever purged") },
            "\(verification.problems)")
        let first = try #require(try db.voteIntegrity().first { $0.ballot == 1 })
        #expect(!first.isConsistent)
        #expect(first.logProblems.contains { $0.contains("entry \(seq) (vote.cast) has a purged payload") }, "\(first.logProblems)")
    }

    @Test("a purge the retention rule made verifies through the digest it keeps; a changed digest does not")
    func realPurgeVerifies() throws {
        let db = try ComplianceTests.keptScenario()
        let head = try db.auditHead()
        let report = try db.purge(before: day("2029-06-01"), on: day("2029-06-01"))
        #expect(report.logEntries > 0)
        #expect(try db.verifyAudit(trusted: head).isIntact)
        // Another digest in one purged payload, even of a personal entry and listed: its leaf says otherwise.
        let seq = try db.writer.write { db -> Int in
            try db.execute(sql: "DROP TRIGGER audit_entry_no_update")
            let seq = try Int.fetchOne(db, sql: #"SELECT MIN(seq) FROM audit_entry WHERE payload LIKE '{"purged":%'"#)!
            try db.execute(
                sql: "UPDATE audit_entry SET payload = ? WHERE seq = ?", arguments: [PurgedPayload.text(replacing: .sha256([1, 2, 3])), seq])
            return seq
        }
        let problems = try db.verifyAudit().problems
        #expect(problems.contains(.entryAltered(seq: seq)), "\(problems)")
    }

    @Test("a log written in form 1 and purged then still verifies; a vote hidden in it the same way does not")
    func legacyLog() throws {
        let (queue, _) = try VoteTamperTests.evening()
        // The log as an older release wrote it: every leaf over the whole entry.
        try queue.write { db in
            for trigger in ["audit_entry_no_update", "audit_entry_no_delete"] { try db.execute(sql: "DROP TRIGGER \(trigger)") }
            for row in try Row.fetchAll(db, sql: "SELECT seq, at, actor, action, payload FROM audit_entry") {
                let leaf = AuditLeaf.hash(.whole, seq: row[0], at: row[1], actor: row[2], action: row[3], payload: row[4])
                try db.execute(sql: "UPDATE audit_entry SET leaf_hash = ? WHERE seq = ?", arguments: [Data(leaf.bytes), row[0] as Int])
            }
            try Self.rebuildState(db)
            // Purged as that release did: the payload replaced, the leaf kept.
            let seq = try Int.fetchOne(db, sql: "SELECT MIN(seq) FROM audit_entry WHERE action = 'member.checked-in'")!
            let payload = try String.fetchOne(db, sql: "SELECT payload FROM audit_entry WHERE seq = ?", arguments: [seq])!
            try db.execute(
                sql: "UPDATE audit_entry SET payload = ? WHERE seq = ?", arguments: [PurgedPayload.text(replacing: .sha256(Array(payload.utf8))), seq])
            try Self.forgeAppend(db, action: "data.purged", payload: #"{"entries":[\#(seq)]}"#, form: .whole)
            try db.execute(
                sql: """
                    CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
                        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
                        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                    """)
        }
        let db = try AppDatabase(writer: queue)
        let head = try db.auditHead()
        #expect(try db.verifyAudit(trusted: head).problems == [])
        // New entries are written in form 2 after the old ones, and the whole still verifies.
        try db.addStaff(name: "fatima", role: .board, password: "bankjes op het plein")
        #expect(try db.verifyAudit(trusted: head).problems == [])
        #expect(try db.voteIntegrity().allSatisfy(\.isConsistent))
        // The attack on the old log: a vote.cast entry is never purged, whatever its form.
        let seq = try Self.forgePurgedVote(queue) { _ in #"{"purged":"\#(String(repeating: "0", count: 64))"}"# }
        let problems = try db.verifyAudit(trusted: head).problems
        #expect(problems.contains(.purgeNotAllowed(seq: seq, action: "vote.cast")), "\(problems)")
        #expect(try db.voteIntegrity().contains { !$0.isConsistent })
    }

    @Test("a purged entry that no data.purged entry lists is caught")
    func unlistedPurge() throws {
        let db = try ComplianceTests.keptScenario()
        let seq = try db.writer.write { db -> Int in
            try db.execute(sql: "DROP TRIGGER audit_entry_no_update")
            let seq = try Int.fetchOne(db, sql: "SELECT MIN(seq) FROM audit_entry WHERE action = 'member.checked-in'")!
            let payload = try String.fetchOne(db, sql: "SELECT payload FROM audit_entry WHERE seq = ?", arguments: [seq])!
            try db.execute(
                sql: "UPDATE audit_entry SET payload = ? WHERE seq = ?", arguments: [PurgedPayload.text(replacing: .sha256(Array(payload.utf8))), seq])
            return seq
        }
        #expect(try db.verifyAudit().problems.contains(.purgeNotListed(seq: seq)))
    }

    @Test("an inclusion proof of a form-2 entry checks its payload's digest; a purged one still proves its header")
    func proofs() throws {
        let db = try ComplianceTests.keptScenario()
        let seq = try db.writer.read { try Int.fetchOne($0, sql: "SELECT MIN(seq) FROM audit_entry WHERE action = 'member.checked-in'")! }
        var proof = try db.auditProof(seq: seq)
        #expect(proof.isValid && proof.payload != nil && proof.entry.contains(#""v":2"#))
        proof.payload = proof.payload.map { $0.replacingOccurrences(of: "R", with: "X") }
        #expect(!proof.isValid)
        _ = try db.purge(before: day("2029-06-01"), on: day("2029-06-01"))
        let purged = try db.auditProof(seq: seq)
        #expect(purged.isValid && purged.payload == nil)
    }
}
