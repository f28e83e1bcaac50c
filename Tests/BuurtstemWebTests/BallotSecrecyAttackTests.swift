import BuurtstemCore
import BuurtstemStore
import BuurtstemWeb
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Statuut
import Testing

/// The attack of a file holder: whoever copies the database (and its WAL) during the evening —
/// the host, a board member with the laptop, a backup — tries to link each vote to its member.
///
/// Votes go through the server one by one; after each vote the files are copied, as a backup job
/// or a curious board member could. The linker then uses everything the copies hold: every table,
/// the assembly secret, and the order in which rows appeared from one copy to the next (what the
/// WAL's commit order tells). A vote is linked when a row that appeared with it carries a value
/// that some table ties to a member. Votes it cannot link it pairs with members at random (seeded),
/// which is what chance does; the test asserts it does no better than chance.
@Suite("The secret ballot against whoever holds the database file")
struct BallotSecrecyAttackTests {
    struct Snapshot {
        /// Every row of every table but `vote`, as text of its values, per table.
        var rows: [String: Set<[String]>]
        /// Every vote: receipt → choice.
        var votes: [String: String]
    }

    static func snapshot(of directory: URL, name: String, into copies: URL) throws -> Snapshot {
        let copy = copies.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for suffix in ["", "-wal", "-shm"] {
            let source = directory.appendingPathComponent("assoc.sqlite" + suffix)
            if FileManager.default.fileExists(atPath: source.path) {
                try FileManager.default.copyItem(at: source, to: copy.appendingPathComponent("assoc.sqlite" + suffix))
            }
        }
        let queue = try DatabaseQueue(path: copy.appendingPathComponent("assoc.sqlite").path)
        return try queue.read { db in
            var rows: [String: Set<[String]>] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") where table != "vote"
            {
                rows[table] = Set(
                    try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"").map { row in
                        row.databaseValues.map { value -> String in
                            switch value.storage {
                            case .blob(let data): return "x" + data.map { String(format: "%02x", $0) }.joined()
                            case .string(let text): return text
                            default: return value.description
                            }
                        }
                    })
            }
            let votes = Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT receipt, choice FROM vote").map { ($0[0] as String, $0[1] as String) })
            return Snapshot(rows: rows, votes: votes)
        }
    }

    /// Which member a value points to: every value in a row that also names a resident.
    static func membersByValue(_ snapshot: Snapshot) -> [String: String] {
        var map: [String: String] = [:]
        for (_, rows) in snapshot.rows {
            for row in rows {
                guard let member = row.first(where: { $0.hasPrefix("R") && Int($0.dropFirst()) != nil }) else { continue }
                for value in row where value != member && value.count >= 16 { map[value] = member }
            }
        }
        return map
    }

    /// Rows that appeared or went between two copies, in every table but `vote` and the audit log's
    /// own bookkeeping (its running head changes in every transaction and belongs to nobody).
    static func changed(_ before: Snapshot, _ after: Snapshot) -> [[String]] {
        var rows: [[String]] = []
        for table in Set(before.rows.keys).union(after.rows.keys) where !["audit_state", "audit_checkpoint"].contains(table) {
            let old = before.rows[table] ?? []
            let new = after.rows[table] ?? []
            rows += Array(new.subtracting(old)) + Array(old.subtracting(new))
        }
        return rows
    }

    static func isMember(_ value: String) -> Bool { value.hasPrefix("R") && Int(value.dropFirst()) != nil }

    /// The best linker we know: member → receipt, from the sequence of copies. First it learns which
    /// values belong to which member: every value in a row that names a member, and every value in a
    /// row that changed in a transaction that named exactly one member (a check-in, a new code).
    /// Then it ties each vote to the member whose values changed in the vote's transaction.
    static func link(_ snapshots: [Snapshot]) -> [String: String] {
        var links: [String: String] = [:]
        guard let last = snapshots.last else { return links }
        var owners = membersByValue(last)
        for (before, after) in zip(snapshots, snapshots.dropFirst()) {
            let rows = changed(before, after)
            let members = Set(rows.flatMap { $0.filter(isMember) })
            guard members.count == 1, let member = members.first else { continue }
            // Keys and hashes (blobs) are what identify; times and counts are shared by many rows.
            for value in rows.joined() where value.hasPrefix("x") && value.count >= 16 { owners[value] = member }
        }
        for (before, after) in zip(snapshots, snapshots.dropFirst()) {
            let newReceipts = Set(after.votes.keys).subtracting(before.votes.keys)
            guard newReceipts.count == 1, let receipt = newReceipts.first else { continue }
            var members: Set<String> = []
            for value in changed(before, after).joined() {
                if let member = owners[value] { members.insert(member) }
                if isMember(value) { members.insert(value) }
            }
            if members.count == 1, let member = members.first { links[member] = receipt }
        }
        return links
    }

    @Test("copies of the database taken during the evening link no vote to its member (no better than chance)")
    func fileHolderCannotLink() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("secrecy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = try AppDatabase(
            path: directory.appendingPathComponent("assoc.sqlite").path,
            clock: .fixed(Moment(CivilDate(iso: "2026-03-20")!, seconds: 70_000)))
        let (codes, ballot) = try WebTests.prepare(db)
        let app = BuurtstemServer.application(database: db)
        let voters = (1...20).map { ResidentID("R\($0)") }
        let copies = directory.appendingPathComponent("copies")
        let first = try Self.snapshot(of: directory, name: "0", into: copies)
        let (truth, snapshots) = try await app.test(.router) { client in
            var truth: [String: String] = [:]  // member → receipt
            var snapshots = [first]
            for (n, member) in voters.enumerated() {
                let choice = [2, 3, 5, 7, 11, 13].contains(n) ? "no" : "yes"
                let receipt = try await client.execute(
                    uri: "/api/v1/votes", method: .post, headers: WebTests.jsonHeaders,
                    body: WebTests.body(codes[member]!, ballot, choice)
                ) { response in
                    #expect(response.status == .created)
                    return String(String(buffer: response.body).split(separator: "\"")[3])
                }
                truth[member.rawValue] = receipt
                snapshots.append(try Self.snapshot(of: directory, name: "\(n + 1)", into: copies))
            }
            // Then five members bring their letter to the desk for a new code (their votes carry over).
            for (n, member) in voters.prefix(5).enumerated() {
                _ = try db.reissueCode(assembly: 1, member: member, old: codes[member]!)
                snapshots.append(try Self.snapshot(of: directory, name: "reissue-\(n)", into: copies))
            }
            return (truth, snapshots)
        }
        #expect(truth.count == 20)
        // On the design before issue 10 this linker tied all 20 votes to their members. Now it ties
        // none: every vote is one of 20 equally likely, which is chance.
        let links = Self.link(snapshots)
        let correct = truth.filter { links[$0.key] == $0.value }.count
        #expect(links.isEmpty, "the linker tied votes to members: \(links)")
        #expect(correct == 0, "the file holder linked \(correct) of 20 votes to their members")
        // The marker rows that appeared with each vote match nothing that names a member.
        let owners = Self.membersByValue(snapshots.last!)
        let markers = snapshots.last!.rows["code_vote"]?.flatMap { $0 } ?? []
        #expect(markers.count >= 20 && markers.allSatisfy { owners[$0] == nil })
    }
}

/// A small deterministic generator (SplitMix64) so that "chance" is the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
