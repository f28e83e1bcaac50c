public import BuurtstemCore
public import GRDB
public import Statuut

/// The database of one association: one SQLite file, opened in WAL mode with
/// `synchronous=FULL` and foreign keys on. Every write is one transaction that covers one
/// invariant, and every state change appends its audit entry in that same transaction.
public struct AppDatabase: Sendable {
    /// The underlying GRDB writer (a pool for files, a queue in memory). Package-wide only: the
    /// modules use the intent-named operations; the tests reach the file as an attacker would, and
    /// the benchmarks prepare data through it.
    package let writer: any DatabaseWriter
    /// The source of "now" for audit timestamps.
    public let clock: WallClock
    /// The last full check of the audit log in this process (`verifyAuditSinceLastCheck`).
    let auditCache = AuditScanCache()

    /// What to do with a file whose schema is not what its migrations made (`SchemaCheck`).
    public enum ForeignSchema: Sendable {
        /// Refuse to open it, naming every difference (serving, every command that changes or reads it).
        case refuse
        /// Open it to say what is wrong (`audit verify`, a backup's inspection): `verifyAudit` lists
        /// every difference among its problems. Such a file is never migrated.
        case report
    }

    /// Opens (and migrates) the database at `path`, creating the file when needed.
    public init(path: String, clock: WallClock = .system, foreignSchema: ForeignSchema = .refuse) throws {
        let pool = try DatabasePool(path: path, configuration: Self.configuration())
        try self.init(writer: pool, clock: clock, foreignSchema: foreignSchema)
    }

    /// An in-memory database, for tests.
    public static func inMemory(clock: WallClock = .system) throws -> AppDatabase {
        try AppDatabase(writer: DatabaseQueue(configuration: configuration()), clock: clock)
    }

    /// Wraps an open writer and runs the migrations, after checking that the file's schema is
    /// exactly what its applied migrations made (`SchemaCheck`): a file with a planted trigger,
    /// table or view is refused, naming it, before anything in it can run (or, with `.report`,
    /// opened as it is for `verifyAudit` to name it).
    public init(writer: any DatabaseWriter, clock: WallClock = .system, foreignSchema: ForeignSchema = .refuse) throws {
        self.writer = writer
        self.clock = clock
        let differences = try writer.read { db in try SchemaCheck.differences(db) }
        if !differences.isEmpty {
            let pending = try writer.read { db in try !Migrations.migrator.hasCompletedMigrations(db) }
            if foreignSchema == .refuse || pending { throw SchemaCheck.refusal(differences) }
            return
        }
        try Migrations.migrator.migrate(writer)
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // An acknowledged write survives a crash or power loss.
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Deleted rows are overwritten with zeros, in the file and in the WAL: a replaced vote,
            // a dropped table or an ended session leaves nothing behind for a later copy of the file.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // Nothing in the schema (a trigger, a view) may call a function with side effects.
            try db.execute(sql: "PRAGMA trusted_schema = OFF")
        }
        return configuration
    }
}

/// A store operation that cannot be done, with a message for the board.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in English (the command line's language and the API's).
    public var message: String
    /// The same in Dutch, for the pages.
    public var nl: String
    /// The thing asked for does not exist (a page answers 404, not 500).
    public var isNotFound = false

    /// An error worded in both languages.
    public init(nl: String, en: String) {
        self.nl = nl
        self.message = en
    }

    public var description: String { message }

    /// The message in `language`.
    public func text(in language: Language) -> String { language == .nl ? nl : message }

    /// "There is no …": the thing asked for does not exist.
    public static func notFound(nl: String, en: String) -> StoreError {
        var error = StoreError(nl: nl, en: en)
        error.isNotFound = true
        return error
    }
}

extension AppDatabase {
    /// The database's size in bytes (pages in use and free), for the operator's metrics.
    public func fileSize() throws -> Int {
        try writer.read { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let size = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return pages * size
        }
    }

    /// Whether the database answers and its schema is the one this binary knows (readiness).
    public func isReady() -> Bool {
        (try? writer.read { db in try Migrations.migrator.hasCompletedMigrations(db) }) ?? false
    }
}

extension AppDatabase {
    /// Copies everything committed from the write-ahead log into the database file.
    public func checkpoint() throws {
        try writer.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }
}
