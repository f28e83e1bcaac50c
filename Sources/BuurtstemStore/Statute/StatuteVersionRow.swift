import BuurtstemCore
import GRDB
import Statuut

/// A row of `statute_version`, read and written as a record.
struct StatuteVersionRow: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "statute_version"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    /// Nil until inserted: the database gives the id.
    var id: StatuteVersionID?
    var validFrom: CivilDate
    var name: String
    var source: String
    var sha256: String
    var fileName: String
    var adoptedHow: String
    /// When it was recorded (the clock's instant, as text).
    var adoptedAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = StatuteVersionID(Int(inserted.rowID)) }

    var version: StatuteVersion {
        get throws {
            guard let id else { throw StoreError(nl: "een statuutversie zonder nummer", en: "a statute version without a number") }
            return StatuteVersion(
                id: id, validFrom: validFrom, name: name, source: source, sha256: sha256, fileName: fileName, adoptedHow: adoptedHow)
        }
    }
}
