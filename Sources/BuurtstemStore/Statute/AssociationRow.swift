import GRDB

/// The row of `association`: there is one (id 1) once the association is created.
struct AssociationRow: StoredRow, PersistableRecord {
    static let databaseTableName = "association"
    var id = 1
    var name: String
    /// When it was created (the clock's instant, as text).
    var createdAt: String

    /// The association, or nil before `buurtstem init`.
    static func one(_ db: Database) throws -> AssociationRow? { try fetchOne(db, key: 1) }
}
