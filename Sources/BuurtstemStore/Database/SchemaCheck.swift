public import GRDB
import Synchronization

/// A file is what the migrations made, or it is refused: its tables, indexes, triggers and views
/// (`sqlite_master`) must be exactly those the migrations it has applied create. A trigger planted
/// in a backup (one that makes every "no" vote fail) or a table that copies each code use with its
/// time would otherwise come along with a restore and act from then on.
public enum SchemaCheck {
    /// One object of the schema.
    struct Object: Hashable {
        var type: String
        var name: String
        var table: String
        /// Its SQL with runs of white space as one space (nil for automatic indexes).
        var sql: String?
    }

    /// How a file's schema differs from the one its migrations make.
    public enum Difference: Sendable, Hashable, CustomStringConvertible {
        /// A table, index, trigger or view no migration made.
        case extra(type: String, name: String)
        /// One the migrations made that is gone.
        case missing(type: String, name: String)
        /// One whose definition was changed.
        case changed(type: String, name: String)
        /// Migrations this binary does not know, or applied out of order.
        case unknownMigrations([String])

        public var description: String {
            switch self {
            case .extra(let type, let name): return "the schema has a \(type) `\(name)` that no migration made"
            case .missing(let type, let name): return "the schema lacks the \(type) `\(name)` the migrations made"
            case .changed(let type, let name): return "the \(type) `\(name)` is not defined as the migrations made it"
            case .unknownMigrations(let names): return "the file has migrations this version does not know: \(names.joined(separator: ", "))"
            }
        }
    }

    /// Objects other software may add beside ours, exactly as it makes them: SQLite's statistics
    /// (`ANALYZE`, `PRAGMA optimize`) and Litestream's bookkeeping tables.
    static let tolerated: Set<Object> = [
        Object(type: "table", name: "sqlite_stat1", table: "sqlite_stat1", sql: "CREATE TABLE sqlite_stat1(tbl,idx,stat)"),
        Object(type: "table", name: "sqlite_stat4", table: "sqlite_stat4", sql: "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)"),
        Object(type: "table", name: "_litestream_seq", table: "_litestream_seq", sql: "CREATE TABLE _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER)"),
        Object(type: "table", name: "_litestream_lock", table: "_litestream_lock", sql: "CREATE TABLE _litestream_lock (id INTEGER)"),
    ]

    /// How the file at hand differs from what its applied migrations make (empty: it is ours).
    public static func differences(_ db: Database) throws -> [Difference] {
        let known = Migrations.migrator.migrations
        let applied = try Migrations.migrator.appliedMigrations(db)
        let unknown = Set(try Migrations.migrator.appliedIdentifiers(db)).subtracting(known)
        if !unknown.isEmpty { return [.unknownMigrations(unknown.sorted())] }
        if applied != Array(known.prefix(applied.count)) { return [.unknownMigrations(applied)] }
        let actual = try objects(db)
        let expected = try expectedObjects(upTo: applied.last)
        var differences: [Difference] = []
        for (key, object) in actual.sorted(by: { $0.key < $1.key }) {
            if let wanted = expected[key] {
                if wanted != object { differences.append(.changed(type: object.type, name: object.name)) }
            } else if !tolerated.contains(object) {
                differences.append(.extra(type: object.type, name: object.name))
            }
        }
        for (key, object) in expected.sorted(by: { $0.key < $1.key }) where actual[key] == nil {
            differences.append(.missing(type: object.type, name: object.name))
        }
        return differences
    }

    /// The error that names every difference.
    static func refusal(_ differences: [Difference]) -> StoreError {
        let list = differences.map(\.description).joined(separator: "\n  ")
        return StoreError(
            nl: "dit bestand is niet wat Buurtstem maakte en wordt niet geopend:\n  \(list)",
            en: "this file is not what Buurtstem made and is not opened:\n  \(list)")
    }

    static func objects(_ db: Database) throws -> [String: Object] {
        var objects: [String: Object] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master") {
            let object = Object(type: row["type"], name: row["name"], table: row["tbl_name"], sql: (row["sql"] as String?).map(normalised))
            objects["\(object.type) \(object.name)"] = object
        }
        return objects
    }

    static func normalised(_ sql: String) -> String {
        sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    private static let cache = Mutex<[String: [String: Object]]>([:])

    /// The schema the migrations make up to `migration` (nil: none yet), built once in memory.
    static func expectedObjects(upTo migration: String?) throws -> [String: Object] {
        guard let migration else { return [:] }
        if let cached = cache.withLock({ $0[migration] }) { return cached }
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: migration)
        let objects = try queue.read { try Self.objects($0) }
        cache.withLock { $0[migration] = objects }
        return objects
    }
}
