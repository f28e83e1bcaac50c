import BuurtstemCore
import BuurtstemStore
import Foundation
import GRDB
import Statuut
import Testing

/// Databases an earlier release wrote (`Fixtures/release-62af4c3/`, made by `scripts/release-fixture`
/// with that release's binary: a whole year per shipped statute, then a register update and a
/// purge) open, migrate and verify with this build, and every entry reads as its action's type
/// and writes the very bytes that release wrote.
@Suite("A database an earlier release wrote")
struct ReleaseFixtureTests {
    static let directory = StoreFixtures.repository.appendingPathComponent("Tests/BuurtstemStoreTests/Fixtures/release-62af4c3")

    static func fixtures() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil).filter { $0.pathExtension == "sqlite" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// A copy to open (opening migrates; the fixture stays as that release left it).
    static func open(_ fixture: URL) throws -> AppDatabase {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("release-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(at: fixture, to: copy)
        return try AppDatabase(path: copy.path, clock: StoreFixtures.clock)
    }

    @Test("it opens, migrates and verifies: the log, every ballot against the log, the votes")
    func verifies() throws {
        let fixtures = try Self.fixtures()
        #expect(fixtures.count >= 3)
        for fixture in fixtures {
            let db = try Self.open(fixture)
            let verification = try db.verifyAudit()
            #expect(verification.isIntact, "\(fixture.lastPathComponent): \(verification.problems)")
            let ballots = try db.voteIntegrity()
            #expect(!ballots.isEmpty && ballots.allSatisfy(\.isConsistent), "\(fixture.lastPathComponent)")
            _ = try db.complianceFacts()
        }
    }

    @Test("every entry reads as its action's type and writes the bytes that release wrote")
    func entriesReadAsTypes() throws {
        var actions: Set<AuditAction> = []
        for fixture in try Self.fixtures() {
            let db = try Self.open(fixture)
            let rows = try db.writer.read { try Row.fetchAll($0, sql: "SELECT seq, action, payload FROM audit_entry ORDER BY seq") }
            for row in rows {
                let (seq, name, payload): (Int, String, String) = (row[0], row[1], row[2])
                let action = try #require(AuditAction(rawValue: name), "\(fixture.lastPathComponent) #\(seq): unknown action \(name)")
                actions.insert(action)
                if PurgedPayload.claims(payload.utf8) { continue }
                let event = try AuditEvents.decode(action, payload: payload)
                #expect(event.payload.encoded(pretty: false) == payload, "\(fixture.lastPathComponent) #\(seq) \(name)")
            }
        }
        // The year, the register update and the purge write these at least.
        let expected: Set<AuditAction> = [
            .associationCreated, .residentsRegistered, .registerImported, .assemblyScheduled, .assemblyCalled, .codesIssued,
            .memberCheckedIn, .ballotOpened, .voteCast, .votesEntered, .ballotClosed, .assemblyClosed, .dataPurged,
        ]
        #expect(expected.isSubset(of: actions), "missing: \(expected.subtracting(actions))")
    }

    @Test("every stored result reads as a BallotResult and writes the very bytes that release stored")
    func resultsReadAsTypes() throws {
        var read = 0
        for fixture in try Self.fixtures() {
            let db = try Self.open(fixture)
            let stored = try db.writer.read { try String.fetchAll($0, sql: "SELECT result FROM ballot WHERE result IS NOT NULL") }
            for json in stored {
                let result = try BallotResult(json: json)
                #expect(result.stored == json, "\(fixture.lastPathComponent)")
                read += 1
            }
        }
        #expect(read >= 10)
    }
}
