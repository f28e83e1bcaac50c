import BuurtstemCore
import BuurtstemStore
import Foundation
import GRDB
import Statuut
import Testing

/// Whoever holds the database changes one row of `vote`, `ballot`, `code_vote` or `audit_entry`
/// (with the log's triggers dropped); `audit verify` against a head taken before must notice every
/// single change: each column changed, each row deleted, a row added.
@Suite("Tamper evidence for votes and ballots")
struct VoteTamperTests {
    /// An evening with a closed ballot (phone and paper votes, one replaced) and an open one.
    static func evening() throws -> (DatabaseQueue, AuditHead) {
        let text = StoreFixtures.statuteText("wildemanbuurt")
            .replacingOccurrences(of: "    staking verworpen\n", with: "    staking verworpen\n    stem wijzigen mag tot de sluiting\n")
        let (db, codes) = try SecretBallotTests.setUp(statute: text)
        for n in 1...12 { _ = try db.checkIn(ResidentID("R\(n)"), assembly: 1) }
        let first = try db.openBallot(proposal: 1)
        for n in 1...6 { _ = try db.castVote(code: codes[ResidentID("R\(n)")]!, ballot: first.id, choice: n % 3 == 0 ? "no" : "yes") }
        _ = try db.castVote(code: codes[ResidentID("R1")]!, ballot: first.id, choice: "blank")
        _ = try db.enterVotes(ballot: first.id, choice: "voor", count: 2)
        _ = try db.closeBallot(first.id)
        let second = try db.openBallot(proposal: 2)
        for n in 7...10 { _ = try db.castVote(code: codes[ResidentID("R\(n)")]!, ballot: second.id, choice: "yes") }
        let copy = try DatabaseQueue()
        try db.writer.backup(to: copy)
        #expect(try db.verifyAudit().isIntact)
        return (copy, try db.auditHead())
    }

    /// Every single-row change we can make to a table: each column of each row set to another value,
    /// each row deleted, and one row duplicated under a new key.
    static func changes(_ db: DatabaseQueue, table: String) throws -> [String] {
        try db.read { db in
            let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { (name: $0["name"] as String, key: ($0["pk"] as Int) > 0) }
            let keys = columns.filter(\.key).map(\.name)
            var statements: [String] = []
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table)") {
                let match = keys.map { "\($0) = \(literal(row[$0] as DatabaseValue))" }.joined(separator: " AND ")
                for column in columns {
                    statements.append("UPDATE \(table) SET \(column.name) = \(other(row[column.name] as DatabaseValue)) WHERE \(match)")
                }
                statements.append("DELETE FROM \(table) WHERE \(match)")
            }
            if let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table)") {
                let values = columns.map { column in
                    column.key && column.name != "ballot_id" ? other(row[column.name] as DatabaseValue) : literal(row[column.name] as DatabaseValue)
                }
                statements.append("INSERT INTO \(table) (\(columns.map(\.name).joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))")
            }
            return statements
        }
    }

    static func literal(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let n): return String(n)
        case .double(let d): return String(d)
        case .string(let s): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob(let data): return "x'" + data.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }

    /// A different value of the same kind.
    static func other(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "1"
        case .int64(let n): return String(n + 1)
        case .double(let d): return String(d + 1)
        case .string(let s):
            if s == "yes" { return "'no'" }
            if s == "no" { return "'yes'" }
            if s == "open" { return "'closed'" }
            if s == "closed" { return "'open'" }
            var chars = Array(s)
            if let i = chars.lastIndex(where: { $0.isNumber }) {
                chars[i] = chars[i] == "7" ? "8" : "7"
            } else if !chars.isEmpty {
                chars[0] = chars[0] == "Z" ? "Y" : "Z"
            } else {
                chars = ["x"]
            }
            return literal(DatabaseValue(value: String(chars))!)
        case .blob(let data):
            var bytes = [UInt8](data)
            if bytes.isEmpty { bytes = [1] } else { bytes[bytes.count - 1] ^= 0x01 }
            return "x'" + bytes.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }

    @Test(
        "every single-row change to vote, ballot, code_vote or audit_entry is caught by audit verify against an earlier head",
        arguments: ["vote", "ballot", "code_vote", "audit_entry"])
    func singleRowChanges(_ table: String) throws {
        let (original, head) = try Self.evening()
        var statements = try Self.changes(original, table: table)
        if table == "audit_entry" { statements = Array(statements.suffix(200)) }  // the entries of the evening
        #expect(statements.count > 10)
        var missed: [String] = []
        var applied = 0
        for statement in statements {
            let copy = try DatabaseQueue()
            try original.backup(to: copy)
            do {
                try copy.write { db in
                    try db.execute(sql: "DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete")
                    try db.execute(sql: statement)
                }
            } catch { continue }  // the schema itself refused the change (a CHECK, a key): nothing to detect
            applied += 1
            let verification = try AppDatabase(writer: copy, foreignSchema: .report).verifyAudit(trusted: head)
            if verification.isIntact { missed.append(statement) }
        }
        #expect(missed.isEmpty, "not caught: \(missed.prefix(5))")
        // Most changes are possible at all (a few are refused by the schema itself).
        #expect(applied * 2 >= statements.count, "only \(applied) of \(statements.count) changes could be made")
    }
}
