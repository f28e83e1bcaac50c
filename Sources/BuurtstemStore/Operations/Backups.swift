public import BuurtstemCore
import Crypto
public import Foundation
import GRDB
import Statuut

#if canImport(Glibc)
    import Glibc
#endif

/// A copy of the database made while the server runs, and the checks a copy must pass before it
/// may replace an association's database.
public enum Backups {
    /// What a backup wrote.
    public struct Made: Sendable, Hashable {
        public var path: String
        /// SHA-256 of the file, also written to `PATH.sha256` (the format `sha256sum -c` reads).
        public var sha256: String
        public var head: AuditHead
    }

    /// What `inspect` found in a backup file.
    public struct Inspection: Sendable {
        public var head: AuditHead
        /// The hash of the log's first entry: the same for every copy of one association, different for any other.
        public var identity: Hash?
        /// Why the copy may not be restored; empty when it may.
        public var problems: [String]
        /// The checksum file next to the backup matched (nil: there was none).
        public var checksumMatched: Bool?
    }

    /// The SHA-256 of a file, in hex.
    public static func sha256(ofFile path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(nl: "\(path) kan niet gelezen worden", en: "\(path) cannot be read")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Checks a backup without changing it: its checksum file (when there is one), SQLite's own
    /// integrity check, the audit log (against witnessed heads when given), and every ballot's
    /// votes against their log entries. Works on a temporary copy, which is returned for the
    /// restore to move into place (the caller removes it when it does not).
    public static func inspect(_ path: String, witnessed: [SignedAuditHead] = [], copyTo copy: String) throws -> Inspection {
        var problems: [String] = []
        var checksumMatched: Bool?
        if let line = try? String(contentsOfFile: path + ".sha256", encoding: .utf8), let expected = line.split(separator: " ").first {
            checksumMatched = try sha256(ofFile: path) == expected.lowercased()
            if checksumMatched == false { problems.append("the file does not match its checksum in \(path).sha256: it was changed or cut short") }
        }
        /// A copy that cannot even be read: no head, no identity, and why.
        func unreadable(_ why: String) -> Inspection {
            Inspection(head: AuditHead(size: 0, root: MerkleTree.emptyRoot), identity: nil, problems: problems + [why], checksumMatched: checksumMatched)
        }
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: copy, configuration: AppDatabase.configuration())
            let result = try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
            guard result == ["ok"] else { return unreadable("SQLite finds the file damaged: \(result.prefix(3).joined(separator: "; "))") }
        } catch {
            return unreadable("this is not a readable Buurtstem database (\(Self.reason(error)))")
        }
        let database: AppDatabase
        do { database = try AppDatabase(writer: queue) } catch {
            return unreadable("this is not a Buurtstem database this version can open (\(Self.reason(error)))")
        }
        let verification: AuditVerification
        if witnessed.isEmpty {
            verification = try database.verifyAudit()
        } else {
            let checked = try database.verifyAudit(witnessed: witnessed)
            verification = checked.verification
            problems += checked.signatureProblems
        }
        problems += verification.problems.map { "audit log: \($0)" }
        for ballot in try database.voteIntegrity() where !ballot.isConsistent {
            problems.append("ballot \(ballot.ballot): its votes do not match the audit log")
        }
        return Inspection(head: verification.head, identity: try database.auditIdentity(), problems: problems, checksumMatched: checksumMatched)
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "SQLite error \(error.resultCode)" }
        return "\(error)"
    }
}

extension AppDatabase {
    /// An online copy of the whole database at `path` (SQLite's backup API: consistent even while
    /// the server writes), with its SHA-256 in `PATH.sha256`. Refuses to overwrite a file.
    public func backup(to path: String) throws -> Backups.Made {
        // Anything at the path is refused, a symbolic link too (even one that leads nowhere: the copy
        // would be written wherever it points). The file is made here, readable by its owner only.
        var status = stat()
        guard lstat(path, &status) != 0 else {
            let link = (status.st_mode & S_IFMT) == S_IFLNK
            throw StoreError(
                nl: link ? "\(path) is een symbolische koppeling; kies een gewoon pad" : "\(path) bestaat al; kies een nieuwe naam",
                en: link ? "\(path) is a symbolic link; choose a plain path" : "\(path) exists already; choose a new name")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError(nl: "\(path) kan niet gemaakt worden (errno \(errno))", en: "\(path) cannot be created (errno \(errno))")
        }
        close(descriptor)
        let destination = try DatabaseQueue(path: path)
        try writer.backup(to: destination)
        let head = try destination.read { db in try AuditAppender.storedFrontier(db) }
        try destination.close()
        let sha = try Backups.sha256(ofFile: path)
        try "\(sha)  \(URL(fileURLWithPath: path).lastPathComponent)\n".write(toFile: path + ".sha256", atomically: true, encoding: .utf8)
        return Backups.Made(path: path, sha256: sha, head: AuditHead(size: head.size, root: head.root))
    }

    /// The hash of the audit log's first entry: which association this database belongs to.
    public func auditIdentity() throws -> Hash? {
        try writer.read { db in
            try AuditEntryRow.fetchOne(db, key: 1).flatMap { $0.leafHash.count == 32 ? Hash([UInt8]($0.leafHash)) : nil }
        }
    }
}

extension Backups {
    /// What a restore did.
    public struct Restored: Sendable {
        public var head: AuditHead
        /// Entries the replaced database had beyond the backup (only with `acceptLoss`).
        public var lost: Int
        public var checksumMatched: Bool?
    }

    /// Replaces the database at `target` with the backup at `path`, only after the backup passed
    /// `inspect`, belongs to the same association as `target` (when `target` is readable), and — unless
    /// `acceptLoss` — holds at least every entry of `target`'s audit log. Refused while a server serves
    /// `target`. Nothing is replaced when anything is refused. The restore is logged in the restored log.
    public static func restore(_ path: String, to target: String, witnessed: [SignedAuditHead] = [], acceptLoss: Bool = false) throws -> Restored {
        try ServingLock.exclusively(target) {
            let copy = target + ".restoring"
            defer { try? FileManager.default.removeItem(atPath: copy) }
            let inspection = try inspect(path, witnessed: witnessed, copyTo: copy)
            guard inspection.problems.isEmpty else {
                throw StoreError(
                    nl: "\(path) wordt niet teruggezet; er is niets vervangen:\n  " + inspection.problems.joined(separator: "\n  "),
                    en: "\(path) is not restored; nothing was replaced:\n  " + inspection.problems.joined(separator: "\n  "))
            }
            var lost = 0
            // The current file is read as it is (no migration: it may be of an older version, or damaged).
            if FileManager.default.fileExists(atPath: target), let current = try? DatabaseQueue(path: target, configuration: readOnly()),
                let (size, first) = try? current.read({ db in
                    (
                        try AuditStateRow.one(db)?.size ?? 0,
                        try AuditEntryRow.fetchOne(db, key: 1)?.leafHash
                    )
                })
            {
                if let first, first.count == 32, Hash([UInt8](first)) != inspection.identity {
                    throw StoreError(
                        nl: "\(path) is een kopie van een andere vereniging (het auditlog begint anders); er is niets vervangen",
                        en: "\(path) is a copy of another association (its audit log begins differently); nothing was replaced")
                }
                lost = max(0, size - inspection.head.size)
                if lost > 0, !acceptLoss {
                    throw StoreError(
                        nl: "de database heeft \(lost) auditregels meer dan de kopie; terugzetten verliest ze. Zeker? Voeg --accept-loss toe",
                        en: "the database has \(lost) audit entries more than the backup; restoring loses them. Sure? Add --accept-loss")
                }
            }
            // The old file's write-ahead log must not be applied to the new file.
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
            // One atomic rename: a crash leaves either the old file or the new one, never half of each.
            guard rename(copy, target) == 0 else {
                throw StoreError(nl: "\(copy) kon niet naar \(target) (errno \(errno))", en: "could not move \(copy) to \(target) (errno \(errno))")
            }
            let restored = try AppDatabase(path: target)
            try restored.recordRestore(from: path, checksumMatched: inspection.checksumMatched, lost: lost)
            return Restored(head: try restored.auditHead(), lost: lost, checksumMatched: inspection.checksumMatched)
        }
    }

    static func readOnly() -> Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }
}

extension AppDatabase {
    /// Logs that this database was restored from a backup (which file, what was lost).
    func recordRestore(from path: String, checksumMatched: Bool?, lost: Int) throws {
        let sha = try Backups.sha256(ofFile: path)
        try writer.write { db in
            try audit(db, .system, DatabaseRestored(backupSHA256: sha, checksumMatched: checksumMatched, entriesLost: lost))
        }
    }
}
