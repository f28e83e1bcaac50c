import BuurtstemCore
import BuurtstemStore
import Foundation
import GRDB
import Statuut
import Testing

/// Whoever supplies a file (a replica in a bucket, an export handed between hosts) must not decide
/// which votes count: a file is what the migrations made, or it is refused.
@Suite("Planted schema")
struct PlantedSchemaTests {
    static let plants: [(name: String, sql: String)] = [
        ("no_no", "CREATE TRIGGER no_no BEFORE INSERT ON vote WHEN new.choice='no' BEGIN SELECT RAISE(ABORT,'disk I/O error'); END"),
        ("code_use_copy", "CREATE TABLE code_use_copy (marker BLOB, at TEXT)"),
        ("copy_uses", "CREATE TRIGGER copy_uses AFTER INSERT ON code_vote BEGIN INSERT INTO code_use_copy VALUES (new.marker, strftime('%f','now')); END"),
        ("votes_by_time", "CREATE VIEW votes_by_time AS SELECT * FROM vote"),
    ]

    /// A genuine backup of an evening with votes, with `sql` planted in it.
    static func plantedBackup(_ sql: [String], in folder: URL) throws -> String {
        let db = try ComplianceTests.keptScenario()
        let made = try db.backup(to: folder.appendingPathComponent("kopie.sqlite").path)
        let queue = try DatabaseQueue(path: made.path)
        try queue.write { db in for statement in sql { try db.execute(sql: statement) } }
        try queue.close()
        // The attacker also writes a matching checksum.
        let sha = try Backups.sha256(ofFile: made.path)
        try "\(sha)  kopie.sqlite\n".write(toFile: made.path + ".sha256", atomically: true, encoding: .utf8)
        return made.path
    }

    @Test("a backup with a planted trigger, table or view is not restored, naming what was planted", arguments: [0, 1, 3])
    func restoreRefuses(_ index: Int) throws {
        let folder = try BackupTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sql = index == 1 ? [Self.plants[1].sql, Self.plants[2].sql] : [Self.plants[index].sql]
        let path = try Self.plantedBackup(sql, in: folder)
        let target = folder.appendingPathComponent("wildeman.sqlite").path
        let refused = #expect(throws: StoreError.self) { try Backups.restore(path, to: target) }
        #expect(refused?.message.contains("nothing was replaced") == true)
        #expect(refused?.message.contains("`\(Self.plants[index].name)`") == true, "\(String(describing: refused))")
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test("a file with a planted trigger is not opened (as serve and every command open it)")
    func openRefuses() throws {
        let folder = try BackupTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.plantedBackup([Self.plants[0].sql], in: folder)
        let refused = #expect(throws: StoreError.self) { try AppDatabase(path: path) }
        #expect(refused?.message.contains("trigger `no_no` that no migration made") == true, "\(String(describing: refused))")
    }

    @Test("a changed trigger, a dropped one and a changed table are named by audit verify")
    func verifyNames() throws {
        let db = try ComplianceTests.keptScenario()
        #expect(try db.verifyAudit().isIntact)
        try db.writer.write { db in
            try db.execute(sql: "DROP TRIGGER audit_entry_no_delete")
            try db.execute(
                sql: "DROP TRIGGER audit_entry_no_update; CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry WHEN 0 BEGIN SELECT 1; END")
            try db.execute(sql: Self.plants[0].sql)
        }
        let problems = try db.verifyAudit().problems
        #expect(problems.contains(.schemaDiffers(.missing(type: "trigger", name: "audit_entry_no_delete"))), "\(problems)")
        #expect(problems.contains(.schemaDiffers(.changed(type: "trigger", name: "audit_entry_no_update"))))
        #expect(problems.contains(.schemaDiffers(.extra(type: "trigger", name: "no_no"))))
    }

    @Test("what other software adds beside ours (SQLite's statistics, Litestream's tables) is accepted as they make it")
    func tolerated() throws {
        let db = try ComplianceTests.keptScenario()
        try db.writer.write { db in
            try db.execute(sql: "ANALYZE")
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER)")
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS _litestream_lock (id INTEGER)")
        }
        #expect(try db.verifyAudit().problems == [])
        try db.writer.write { db in try db.execute(sql: "CREATE TRIGGER _litestream_x AFTER INSERT ON _litestream_lock BEGIN SELECT 1; END") }
        #expect(!(try db.verifyAudit().isIntact))
    }

    @Test("connections run with trusted_schema off")
    func trustedSchemaOff() throws {
        let db = try ComplianceTests.keptScenario()
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "PRAGMA trusted_schema") } == 0)
    }

    @Test("backup --out refuses a symbolic link, dangling or not, and writes the copy for its owner only")
    func backupPath() throws {
        let folder = try BackupTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try ComplianceTests.keptScenario()
        let elsewhere = folder.appendingPathComponent("elders.sqlite").path
        let dangling = folder.appendingPathComponent("dangling.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: elsewhere)
        let refused = #expect(throws: StoreError.self) { try db.backup(to: dangling) }
        #expect(refused?.message.contains("symbolic link") == true)
        #expect(!FileManager.default.fileExists(atPath: elsewhere))
        try Data().write(to: URL(fileURLWithPath: elsewhere))
        let link = folder.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: elsewhere)
        #expect(throws: StoreError.self) { try db.backup(to: link) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: elsewhere)).isEmpty)
        let made = try db.backup(to: folder.appendingPathComponent("kopie.sqlite").path)
        let mode = try FileManager.default.attributesOfItem(atPath: made.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
