import BuurtstemCore
import BuurtstemStore
import Foundation
import Statuut
import Testing

/// Backups that restore, and restores that refuse what they must: nothing is replaced unless the
/// copy is whole, belongs to this association and holds everything the database holds.
@Suite("Backups and restores")
struct BackupTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("buurtstem-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("a backup restores on a fresh folder with the same log, votes and results; the restore is logged")
    func roundTrip() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try ComplianceTests.keptScenario()
        let made = try db.backup(to: folder.appendingPathComponent("kopie.sqlite").path)
        #expect(made.head == (try db.auditHead()))
        #expect(throws: StoreError.self) { try db.backup(to: made.path) }  // never overwritten
        let target = folder.appendingPathComponent("fresh/wildeman.sqlite").path
        try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("fresh").path, withIntermediateDirectories: true)
        let restored = try Backups.restore(made.path, to: target)
        #expect(restored.checksumMatched == true && restored.lost == 0 && restored.head.size == made.head.size + 1)
        let back = try AppDatabase(path: target)
        #expect(try back.verifyAudit().isIntact)
        #expect(try back.voteIntegrity().allSatisfy(\.isConsistent))
        #expect(try back.assemblies().count == (try db.assemblies().count))
        var log = ""
        try back.exportAudit { log += $0 }
        #expect(log.contains("database.restored"))
    }

    @Test(
        "a damaged backup is refused and nothing is replaced",
        arguments: ["truncated", "changed byte", "changed byte without checksum", "not a database"])
    func damaged(_ damage: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try ComplianceTests.keptScenario()
        let made = try db.backup(to: folder.appendingPathComponent("kopie.sqlite").path)
        let target = folder.appendingPathComponent("wildeman.sqlite").path
        _ = try Backups.restore(made.path, to: target)
        let before = try Backups.sha256(ofFile: target)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: made.path)))
        switch damage {
        case "truncated": bytes = Array(bytes.prefix(bytes.count / 2))
        case "not a database": bytes = Array("id;postcode\nR1;1067 PB\n".utf8)
        default:
            // A byte inside an audit entry's payload: the text "ballot" of some entry becomes "bellot".
            let needle = Array("\"ballot\"".utf8)
            let at = try #require((0..<(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
            bytes[at + 2] = UInt8(ascii: "e")
            if damage.hasSuffix("without checksum") { try FileManager.default.removeItem(atPath: made.path + ".sha256") }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: made.path))
        let refused = #expect(throws: StoreError.self) { try Backups.restore(made.path, to: target, acceptLoss: true) }
        #expect(refused?.message.contains("nothing was replaced") == true, "\(String(describing: refused))")
        #expect(try Backups.sha256(ofFile: target) == before)
        #expect(!FileManager.default.fileExists(atPath: target + ".restoring"))
    }

    @Test("a backup of another association, an older backup, and a database a server still serves are refused")
    func refusals() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try ComplianceTests.keptScenario()
        let target = folder.appendingPathComponent("wildeman.sqlite").path
        let old = try db.backup(to: folder.appendingPathComponent("old.sqlite").path)
        _ = try Backups.restore(old.path, to: target)
        // The database moves on after the backup.
        let live = try AppDatabase(path: target)
        try live.addStaff(name: "fatima", role: .board, password: "bankjes op het plein")
        let other = try StoreFixtures.database("soesterkwartier")
        let foreign = try other.backup(to: folder.appendingPathComponent("soester.sqlite").path)
        let wrong = #expect(throws: StoreError.self) { try Backups.restore(foreign.path, to: target, acceptLoss: true) }
        #expect(wrong?.message.contains("another association") == true)
        let behind = #expect(throws: StoreError.self) { try Backups.restore(old.path, to: target) }
        #expect(behind?.message.contains("--accept-loss") == true)
        var served = ServingLock(serving: target)
        #expect(served != nil)
        let busy = #expect(throws: StoreError.self) { try Backups.restore(old.path, to: target, acceptLoss: true) }
        #expect(busy?.message.contains("a server is still using") == true)
        served = nil  // the server stops
        #expect(try AppDatabase(path: target).staffAccount(named: "fatima") != nil)
        // Said on purpose, it is done, and the loss is recorded.
        let restored = try Backups.restore(old.path, to: target, acceptLoss: true)
        #expect(restored.lost >= 1)
    }
}
