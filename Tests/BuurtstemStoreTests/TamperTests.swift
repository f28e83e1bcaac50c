import BuurtstemCore
import BuurtstemStore
import Foundation
import GRDB
import Statuut
import Testing

/// An attacker with write access to the database file changes the audit log in every way we can
/// think of; given a head recorded earlier, `verify` must notice every single time.
@Suite("Tamper evidence")
struct TamperTests {
    enum Tamper: CaseIterable {
        case payloadByte, deleteRow, swapRows, truncateTail, timestamp, rewriteWithNewHash, actor
    }

    /// A real database with a few hundred entries: an opt-in association where 300 residents join.
    static func original() throws -> (DatabaseQueue, AuditHead) {
        let db = try StoreFixtures.database("soesterkwartier")
        let csv =
            "id;postcode;huisnummer;geboortedatum;ingeschreven\n"
            + (1...300).map { "R\($0);3812 \(["AB", "AC", "AD", "AE"][$0 % 4]);\($0);1980-01-01;2010-01-01" }.joined(separator: "\n")
        _ = try db.importRegister(try StoreFixtures.extract(csv, on: "2026-06-01"), fileName: "r.csv", fileSHA256: "h", extractDate: day("2026-06-01"))
        for n in 1...300 { try db.join(ResidentID("R\(n)"), on: day("2026-06-02")) }
        let head = try db.auditHead()
        let copy = try DatabaseQueue()
        try db.writer.backup(to: copy)
        return (copy, head)
    }

    @Test("1,000 random tamperings are all detected, naming the entry where one is named")
    func thousandTamperings() throws {
        let (original, head) = try Self.original()
        var random = SystemRandomNumberGenerator()
        var counts: [Tamper: Int] = [:]
        for round in 0..<1000 {
            let tamper = Tamper.allCases[round % Tamper.allCases.count]
            let copy = try DatabaseQueue()
            try original.backup(to: copy)
            let target = try apply(tamper, to: copy, size: head.size, using: &random)
            let result = try AppDatabase(writer: copy, foreignSchema: .report).verifyAudit(trusted: head)
            #expect(!result.isIntact, "\(tamper) of entry \(target) went unnoticed")
            if let target, [.payloadByte, .timestamp, .actor, .deleteRow].contains(tamper) {
                #expect(result.problems.compactMap(\.seq).min() == target, "\(tamper): wrong entry named")
            }
            counts[tamper, default: 0] += 1
        }
        #expect(counts.values.reduce(0, +) == 1000)
    }

    @Test("a history rewritten and re-hashed from the start is caught by the signed heads an outside witness keeps")
    func witnessedHeads() throws {
        func association(residents: Int) throws -> AppDatabase {
            let db = try StoreFixtures.database("soesterkwartier")
            let csv =
                "id;postcode;huisnummer;geboortedatum;ingeschreven\n"
                + (1...residents).map { "R\($0);3812 AB;\($0);1980-01-01;2010-01-01" }.joined(separator: "\n")
            _ = try db.importRegister(try StoreFixtures.extract(csv, on: "2026-06-01"), fileName: "r.csv", fileSHA256: "h", extractDate: day("2026-06-01"))
            return db
        }
        let real = try association(residents: 20)
        let first = try real.signedAuditHead(for: ["/srv/kascommissie"])
        for n in 1...20 { try real.join(ResidentID("R\(n)"), on: day("2026-06-02")) }
        let second = try real.signedAuditHead(for: ["/srv/kascommissie"])
        #expect(first.hasValidSignature && second.hasValidSignature && first.publicKey == second.publicKey)
        #expect(try SignedAuditHead(line: second.line) == second)
        let clean = try real.verifyAudit(witnessed: [first, second])
        #expect(clean.verification.isIntact && clean.signatureProblems.isEmpty)

        // A board member builds the history anew (one member fewer), self-consistent and re-hashed,
        // and even keeps the association's signing key: the witnessed roots no longer match.
        let forged = try association(residents: 20)
        try forged.writer.write { db in
            try db.execute(sql: "DELETE FROM signing_key")
            try db.execute(
                sql: "INSERT INTO signing_key SELECT * FROM (SELECT 1, ?, '2026-06-01T00:00:00Z')",
                arguments: [try real.writer.read { try Data.fetchOne($0, sql: "SELECT private_key FROM signing_key") }])
        }
        for n in 1...19 { try forged.join(ResidentID("R\(n)"), on: day("2026-06-02")) }
        for n in 1...6 { try forged.addWitnessTarget("/place/\(n)") }
        #expect(try forged.auditHead().size > second.head.size)
        #expect(try forged.verifyAudit().isIntact, "on its own the forged log is consistent")
        let caught = try forged.verifyAudit(witnessed: [first, second])
        #expect(caught.verification.problems.contains { if case .trustedHeadMismatch = $0 { return true } else { return false } })

        // A forged log with its own key is caught by the key too; a changed line by its signature.
        let other = try association(residents: 20)
        #expect(try other.verifyAudit(witnessed: [first]).signatureProblems.contains { $0.contains("no signing key") })
        _ = try other.signingPublicKey()
        #expect(try other.verifyAudit(witnessed: [first]).signatureProblems.contains { $0.contains("another key") })
        var altered = second
        altered.head = AuditHead(size: second.head.size - 1, root: second.head.root)
        #expect(!altered.hasValidSignature)
        #expect(try real.verifyAudit(witnessed: [altered]).signatureProblems.contains { $0.contains("valid signature") })
    }

    @Test("an untouched copy verifies against its head")
    func untouched() throws {
        let (original, head) = try Self.original()
        let result = try AppDatabase(writer: original).verifyAudit(trusted: head)
        #expect(result.isIntact)
        #expect(result.head == head)
    }

    @Test("a damaged stored head is reported, not a crash")
    func damagedHead() throws {
        let (original, head) = try Self.original()
        try original.write { try $0.execute(sql: "UPDATE audit_state SET frontier = x'0102030405'") }
        let db = try AppDatabase(writer: original)
        #expect(throws: StoreError.self) { try db.auditHead() }
        #expect(!(try db.verifyAudit(trusted: head).isIntact))
    }

    @Test("the log refuses updates and deletes through SQL")
    func appendOnly() throws {
        let (original, _) = try Self.original()
        #expect(throws: (any Error).self) { try original.write { try $0.execute(sql: "UPDATE audit_entry SET actor = 'x' WHERE seq = 1") } }
        #expect(throws: (any Error).self) { try original.write { try $0.execute(sql: "DELETE FROM audit_entry WHERE seq = 1") } }
    }

    /// Applies one tampering; returns the entry it changed first, where that is one entry.
    func apply(_ tamper: Tamper, to db: DatabaseQueue, size: Int, using random: inout SystemRandomNumberGenerator) throws -> Int? {
        let seq = Int.random(in: 1...size, using: &random)
        return try db.write { db -> Int? in
            try db.execute(sql: "DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete")
            switch tamper {
            case .payloadByte:
                let payload = try String.fetchOne(db, sql: "SELECT payload FROM audit_entry WHERE seq = ?", arguments: [seq])!
                var bytes = Array(payload.utf8)
                let i = Int.random(in: 0..<bytes.count, using: &random)
                bytes[i] = bytes[i] == UInt8(ascii: "7") ? UInt8(ascii: "8") : UInt8(ascii: "7")
                try db.execute(sql: "UPDATE audit_entry SET payload = ? WHERE seq = ?", arguments: [String(decoding: bytes, as: UTF8.self), seq])
                return seq
            case .deleteRow:
                try db.execute(sql: "DELETE FROM audit_entry WHERE seq = ?", arguments: [seq])
                return seq
            case .swapRows:
                var other = Int.random(in: 1...size, using: &random)
                if other == seq { other = seq == size ? 1 : seq + 1 }
                try db.execute(
                    sql: """
                        UPDATE audit_entry SET seq = -1 WHERE seq = ?;
                        UPDATE audit_entry SET seq = ? WHERE seq = ?;
                        UPDATE audit_entry SET seq = ? WHERE seq = -1;
                        """, arguments: [seq, seq, other, other])
                return nil
            case .truncateTail:
                let keep = Int.random(in: 0..<size, using: &random)
                try db.execute(sql: "DELETE FROM audit_entry WHERE seq > ?", arguments: [keep])
                // A careful attacker also rewinds the stored head.
                try db.execute(sql: "UPDATE audit_state SET size = ?", arguments: [keep])
                try db.execute(sql: "DELETE FROM audit_checkpoint WHERE size > ?", arguments: [keep])
                return nil
            case .timestamp:
                try db.execute(sql: "UPDATE audit_entry SET at = '2020-01-01T00:00:00Z' WHERE seq = ?", arguments: [seq])
                return seq
            case .actor:
                try db.execute(sql: "UPDATE audit_entry SET actor = 'board:mallory' WHERE seq = ?", arguments: [seq])
                return seq
            case .rewriteWithNewHash:
                // Change an entry and recompute its leaf hash, so the row looks consistent on its own.
                let row = try Row.fetchOne(db, sql: "SELECT seq, at, actor, action, payload FROM audit_entry WHERE seq = ?", arguments: [seq])!
                let payload = "{\"forged\":true}"
                let bytes = AuditEntry.canonicalBytes(seq: row[0], at: row[1], actor: row[2], action: row[3], payload: payload)
                try db.execute(
                    sql: "UPDATE audit_entry SET payload = ?, leaf_hash = ? WHERE seq = ?",
                    arguments: [payload, Data(MerkleTree.leafHash(bytes).bytes), seq])
                try db.execute(sql: "DELETE FROM audit_checkpoint")
                return nil
            }
        }
    }
}
