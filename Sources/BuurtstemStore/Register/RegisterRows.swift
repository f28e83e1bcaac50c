import BuurtstemCore
import GRDB
import Statuut

/// A row of `register_import`: one import of a register extract, with what it changed.
struct RegisterImportRow: StoredRow {
    static let databaseTableName = "register_import"
    var id: Int64?
    var fileName: String
    var sha256: String
    var extractDate: CivilDate
    var rowsRead: Int
    var imported: Int
    var rejected: Int
    var created: Int
    var moved: Int
    var movedOut: Int
    var updated: Int
    var absent: Int
    /// When it ran (the clock's instant, as text).
    var at: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `resident`: a person in the register, by the register's id. A first import of a
/// million residents writes these rows through `NewResidentWriter`'s prepared statements, for speed.
struct ResidentRow: StoredRow, PersistableRecord {
    static let databaseTableName = "resident"
    var id: ResidentID
    /// The full date of birth, or only the year: the register gives one or the other.
    var birthDate: CivilDate?
    var birthYear: Int?
    var name: String?

    init(id: ResidentID, birth: Birth?, name: String?) {
        self.id = id
        (birthDate, birthYear) =
            switch birth {
            case .date(let day): (day, nil)
            case .year(let year): (nil, year)
            case nil: (nil, nil)
            }
        self.name = name
    }
}

/// A row of `residence`: where a resident lived, from when until when.
struct ResidenceRow: StoredRow {
    static let databaseTableName = "residence"
    var id: Int64?
    var residentId: ResidentID
    var postcode: String
    var houseNumber: Int
    var addition: String?
    var movedIn: CivilDate?
    var movedOut: CivilDate?

    init(_ resident: ResidentID, _ address: Address, movedIn: CivilDate?, movedOut: CivilDate?) {
        residentId = resident
        postcode = address.postcode.description
        houseNumber = address.houseNumber
        addition = address.addition
        self.movedIn = movedIn
        self.movedOut = movedOut
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Ends a residence: `day` is the day the resident moved out.
    static func close(_ db: Database, id: Int64, on day: CivilDate) throws {
        try filter(key: id).updateAll(db, Column("moved_out").set(to: day))
    }
}
