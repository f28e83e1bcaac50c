public import BuurtstemCore
public import GRDB
public import Statuut

// Values as they are stored, and rows as GRDB records: a value that cannot be read is an error
// (GRDB's decoding throws), never a default date or state.

extension CivilDate: DatabaseValueConvertible {
    /// Stored as `YYYY-MM-DD` text.
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CivilDate? {
        String.fromDatabaseValue(dbValue).flatMap { CivilDate(iso: $0) }
    }
}

/// Stored as the bare row id (an INTEGER column).
extension Identifier: DatabaseValueConvertible, StatementColumnConvertible {}

extension Assembly.State: DatabaseValueConvertible {}
extension ShareholderResponse.Kind: DatabaseValueConvertible {}
extension MembershipApplication.State: DatabaseValueConvertible {}
extension AdmissionRule.Body: DatabaseValueConvertible {}
extension TallyMethod: DatabaseValueConvertible {}

extension FetchableRecord where Self: TableRecord {
    /// The row with this key, or nil; a row whose value cannot be read (a state or date no release
    /// wrote) is a `StoreError` that names the table, the key and the column.
    static func fetchReadable(_ db: Database, key: some DatabaseValueConvertible & CustomStringConvertible) throws -> Self? {
        do { return try fetchOne(db, key: key) } catch let error as RowDecodingError {
            throw StoreError(
                nl: "rij \(key) van `\(databaseTableName)` is onleesbaar: \(error)",
                en: "row \(key) of `\(databaseTableName)` cannot be read: \(error)")
        }
    }
}

/// A row of `assembly`.
struct AssemblyRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "assembly"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: AssemblyID
    var date: CivilDate
    var place: String
    var state: Assembly.State
    var calledOn: CivilDate?
    var referenceDate: CivilDate?
    var agendaKinds: String
    var secondMeetingOf: AssemblyID?

    var assembly: Assembly {
        Assembly(
            id: id, date: date, place: place, state: state, calledOn: calledOn, referenceDate: referenceDate,
            agendaKinds: agendaKinds.split(separator: ",").map(String.init), secondMeetingOf: secondMeetingOf)
    }
}

/// A row of `assembly_demand`.
struct AssemblyDemandRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "assembly_demand"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: Int
    var receivedOn: CivilDate
    var supporters: Int
    var callBy: CivilDate
    var answeredBy: Int?

    var demand: AssemblyDemand { AssemblyDemand(receivedOn: receivedOn, supporters: supporters, callBy: callBy) }
}

/// A row of `shareholder_response`.
struct ShareholderResponseRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "shareholder_response"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: Int
    var proposalId: ProposalID
    var shareholder: String
    var kind: ShareholderResponse.Kind
    var onDate: CivilDate
    var text: String
}

/// A row of `membership_application`.
struct MembershipApplicationRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "membership_application"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: ApplicationID
    var residentId: String
    var appliedOn: CivilDate
    var intakeOn: CivilDate?
    var meetsProfile: Bool
    var state: MembershipApplication.State
    var decidedBy: AdmissionRule.Body?
    var assemblyId: AssemblyID?
    var decidedOn: CivilDate?
    var reason: String?

    var application: MembershipApplication {
        MembershipApplication(
            id: id, resident: ResidentID(residentId), appliedOn: appliedOn, intakeOn: intakeOn, meetsProfile: meetsProfile,
            state: state, decidedBy: decidedBy, assembly: assemblyId, decidedOn: decidedOn, reason: reason)
    }
}

/// A row of `board_member`.
struct BoardMemberRow: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "board_member"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    var id: BoardMemberID
    var name: String
    var seatFor: String?
    var appointedOn: CivilDate
    var leftOn: CivilDate?

    var member: BoardMember { BoardMember(id: id, name: name, seatFor: seatFor, appointedOn: appointedOn, leftOn: leftOn) }
}
